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
        Assert.Equal(@"(f.keyword:/.*a\/b.*/)", "(" + Convert("es-qs", "    sel:\n        f|re: 'a/b'") + ")");
    }

    [Fact]
    public void Lucene_leaves_regex_slash_bare_with_sigmac_escaping()
    {
        Assert.Equal(@"f.keyword:/a/b/", Convert("es-qs", "    sel:\n        f|re: 'a/b'", new() { ["escaping"] = "sigmac" }));
    }

    [Fact]
    public void Windash_expands_to_all_five_dashes_unless_windash_is_sigmac()
    {
        Assert.Equal("(CommandLine=\"* -c *\" OR CommandLine=\"* /c *\" OR CommandLine=\"* \u2013c *\" OR CommandLine=\"* \u2014c *\" OR CommandLine=\"* \u2015c *\")",
            Convert("splunk", "    sel:\n        CommandLine|windash|contains: ' -c '"));
        Assert.Equal("(CommandLine=\"* -c *\" OR CommandLine=\"* /c *\")",
            Convert("splunk", "    sel:\n        CommandLine|windash|contains: ' -c '", new() { ["windash"] = "sigmac" }));
    }

    [Fact]
    public void Powershell_tests_every_item_of_a_mapped_field_list_alike_in_the_message()
    {
        const string Detection = "    sel:\n        ServiceFileName|contains:\n            - 'a'\n            - 'b'";
        Assert.Contains("($_.message -match \"Service File Name.*.*a.*\" -or $_.message -match \"Service File Name.*.*b.*\")", Convert("powershell", Detection), StringComparison.Ordinal);
        Assert.Contains("($_.Service File Name -eq \"*a*\" -or $_.message -match \"Service File Name.*.*b.*\")",
            Convert("powershell", Detection, new() { ["escaping"] = "sigmac" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Powershell_property_tests_use_like_for_wildcards_and_resolve_escapes_for_eq()
    {
        Assert.Contains("$_.ID -like \"46*\"", Convert("powershell", "    sel:\n        EventID|startswith: '46'"), StringComparison.Ordinal);
        Assert.Contains("$_.ID -eq \"a?b\"", Convert("powershell", "    sel:\n        EventID: 'a\\?b'"), StringComparison.Ordinal);
        Assert.Contains("$_.ID -like \"a``[x``]*\"", Convert("powershell", "    sel:\n        EventID|startswith: 'a[x]'"), StringComparison.Ordinal);
        Assert.Contains("$_.ID -eq \"46*\"", Convert("powershell", "    sel:\n        EventID|startswith: '46'", new() { ["escaping"] = "sigmac" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Powershell_renders_expanded_values_of_a_list_as_values_not_python_text()
    {
        var query = Convert("powershell", "    sel:\n        CommandLine|windash|contains:\n            - ' -f'\n            - ' -s'", new() { ["windash"] = "sigmac" });
        Assert.Contains("$_.message -match \"CommandLine.*.* /s.*\"", query, StringComparison.Ordinal);
        Assert.DoesNotContain("Subexpression", query, StringComparison.Ordinal);
    }

    [Fact]
    public void Contains_keeps_its_wildcard_after_an_escaped_backslash_or_a_literal_star()
    {
        Assert.Equal(@"path=""*\\*""", Convert("splunk", "    sel:\n        path|contains: '\\\\'"));
        Assert.Equal(@"path=""*\\\*""", Convert("splunk", "    sel:\n        path|contains: '\\\\'", new() { ["escaping"] = "sigmac" }));
        Assert.Equal(@"f=""a\**""", Convert("splunk", "    sel:\n        f|startswith: 'a\\*'"));
    }
}
