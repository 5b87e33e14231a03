using System.Net;
using System.Text;
using SigmaSharp.Documentation.Attack;
using SigmaSharp.Rules;

namespace SigmaSharp.Documentation;

/// <summary>
/// Writes the Atomic Threat Coverage analytic page of the second seed: the table (title ... author) with
/// ATT&amp;CK tactics and techniques named from the bundled table, Data Needed from the log source mapping,
/// Triggers from the current techniques, then the Sigma rule verbatim and each translation in a block of its own.
/// Queries are written as given, never with doubled backslashes, so a query copied from the page works.
/// </summary>
public static class AnalyticPageWriter
{
    public const string Extension = ".md";

    public static string Write(DocumentedRule rule, RuleTranslator? translator = null, DocsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        options ??= DocsOptions.Default;
        var table = options.AttackTable;
        var info = rule.Info;
        var attack = AttackMapping.Of(info, table);
        var page = new StringBuilder(rule.Text.Length + 4096);

        page.Append("| Title                    | ").Append(Cell(info.Title)).Append("       |\n");
        page.Append("|:-------------------------|:------------------|\n");
        page.Append("| **Description**          | ").Append(Cell(info.Description)).Append(" |\n");
        page.Append("| **ATT&amp;CK Tactic**    |  ").Append(List(attack.Tactics.Select(t => Link(t, table.Version)))).Append("  |\n");
        page.Append("| **ATT&amp;CK Technique** | ").Append(List(attack.Techniques.Select(t => Link(t, table.Version)))).Append("  |\n");
        var dataNeeded = options.DataNeededMap.For(rule.LogSources);
        page.Append("| **Data Needed**          | ").Append(List(dataNeeded.Select(d => $"[{Cell(d)}](../Data_Needed/{Uri.EscapeDataString(d)}.md)"))).Append("  |\n");
        var triggers = attack.CurrentTechniques(table);
        page.Append("| **Trigger**              | ").Append(List(triggers.Select(t => $"[{Cell(t.Id + ": " + t.Name)}](../Triggers/{t.Id}.md)"))).Append("  |\n");
        page.Append("| **Severity Level**       | ").Append(Cell(LevelName(info.Level))).Append(" |\n");
        page.Append("| **False Positives**      | ").Append(List(info.FalsePositives.Select(Cell))).Append("  |\n");
        page.Append("| **Development Status**   | ").Append(Cell(StatusName(info.Status))).Append(" |\n");
        page.Append("| **References**           | ").Append(List(info.References.Select(r => $"[{Cell(r)}]({Destination(r)})"))).Append("  |\n");
        page.Append("| **Author**               | ").Append(Cell(info.Author)).Append(" |\n");

        page.Append("\n\n## Detection Rules\n\n### Sigma rule\n\n");
        var fence = MarkdownText.FenceFor(rule.Text);
        page.Append(fence).Append('\n');
        MarkdownText.AppendBody(page, rule.Text);
        page.Append('\n').Append(fence).Append("\n\n\n\n");

        foreach (var (target, query) in Translations(rule, translator))
        {
            var queryFence = MarkdownText.FenceFor(query);
            page.Append("\n\n### ").Append(MarkdownText.OneLine(target)).Append("\n    \n").Append(queryFence).Append('\n');
            MarkdownText.AppendBody(page, query);
            page.Append(queryFence).Append('\n');
        }
        page.Append("\n\n\n");
        return page.ToString();
    }

    /// <summary>
    /// The translations of every detection rule of the file, grouped by target in first-seen order; a collection's
    /// several rules give one block per target with one query per line.
    /// </summary>
    internal static List<(string Target, string Query)> Translations(DocumentedRule rule, RuleTranslator? translator)
    {
        var byTarget = new List<(string Target, List<string> Queries)>();
        if (translator is null)
        {
            return [];
        }
        foreach (var detection in rule.Rules.OfType<SigmaRule>())
        {
            foreach (var (target, query) in translator(detection))
            {
                var slot = byTarget.FindIndex(t => string.Equals(t.Target, target, StringComparison.Ordinal));
                if (slot < 0)
                {
                    byTarget.Add((target, [query]));
                }
                else
                {
                    byTarget[slot].Queries.Add(query);
                }
            }
        }
        return byTarget.Select(t => (t.Target, string.Join('\n', t.Queries.Select(q => q.TrimEnd('\n'))))).ToList();
    }

    internal static string LevelName(RuleLevel? level) => level?.ToString().ToLowerInvariant() ?? string.Empty;

    internal static string StatusName(RuleStatus? status) => status?.ToString().ToLowerInvariant() ?? string.Empty;

    private static string Link(ResolvedAttackTag tag, string version) =>
        tag.Link is { } link ? $"[{Cell(tag.Label(version))}]({link.AbsoluteUri})" : Cell(tag.Label(version));

    private static string List(IEnumerable<string> items)
    {
        var builder = new StringBuilder("<ul>");
        foreach (var item in items)
        {
            builder.Append("<li>").Append(item).Append("</li>");
        }
        return builder.Append("</ul>").ToString();
    }

    /// <summary>
    /// Table cell text: one line, HTML-encoded (the cells already hold HTML lists, so a title with &lt;script&gt;
    /// must not become markup) and with '|' escaped so it cannot open a new column.
    /// </summary>
    internal static string Cell(string? text) =>
        WebUtility.HtmlEncode(MarkdownText.OneLine(text)).Replace("&#39;", "'", StringComparison.Ordinal)
            .Replace("&quot;", "\"", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>A link destination: spaces, parentheses and angle brackets percent-encoded so the Markdown link stays one link.</summary>
    private static string Destination(string url) =>
        MarkdownText.OneLine(url).Replace(" ", "%20", StringComparison.Ordinal).Replace("(", "%28", StringComparison.Ordinal)
            .Replace(")", "%29", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal)
            .Replace(">", "%3E", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);
}
