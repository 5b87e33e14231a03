using System.Text;
using System.Text.Json;
using SigmaSharp.Documentation.Attack;

namespace SigmaSharp.Documentation.Site;

/// <summary>
/// Writes a static, browsable site into a folder: index pages by tactic, technique, log source, level and status,
/// the ATT&amp;CK matrix, one HTML page per rule file and a client-side search. Every link is relative and every
/// resource local, so the site works opened from the file system, offline.
/// </summary>
public static class SiteWriter
{
    /// <summary>Writes the site; returns the number of files written.</summary>
    public static int Write(IReadOnlyList<DocumentedRule> rules, string outputDirectory, DocsOptions? options = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        options ??= DocsOptions.Default;
        var table = options.AttackTable;
        var site = rules.Select(r => new SiteRule(r, AttackMapping.Of(r.Info, table))).ToList();
        Directory.CreateDirectory(Path.Combine(outputDirectory, "rules"));
        Directory.CreateDirectory(Path.Combine(outputDirectory, "assets"));

        var done = 0;
        Parallel.ForEach(site, rule =>
        {
            File.WriteAllText(Path.Combine(outputDirectory, rule.Href), RulePage(rule, table));
            progress?.Report(Interlocked.Increment(ref done));
        });

        var pages = new (string File, string Html)[]
        {
            ("index.html", SearchPage(site.Count)),
            ("tactics.html", SiteIndexPages.Tactics(site, table)),
            ("techniques.html", SiteIndexPages.Techniques(site, table)),
            ("matrix.html", SiteMatrixPage.Write(site, table)),
            ("logsources.html", SiteIndexPages.LogSources(site)),
            ("levels.html", SiteIndexPages.Levels(site)),
            ("statuses.html", SiteIndexPages.Statuses(site)),
            ("assets/style.css", SiteAssets.Css + "\n"),
            ("assets/search.js", SiteAssets.SearchScript + "\n"),
            ("assets/index.js", SearchIndex(site)),
        };
        foreach (var (file, html) in pages)
        {
            File.WriteAllText(Path.Combine(outputDirectory, file), html);
        }
        return site.Count + pages.Length;
    }

    /// <summary>A rule's page: its facts with ATT&amp;CK names, then the rule page's Markdown rendered (front matter left out).</summary>
    internal static string RulePage(SiteRule rule, AttackTable table)
    {
        var info = rule.Rule.Info;
        var body = new StringBuilder();
        body.Append("<h1>").Append(MarkdownHtml.Escape(info.Title)).Append("</h1>\n<dl class=\"meta\">\n");
        Fact(body, "Id", MarkdownHtml.Escape(info.Id ?? "(none)"));
        Fact(body, "Level", $"<a href=\"../levels.html#{SiteLayout.Anchor(rule.Level)}\">{MarkdownHtml.Escape(rule.Level)}</a>");
        Fact(body, "Status", $"<a href=\"../statuses.html#{SiteLayout.Anchor(rule.Status)}\">{MarkdownHtml.Escape(rule.Status)}</a>");
        Fact(body, "Log source", string.Join("<br>", rule.LogSourceLabels.Select(l => $"<a href=\"../logsources.html#{SiteLayout.Anchor(l)}\">{MarkdownHtml.Escape(l)}</a>")));
        if (rule.Rule.PageDate is { } date)
        {
            Fact(body, "Date", MarkdownHtml.Escape(FirstCommitDates.FormatRfc2822(date)));
        }
        if (!string.IsNullOrWhiteSpace(info.Author))
        {
            Fact(body, "Author", MarkdownHtml.Escape(info.Author));
        }
        if (!rule.Attack.Tactics.IsEmpty)
        {
            Fact(body, "Tactics", string.Join("<br>", rule.Attack.Tactics.Select(t =>
                $"<a href=\"../tactics.html#{SiteLayout.Anchor(t.Id)}\">{MarkdownHtml.Escape(t.Label(table.Version))}</a>")));
        }
        if (!rule.Attack.Techniques.IsEmpty)
        {
            Fact(body, "Techniques", string.Join("<br>", rule.Attack.Techniques.Select(t =>
                $"<a href=\"../techniques.html#{SiteLayout.Anchor(t.Id)}\">{MarkdownHtml.Escape(t.Label(table.Version))}</a>")));
        }
        if (!info.Tags.IsEmpty)
        {
            Fact(body, "Tags", MarkdownHtml.Escape(string.Join(", ", info.Tags)));
        }
        body.Append("</dl>\n");
        body.Append(MarkdownHtml.Render(WithoutFrontMatter(RulePageWriter.Write(rule.Rule))));
        return SiteLayout.Page(info.Title, "../", body.ToString());
    }

    private static void Fact(StringBuilder body, string name, string html) =>
        body.Append("<dt>").Append(name).Append("</dt><dd>").Append(html).Append("</dd>\n");

    private static string WithoutFrontMatter(string page)
    {
        var end = page.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        return page.StartsWith("---\n", StringComparison.Ordinal) && end > 0 ? page[(end + 5)..] : page;
    }

    private static string SearchPage(int count)
    {
        var body = $"<h1>Sigma rules</h1>\n<p>{count} rule files. Search by title, id, tag, log source, level or status (all words must match).</p>\n"
            + "<label for=\"search\">Search</label>\n<input id=\"search\" type=\"search\" autocomplete=\"off\">\n"
            + "<p id=\"search-status\" class=\"count\"></p>\n<ul id=\"results\"></ul>\n"
            + "<noscript><p>Search needs JavaScript; the index pages above list every rule.</p></noscript>\n";
        const string scripts = "<script src=\"assets/index.js\"></script>\n<script src=\"assets/search.js\"></script>\n";
        return SiteLayout.Page("Sigma rules", string.Empty, body, scripts);
    }

    /// <summary>
    /// The search index as a script setting a global: browsers refuse fetch() of a JSON file under file://, but load
    /// scripts. The JSON encoder escapes &lt; &gt; &amp; and quotes, so rule text cannot end the script.
    /// </summary>
    internal static string SearchIndex(IReadOnlyList<SiteRule> rules)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var rule in rules)
            {
                var info = rule.Rule.Info;
                json.WriteStartObject();
                json.WriteString("title", info.Title);
                json.WriteString("id", info.Id ?? string.Empty);
                json.WriteString("page", rule.Href);
                json.WriteString("level", rule.Level);
                json.WriteString("status", rule.Status);
                json.WriteString("logsource", string.Join("; ", rule.LogSourceLabels));
                json.WriteString("tags", string.Join(' ', info.Tags.Select(t => t.ToString())
                    .Concat(rule.Attack.Techniques.Concat(rule.Attack.Tactics).Select(t => t.Entry?.Name ?? string.Empty))));
                json.WriteString("description", MarkdownText.OneLine(info.Description));
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return "window.SIGMA_INDEX = " + Encoding.UTF8.GetString(stream.ToArray()) + ";\n";
    }
}
