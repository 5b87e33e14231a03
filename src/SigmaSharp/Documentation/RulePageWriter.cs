using System.Text;

namespace SigmaSharp.Documentation;

/// <summary>
/// Writes the Hugo-style rule page of the first seed (docs/documentation.md): front matter (title, alias
/// /rule/&lt;id&gt;, tags, first-commit date), the description, false positives, references and the rule file's
/// raw YAML, whole and verbatim. The seed's blank lines are kept exactly; empty sections are left out.
/// </summary>
public static class RulePageWriter
{
    public const string Extension = ".md";

    public static string Write(DocumentedRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var info = rule.Info;
        var page = new StringBuilder(rule.Text.Length + 1024);
        page.Append("---\n");
        page.Append("title: ").Append(MarkdownText.YamlQuoted(info.Title)).Append('\n');
        page.Append("aliases:\n");
        page.Append("  - ").Append(MarkdownText.YamlQuoted("/rule/" + (info.Id ?? rule.PageName))).Append('\n');
        page.Append('\n');
        if (!info.Tags.IsEmpty)
        {
            page.Append("tags:\n");
            foreach (var tag in info.Tags)
            {
                page.Append("  - ").Append(MarkdownText.YamlItem(tag.ToString())).Append('\n');
            }
        }
        page.Append("\n\n\n");
        if (rule.PageDate is { } date)
        {
            page.Append("date: ").Append(FirstCommitDates.FormatRfc2822(date)).Append('\n');
        }
        page.Append("\n\n---\n\n");
        page.Append((info.Description ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim()).Append('\n');
        page.Append("\n<!--more-->\n\n\n");

        if (!info.FalsePositives.IsEmpty)
        {
            page.Append("## Known false-positives\n\n");
            AppendItems(page, info.FalsePositives);
            page.Append("\n\n\n");
        }
        if (!info.References.IsEmpty)
        {
            page.Append("## References\n\n");
            AppendItems(page, info.References);
            page.Append("\n\n");
        }

        var fence = MarkdownText.FenceFor(rule.Text);
        page.Append("## Raw rule\n").Append(fence).Append("yaml\n");
        MarkdownText.AppendBody(page, rule.Text);
        page.Append('\n').Append(fence).Append('\n');
        return page.ToString();
    }

    private static void AppendItems(StringBuilder page, IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            page.Append("* ").Append(MarkdownText.OneLine(item)).Append('\n');
        }
    }
}
