using System.Collections.Frozen;
using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Tags;

/// <summary>The tags appendix defines the namespaces attack, car, cve, d3fend, detection, stp and tlp; others are read by no tool.</summary>
internal sealed class NamespaceTagValidator : TagValidator
{
    internal static readonly FrozenSet<string> Namespaces =
        new[] { "attack", "car", "cve", "d3fend", "detection", "stp", "tlp" }.ToFrozenSet(StringComparer.Ordinal);

    public override string Code => "SIG441";

    public override string Name => "namespace-tag";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "a tag's namespace is not one of the tags appendix (attack, car, cve, d3fend, detection, stp, tlp)";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaTag tag)
    {
        if (!Namespaces.Contains(tag.Namespace))
        {
            yield return Finding(tag.Position, $"tag '{tag}' has namespace '{tag.Namespace}', which the tags appendix does not define");
        }
    }
}
