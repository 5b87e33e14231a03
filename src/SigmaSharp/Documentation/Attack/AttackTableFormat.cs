using System.Collections.Immutable;

namespace SigmaSharp.Documentation.Attack;

/// <summary>
/// The layout of data/attack.tsv, shared by the generator and the reader so the two cannot drift:
/// '#' comment lines (version, MITRE notice), one column-header line, then one tab-separated row per object.
/// Lists inside a cell are comma-separated; flags are "yes" or "no" so a diff reads as prose.
/// </summary>
internal static class AttackTableFormat
{
    public const string VersionKey = "# attack-version: ";
    public const string ColumnHeader = "kind\tid\tname\tdomains\ttactics\trevoked\tdeprecated\trevoked_by\tversion";
    public const int ColumnCount = 9;

    private static readonly ImmutableArray<(AttackObjectKind Kind, string Name)> KindNames =
    [
        (AttackObjectKind.Tactic, "tactic"),
        (AttackObjectKind.Technique, "technique"),
        (AttackObjectKind.Subtechnique, "subtechnique"),
        (AttackObjectKind.Group, "group"),
        (AttackObjectKind.Software, "software"),
        (AttackObjectKind.Mitigation, "mitigation"),
        (AttackObjectKind.DataSource, "datasource"),
        (AttackObjectKind.Asset, "asset"),
        (AttackObjectKind.Campaign, "campaign"),
    ];

    private static readonly ImmutableArray<(AttackDomains Domain, string Name)> DomainNames =
    [
        (AttackDomains.Enterprise, "enterprise"),
        (AttackDomains.Mobile, "mobile"),
        (AttackDomains.Ics, "ics"),
    ];

    public static string KindName(AttackObjectKind kind) => KindNames.First(k => k.Kind == kind).Name;

    public static AttackObjectKind? ParseKind(string name)
    {
        foreach (var (kind, text) in KindNames)
        {
            if (text == name)
            {
                return kind;
            }
        }
        return null;
    }

    /// <summary>Domains in the fixed order enterprise, mobile, ics, whatever order the bundles list them in.</summary>
    public static string FormatDomains(AttackDomains domains) =>
        string.Join(',', DomainNames.Where(d => domains.HasFlag(d.Domain)).Select(d => d.Name));

    public static AttackDomains ParseDomains(string cell)
    {
        var result = AttackDomains.None;
        foreach (var part in SplitList(cell))
        {
            result |= ParseDomain(part);
        }
        return result;
    }

    /// <summary>Accepts both the table's short names and STIX's "enterprise-attack" spelling.</summary>
    public static AttackDomains ParseDomain(string name)
    {
        var shortName = name.EndsWith("-attack", StringComparison.Ordinal) ? name[..^"-attack".Length] : name;
        foreach (var (domain, text) in DomainNames)
        {
            if (text == shortName)
            {
                return domain;
            }
        }
        return AttackDomains.None;
    }

    /// <summary>The order in which a tactic shortname shared by several matrices is looked up: enterprise first, as Sigma rules mostly are.</summary>
    public static IEnumerable<AttackDomains> DomainOrder => DomainNames.Select(d => d.Domain);

    public static ImmutableArray<string> SplitList(string cell) =>
        cell.Length == 0 ? [] : [.. cell.Split(',')];

    public static string Flag(bool value) => value ? "yes" : "no";

    public static bool ParseFlag(string cell) => cell == "yes";

    /// <summary>Names never hold tabs or line breaks; if a future bundle does, they must not break the row.</summary>
    public static string Clean(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        }).Trim();
}
