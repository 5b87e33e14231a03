using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SigmaSharp.Documentation.Attack;

/// <summary>
/// Checks a rule tag against the namespaces of the Sigma tags appendix (v2.1.0): attack, car, cve,
/// d3fend, detection, stp, tlp. IDs are looked up in the shipped data where there is any; CVE and
/// STP are checked for form only, as are D3FEND artifacts (d3f-*), which the shipped data omits.
/// </summary>
public static partial class SigmaTag
{
    private static readonly FrozenDictionary<string, string> TlpLevels = new Dictionary<string, string>
    {
        ["clear"] = "TLP:CLEAR",
        // TLP 1.0's name for CLEAR; older rules still carry it.
        ["white"] = "TLP:WHITE",
        ["green"] = "TLP:GREEN",
        ["amber"] = "TLP:AMBER",
        ["amber-strict"] = "TLP:AMBER+STRICT",
        ["red"] = "TLP:RED",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> DetectionTypes = new Dictionary<string, string>
    {
        ["dfir"] = "Digital forensics and incident response",
        ["emerging-threats"] = "Emerging threats",
        ["threat-hunting"] = "Threat hunting",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static SigmaTagResult Resolve(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var dot = tag.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == tag.Length - 1)
        {
            return new SigmaTagResult(tag, dot <= 0 ? string.Empty : tag[..dot], SigmaTagStatus.Malformed, null, null);
        }
        var ns = tag[..dot];
        var value = tag[(dot + 1)..];
        return ns.ToLowerInvariant() switch
        {
            AttackTag.Namespace => FromAttack(tag, ns, AttackTag.Resolve(tag)),
            "car" => CarPattern().IsMatch(value) ? Lookup(tag, ns, TagReferenceTable.Car.NameOf("CAR-" + value)) : Result(tag, ns, SigmaTagStatus.Malformed),
            "d3fend" => D3fend(tag, ns, value),
            "cve" => Result(tag, ns, CvePattern().IsMatch(value) ? SigmaTagStatus.WellFormed : SigmaTagStatus.Malformed),
            "stp" => Result(tag, ns, StpPattern().IsMatch(value) ? SigmaTagStatus.WellFormed : SigmaTagStatus.Malformed),
            "tlp" => Closed(tag, ns, TlpLevels, value),
            "detection" => Closed(tag, ns, DetectionTypes, value),
            _ => Result(tag, ns, SigmaTagStatus.UnknownNamespace),
        };
    }

    private static SigmaTagResult FromAttack(string tag, string ns, AttackTagResult attack) => new(
        tag,
        ns,
        attack.Status switch
        {
            AttackTagStatus.Found => SigmaTagStatus.Known,
            AttackTagStatus.NotInBundledVersion => SigmaTagStatus.NotInBundledData,
            AttackTagStatus.KindNotBundled => SigmaTagStatus.WellFormed,
            _ => SigmaTagStatus.Malformed,
        },
        attack.Name,
        attack);

    private static SigmaTagResult D3fend(string tag, string ns, string value)
    {
        if (D3fendTechniquePattern().IsMatch(value))
        {
            return Lookup(tag, ns, TagReferenceTable.D3fend.NameOf(value));
        }
        if (D3fendArtifactPattern().IsMatch(value))
        {
            return Result(tag, ns, SigmaTagStatus.WellFormed);
        }
        if (WordPattern().IsMatch(value))
        {
            return Lookup(tag, ns, TagReferenceTable.D3fend.NameOf(value));
        }
        return Result(tag, ns, SigmaTagStatus.Malformed);
    }

    private static SigmaTagResult Lookup(string tag, string ns, string? name) =>
        new(tag, ns, name is null ? SigmaTagStatus.NotInBundledData : SigmaTagStatus.Known, name, null);

    private static SigmaTagResult Closed(string tag, string ns, FrozenDictionary<string, string> values, string value) =>
        values.TryGetValue(value, out var name)
            ? new SigmaTagResult(tag, ns, SigmaTagStatus.Known, name, null)
            : Result(tag, ns, SigmaTagStatus.UnknownValue);

    private static SigmaTagResult Result(string tag, string ns, SigmaTagStatus status) => new(tag, ns, status, null, null);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CarPattern();

    [GeneratedRegex(@"^\d{4}-\d{4,}$", RegexOptions.CultureInvariant)]
    private static partial Regex CvePattern();

    /// <summary>Analytic robustness 1-5, optionally with event robustness a(pplication), u(ser-mode), k(ernel-mode).</summary>
    [GeneratedRegex(@"^[1-5][auk]?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StpPattern();

    [GeneratedRegex(@"^d3-[a-z0-9]+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex D3fendTechniquePattern();

    [GeneratedRegex(@"^d3f-[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex D3fendArtifactPattern();

    [GeneratedRegex(@"^[a-z]+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WordPattern();
}
