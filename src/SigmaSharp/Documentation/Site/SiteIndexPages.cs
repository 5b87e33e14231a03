using System.Text;
using SigmaSharp.Documentation.Attack;
using SigmaSharp.Rules;

namespace SigmaSharp.Documentation.Site;

/// <summary>The grouped index pages: by tactic, technique, log source, level and status; each group lists its rules.</summary>
internal static class SiteIndexPages
{
    public static string Tactics(IReadOnlyList<SiteRule> rules, AttackTable table) =>
        Grouped("Rules by ATT&CK tactic", rules, r => r.Attack.Tactics.Select(t => (t.Id, t.Label(table.Version))),
            keys => keys.OrderBy(k => TacticOrder.Rank(table, k.Key)).ThenBy(k => k.Key, StringComparer.Ordinal));

    public static string Techniques(IReadOnlyList<SiteRule> rules, AttackTable table) =>
        Grouped("Rules by ATT&CK technique", rules, r => r.Attack.Techniques.Select(t => (t.Id, t.Label(table.Version))),
            keys => keys.OrderBy(k => k.Key, StringComparer.Ordinal));

    public static string LogSources(IReadOnlyList<SiteRule> rules) =>
        Grouped("Rules by log source", rules, r => r.LogSourceLabels.Select(l => (l, l)),
            keys => keys.OrderBy(k => k.Key, StringComparer.Ordinal));

    public static string Levels(IReadOnlyList<SiteRule> rules) =>
        Grouped("Rules by level", rules, r => [(r.Level, r.Level)],
            keys => keys.OrderByDescending(k => Enum.TryParse<RuleLevel>(k.Key, true, out var level) ? (int)level : -1));

    public static string Statuses(IReadOnlyList<SiteRule> rules) =>
        Grouped("Rules by status", rules, r => [(r.Status, r.Status)],
            keys => keys.OrderBy(k => Enum.TryParse<RuleStatus>(k.Key, true, out var status) ? (int)status : 99));

    private static string Grouped(
        string title,
        IReadOnlyList<SiteRule> rules,
        Func<SiteRule, IEnumerable<(string Key, string Label)>> keysOf,
        Func<IEnumerable<(string Key, string Label)>, IEnumerable<(string Key, string Label)>> order)
    {
        var groups = new Dictionary<string, (string Label, List<SiteRule> Rules)>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            foreach (var (key, label) in keysOf(rule).DistinctBy(k => k.Key))
            {
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = (label, []);
                }
                group.Rules.Add(rule);
            }
        }
        var keys = order(groups.Select(g => (g.Key, g.Value.Label))).ToList();
        var body = new StringBuilder();
        body.Append("<h1>").Append(MarkdownHtml.Escape(title)).Append("</h1>\n<ul>\n");
        foreach (var (key, label) in keys)
        {
            body.Append("<li><a href=\"#").Append(SiteLayout.Anchor(key)).Append("\">").Append(MarkdownHtml.Escape(label))
                .Append("</a> <span class=\"count\">(").Append(groups[key].Rules.Count).Append(")</span></li>\n");
        }
        body.Append("</ul>\n");
        foreach (var (key, label) in keys)
        {
            body.Append("<h2 id=\"").Append(SiteLayout.Anchor(key)).Append("\">").Append(MarkdownHtml.Escape(label)).Append("</h2>\n<ul>\n");
            foreach (var rule in groups[key].Rules.OrderBy(r => r.Title, StringComparer.Ordinal))
            {
                body.Append("<li><a href=\"").Append(rule.Href).Append("\">").Append(MarkdownHtml.Escape(rule.Title))
                    .Append("</a> <span class=\"level-").Append(rule.Level).Append("\">").Append(rule.Level).Append("</span></li>\n");
            }
            body.Append("</ul>\n");
        }
        return SiteLayout.Page(title, string.Empty, body.ToString());
    }
}

/// <summary>The enterprise matrix's left-to-right tactic order (kill chain), which ATT&amp;CK IDs do not follow.</summary>
internal static class TacticOrder
{
    private static readonly string[] Enterprise =
    [
        "reconnaissance", "resource-development", "initial-access", "execution", "persistence", "privilege-escalation",
        "defense-evasion", "credential-access", "discovery", "lateral-movement", "collection", "command-and-control",
        "exfiltration", "impact",
    ];

    public static int Rank(AttackTable table, string tacticId)
    {
        var entry = table.Find(tacticId);
        var index = entry?.ShortName is { } name ? Array.IndexOf(Enterprise, name) : -1;
        return index >= 0 && entry!.Domains.HasFlag(AttackDomains.Enterprise) ? index : Enterprise.Length;
    }

    public static IEnumerable<AttackEntry> EnterpriseTactics(AttackTable table) =>
        Enterprise.Select(table.FindTactic).OfType<AttackEntry>().Where(t => t.Domains.HasFlag(AttackDomains.Enterprise));
}
