using SigmaSharp.Rules;
using SigmaSharp.Documentation.Attack;
using TagResolver = SigmaSharp.Documentation.Attack.SigmaTag;

namespace SigmaSharp.Validation.Tags;

/// <summary>
/// Checks the value of one namespace's tags with the tags appendix resolver (closed lists for tlp and detection,
/// forms for car, cve and stp, shipped data for car and d3fend).
/// </summary>
internal abstract class NamespaceValueValidator : TagValidator
{
    protected abstract string Namespace { get; }

    /// <summary>What the namespace's values must be, for the message.</summary>
    protected abstract string Expected { get; }

    protected override IEnumerable<SigmaDiagnostic> Check(Rules.SigmaTag tag)
    {
        if (!string.Equals(tag.Namespace, Namespace, StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        var result = TagResolver.Resolve(tag.ToString());
        if (result.Status is SigmaTagStatus.Malformed or SigmaTagStatus.UnknownValue or SigmaTagStatus.NotInBundledData)
        {
            var why = result.Status == SigmaTagStatus.NotInBundledData ? "is not in the bundled data" : "is not valid";
            yield return Finding(tag.Position, $"tag '{tag}' {why}; expected {Expected}");
        }
    }
}

internal sealed class TlpTagValidator : NamespaceValueValidator
{
    public override string Code => "SIG447";

    public override string Name => "tlp-tag";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "a tlp.* tag is not a TLP 1.0 or 2.0 level";

    protected override string Namespace => "tlp";

    protected override string Expected => "tlp.clear, tlp.white, tlp.green, tlp.amber, tlp.amber-strict or tlp.red";
}

internal sealed class CarTagValidator : NamespaceValueValidator
{
    public override string Code => "SIG448";

    public override string Name => "car-tag";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "a car.* tag is not a known MITRE CAR analytic (car.YYYY-MM-NNN)";

    protected override string Namespace => "car";

    protected override string Expected => "a MITRE CAR analytic id such as car.2016-04-005";
}

internal sealed class CveTagValidator : NamespaceValueValidator
{
    public override string Code => "SIG449";

    public override string Name => "cve-tag";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "a cve.* tag is not of the form cve.YYYY-NNNN";

    protected override string Namespace => "cve";

    protected override string Expected => "cve.YYYY-NNNN (year, dash, at least four digits)";
}

internal sealed class DetectionTagValidator : NamespaceValueValidator
{
    public override string Code => "SIG450";

    public override string Name => "detection-tag";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "a detection.* tag is not dfir, emerging-threats or threat-hunting";

    protected override string Namespace => "detection";

    protected override string Expected => "detection.dfir, detection.emerging-threats or detection.threat-hunting";
}

internal sealed class StpTagValidator : NamespaceValueValidator
{
    public override string Code => "SIG451";

    public override string Name => "stp-tag";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "an stp.* tag is not a Summiting the Pyramid score (stp.1 to stp.5, optionally a/u/k)";

    protected override string Namespace => "stp";

    protected override string Expected => "stp.1 to stp.5, optionally followed by a, u or k";
}

internal sealed class D3fendTagValidator : NamespaceValueValidator
{
    public override string Code => "SIG446";

    public override string Name => "d3fend-tag";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "a d3fend.* tag names no known D3FEND tactic, technique or artifact";

    protected override string Namespace => "d3fend";

    protected override string Expected => "a D3FEND technique (d3fend.d3-...), tactic or artifact (d3fend.d3f-...)";
}
