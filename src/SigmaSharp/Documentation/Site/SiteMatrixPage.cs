using System.Text;
using SigmaSharp.Documentation.Attack;

namespace SigmaSharp.Documentation.Site;

/// <summary>
/// The tactic × technique matrix: a column per enterprise tactic, in it every technique the rules name (revoked
/// ones counted for their successor) with its rule count, linked to the technique's group on techniques.html.
/// </summary>
internal static class SiteMatrixPage
{
    public static string Write(IReadOnlyList<SiteRule> rules, AttackTable table)
    {
        var counts = new Dictionary<string, (AttackEntry Entry, int Count)>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            foreach (var technique in rule.Attack.CurrentTechniques(table))
            {
                var count = counts.TryGetValue(technique.Id, out var known) ? known.Count : 0;
                counts[technique.Id] = (technique, count + 1);
            }
        }
        var columns = TacticOrder.EnterpriseTactics(table)
            .Select(t => (Tactic: t, Techniques: counts.Values
                .Where(c => c.Entry.Tactics.Contains(t.ShortName!, StringComparer.Ordinal))
                .OrderBy(c => c.Entry.Id, StringComparer.Ordinal).ToList()))
            .ToList();
        var rows = columns.Count == 0 ? 0 : columns.Max(c => c.Techniques.Count);

        var body = new StringBuilder();
        body.Append("<h1>ATT&amp;CK coverage matrix</h1>\n<p>Techniques named by the rules (revoked ones counted for their successor), with rule counts.</p>\n");
        body.Append("<table class=\"matrix\">\n<thead><tr>");
        foreach (var (tactic, techniques) in columns)
        {
            body.Append("<th><a href=\"tactics.html#").Append(SiteLayout.Anchor(tactic.Id)).Append("\">").Append(MarkdownHtml.Escape(tactic.Name))
                .Append("</a> <span class=\"count\">").Append(techniques.Sum(t => t.Count)).Append("</span></th>");
        }
        body.Append("</tr></thead>\n<tbody>\n");
        for (var row = 0; row < rows; row++)
        {
            body.Append("<tr>");
            foreach (var (_, techniques) in columns)
            {
                body.Append("<td>");
                if (row < techniques.Count)
                {
                    var (entry, count) = techniques[row];
                    body.Append("<a href=\"techniques.html#").Append(SiteLayout.Anchor(entry.Id)).Append("\">").Append(MarkdownHtml.Escape(entry.Id))
                        .Append(' ').Append(MarkdownHtml.Escape(entry.Name)).Append("</a> <span class=\"count\">(").Append(count).Append(")</span>");
                }
                body.Append("</td>");
            }
            body.Append("</tr>\n");
        }
        body.Append("</tbody>\n</table>\n");
        return SiteLayout.Page("ATT&CK coverage matrix", string.Empty, body.ToString());
    }
}
