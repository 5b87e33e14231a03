using System.Text.RegularExpressions;
using SigmaSharp.Documentation;
using SigmaSharp.Documentation.Site;

namespace SigmaSharp.Tests.Documentation;

public partial class SiteWriterTests
{
    private const string EvilRule = """
        title: Evil <script>alert(1)</script>
        id: 33333333-2222-3333-4444-555555555555
        status: experimental
        description: "</script><script>alert(2)</script>"
        references:
            - javascript:alert(3)
            - https://example.com/a?b=1&c=2
        tags:
            - attack.defense-evasion
            - attack.t1218.003
        logsource:
            product: windows
            category: process_creation
        detection:
            selection:
                Image|endswith: '\<img src=x>.exe'
            condition: selection
        level: high
        """;

    [Fact]
    public void Every_local_link_of_the_site_resolves_to_a_file()
    {
        var output = Directory.CreateTempSubdirectory("sigmasharp-site-").FullName;
        try
        {
            var rules = new List<DocumentedRule>(DocumentationFixtures.FromTexts(("evil.yml", EvilRule)))
            {
                DocumentationFixtures.Load(DocumentationFixtures.CmstpExecution),
                DocumentationFixtures.Load(DocumentationFixtures.BypassUac),
            };
            var written = SiteWriter.Write(rules, output);
            Assert.Equal(13, written);
            var checkedLinks = 0;
            foreach (var page in Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories))
            {
                var html = File.ReadAllText(page);
                Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
                Assert.Matches("<title>[^<]+</title>", html);
                foreach (Match link in LinkPattern().Matches(html))
                {
                    var target = System.Net.WebUtility.HtmlDecode(link.Groups[1].Value);
                    if (target.StartsWith("http", StringComparison.Ordinal))
                    {
                        continue;
                    }
                    var path = target.Split('#')[0];
                    var resolved = path.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, path));
                    Assert.True(File.Exists(resolved), $"{page}: {target} does not exist");
                    checkedLinks++;
                }
            }
            Assert.True(checkedLinks > 50, $"only {checkedLinks} links checked");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Rule_markup_never_reaches_the_html()
    {
        var rule = DocumentationFixtures.FromTexts(("evil.yml", EvilRule))[0];
        var html = SiteWriter.RulePage(new SiteRule(rule, AttackMapping.Of(rule.Info, SigmaSharp.Documentation.Attack.AttackTable.Bundled)), SigmaSharp.Documentation.Attack.AttackTable.Bundled);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.com/a?b=1&amp;c=2\">", html, StringComparison.Ordinal);
        Assert.Contains("T1218.003: CMSTP", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_index_is_a_script_setting_a_global_that_cannot_close_its_tag()
    {
        var rule = DocumentationFixtures.FromTexts(("evil.yml", EvilRule))[0];
        var script = SiteWriter.SearchIndex([new SiteRule(rule, AttackMapping.Of(rule.Info, SigmaSharp.Documentation.Attack.AttackTable.Bundled))]);
        Assert.StartsWith("window.SIGMA_INDEX = [{\"title\":", script, StringComparison.Ordinal);
        Assert.DoesNotContain("<", script, StringComparison.Ordinal);
        Assert.Contains("rules/33333333-2222-3333-4444-555555555555.html", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# T <b>", "<h1>T &lt;b&gt;</h1>\n")]
    [InlineData("* [x](javascript:alert(1))", "<ul>\n<li>x (javascript:alert(1))</li>\n</ul>\n")]
    [InlineData("* see https://a.example/x.", "<ul>\n<li>see <a href=\"https://a.example/x\">https://a.example/x</a>.</li>\n</ul>\n")]
    [InlineData("```yaml\na: '<x>'\n```", "<pre><code class=\"language-yaml\">a: &#39;&lt;x&gt;&#39;</code></pre>\n")]
    [InlineData("| A | B |\n|:--|:--|\n| 1 \\| 2 | [l](../x.md) |", "<table>\n<thead><tr><th>A</th><th>B</th></tr></thead>\n<tbody>\n<tr><td>1 | 2</td><td><a href=\"../x.md\">l</a></td></tr>\n</tbody>\n</table>\n")]
    [InlineData("<!--more-->\ntext <i>", "<p>text &lt;i&gt;</p>\n")]
    public void Markdown_subset_renders_to_escaped_html(string markdown, string html) =>
        Assert.Equal(html, MarkdownHtml.Render(markdown));

    [GeneratedRegex("(?:href|src)=\"([^\"]*)\"", RegexOptions.NonBacktracking)]
    private static partial Regex LinkPattern();
}
