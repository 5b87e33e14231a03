using System.Text.RegularExpressions;

namespace SigmaSharp.Documentation.Attack;

/// <summary>
/// MITRE's licence lets anyone copy ATT&amp;CK provided MITRE's copyright designation and the licence
/// travel with every copy, so the table carries them in its header. The copyright years come from
/// the bundles' own marking statement, so a newer release brings its own years.
/// </summary>
internal static partial class AttackNotice
{
    public const string LicenseUrl = "https://github.com/mitre/cti/blob/master/LICENSE.txt";
    public const string TermsUrl = "https://attack.mitre.org/resources/legal-and-branding/terms-of-use/";

    public static IEnumerable<string> HeaderLines(IReadOnlyList<StixBundle> bundles)
    {
        var statements = bundles.SelectMany(b => b.MarkingStatements).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var years = statements.Select(s => CopyrightYears().Match(s)).FirstOrDefault(m => m.Success)?.Groups["years"].Value
            ?? LatestYear(bundles);
        yield return "#";
        yield return $"# © {years} The MITRE Corporation. This work is reproduced and distributed with the permission of The MITRE Corporation.";
        foreach (var statement in statements)
        {
            yield return "# " + AttackTableFormat.Clean(statement);
        }
        yield return "# ATT&CK® is a registered trademark of The MITRE Corporation.";
        yield return "# License: MITRE grants a non-exclusive, royalty-free license to use ATT&CK® for research, development, and";
        yield return "# commercial purposes, provided MITRE's copyright designation and this license are reproduced in any copy.";
        yield return $"# Full license and disclaimers: {LicenseUrl} and {TermsUrl}";
        yield return "# Facts only (IDs, names, domains, tactics, revoked/deprecated flags, versions); no MITRE description text.";
        yield return "#";
    }

    private static string LatestYear(IReadOnlyList<StixBundle> bundles)
    {
        var latest = bundles.Select(b => b.LatestModified).Max(StringComparer.Ordinal) ?? string.Empty;
        return latest.Length >= 4 ? latest[..4] : "unknown";
    }

    [GeneratedRegex(@"Copyright (?<years>\d{4}(-\d{4})?)", RegexOptions.CultureInvariant)]
    private static partial Regex CopyrightYears();
}
