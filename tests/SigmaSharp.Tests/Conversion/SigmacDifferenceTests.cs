using SigmaSharp.Conversion;
using SigmaSharp.Parsing;

namespace SigmaSharp.Tests.Conversion;

/// <summary>One test per deliberate difference from sigmac (docs/sigmac-differences.md).</summary>
public sealed class SigmacDifferenceTests
{
    private static string Convert(string target, string detection, Dictionary<string, string>? options = null)
    {
        var text = "title: t\nlogsource:\n    product: linux\ndetection:\n" + detection + "\n    condition: sel\n";
        var rule = RuleLoader.LoadTexts([("t.yml", text)]).Rules.Single();
        var (backend, _) = ConversionTargets.Create(target, options);
        var result = backend!.Convert(rule);
        Assert.True(result.IsConverted, string.Join("; ", result.Diagnostics));
        return Assert.Single(result.Queries);
    }

    [Fact]
    public void Grep_doubles_backslashes_that_sigmac_left_bare()
    {
        Assert.Equal(@"grep -P -i '^.*\\cmstp\.exe'", Convert("grep", "    sel:\n        Image|endswith: '\\cmstp.exe'"));
        Assert.Equal(@"grep -P -i '^.*\cmstp\.exe'", Convert("grep", "    sel:\n        Image|endswith: '\\cmstp.exe'", new() { ["escaping"] = "sigmac" }));
    }

    [Fact]
    public void Powershell_escapes_regex_metacharacters()
    {
        Assert.Contains(@"""CommandLine.*.*\(x\.exe.*""", Convert("powershell", "    sel:\n        CommandLine|contains: '(x.exe'"), StringComparison.Ordinal);
    }

    [Fact]
    public void Powershell_escapes_dollar_and_quotes_with_backticks()
    {
        var query = Convert("powershell", "    sel:\n        CommandLine: 'a\"$(calc)'");
        Assert.Contains("a`\"\\`$\\(calc\\)", query, StringComparison.Ordinal);
        Assert.DoesNotContain("\"$(", query, StringComparison.Ordinal);
    }

    [Fact]
    public void Powershell_escapes_keywords()
    {
        Assert.Contains("a\\`$b\\.c", Convert("powershell", "    sel:\n        - 'a$b.c'"), StringComparison.Ordinal);
    }

    [Fact]
    public void Lucene_escapes_slash_inside_regular_expressions()
    {
        Assert.Equal(@"(f.keyword:/a\/b/)", "(" + Convert("es-qs", "    sel:\n        f|re: 'a/b'") + ")");
    }
}
