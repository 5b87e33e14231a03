using System.Text.RegularExpressions;

namespace SigmaSharp.Documentation.Attack;

/// <summary>
/// What an ATT&amp;CK ID looks like, independent of any version: the prefix tells the kind and the
/// digits are fixed in width. This lets a tag be told malformed (t105) from merely newer than
/// the bundled table (t1685).
/// </summary>
internal static partial class AttackIdShape
{
    public static string Prefix(AttackObjectKind kind) => kind switch
    {
        AttackObjectKind.Tactic => "TA",
        AttackObjectKind.Technique or AttackObjectKind.Subtechnique => "T",
        AttackObjectKind.Group => "G",
        AttackObjectKind.Software => "S",
        AttackObjectKind.Mitigation => "M",
        AttackObjectKind.DataSource => "DS",
        AttackObjectKind.Asset => "A",
        AttackObjectKind.Campaign => "C",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind an ID names by its shape alone, or null when it is no ATT&amp;CK ID.</summary>
    public static AttackObjectKind? KindOf(string id)
    {
        var match = IdPattern().Match(id);
        if (!match.Success || (match.Groups["sub"].Success && !match.Groups["prefix"].Value.Equals("T", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        return match.Groups["prefix"].Value.ToUpperInvariant() switch
        {
            "TA" => AttackObjectKind.Tactic,
            "T" => match.Groups["sub"].Success ? AttackObjectKind.Subtechnique : AttackObjectKind.Technique,
            "G" => AttackObjectKind.Group,
            "S" => AttackObjectKind.Software,
            "M" => AttackObjectKind.Mitigation,
            "DS" => AttackObjectKind.DataSource,
            "A" => AttackObjectKind.Asset,
            "C" => AttackObjectKind.Campaign,
            _ => null,
        };
    }

    /// <summary>Starts like an ID (a known prefix and a digit) — then it must be one, or it is malformed.</summary>
    public static bool LooksLikeId(string text) => IdStartPattern().IsMatch(text);

    /// <summary>A tactic shortname: lowercase words joined by hyphens (MITRE) or underscores (older Sigma rules).</summary>
    public static bool IsShortName(string text) => ShortNamePattern().IsMatch(text);

    /// <summary>MITRE spells shortnames with hyphens; Sigma rules have used underscores too.</summary>
    public static string NormalizeShortName(string text) => text.Replace('_', '-').ToLowerInvariant();

    [GeneratedRegex(@"^(?<prefix>TA|DS|T|G|S|M|A|C)\d{4}(?<sub>\.\d{3})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(TA|DS|T|G|S|M|A|C)\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdStartPattern();

    [GeneratedRegex(@"^[a-z]+([-_][a-z]+)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortNamePattern();
}
