using SigmaSharp.Conversion;
using SigmaSharp.Parsing;

namespace SigmaSharp.Tests.Conversion;

/// <summary>sigmac refused `re` for splunk; we say it with regex commands where SPL can, and refuse where it cannot.</summary>
public sealed class SplunkRegexTests
{
    private static ConversionResult Convert(string detection, string condition)
    {
        var text = "title: t\nlogsource:\n    product: windows\ndetection:\n" + detection + "\n    condition: " + condition + "\nfields:\n    - CommandLine\n";
        var rule = RuleLoader.LoadTexts([("t.yml", text)]).Rules.Single();
        return ConversionTargets.Create("splunk").Backend!.Convert(rule);
    }

    private const string Detection = "    sel:\n        Image|endswith: '\\cmd.exe'\n        CommandLine|re: 'a\"b\\d+'\n    filter:\n        User|re|i: '^sys'";

    [Fact]
    public void Regexes_anded_with_the_search_become_regex_commands_before_the_table()
    {
        var result = Convert(Detection, "sel and not filter");

        Assert.Equal("((Image=\"*\\\\cmd.exe\")) | regex CommandLine=\"a\\\"b\\\\d+\" | regex User!=\"(?i)^sys\" | table CommandLine", Assert.Single(result.Queries));
    }

    [Fact]
    public void A_rule_of_regexes_only_searches_everything_first()
    {
        var result = Convert("    sel:\n        CommandLine|re|m|s: 'x.y'", "sel");

        Assert.Equal("* | regex CommandLine=\"(?ms)x.y\" | table CommandLine", Assert.Single(result.Queries));
    }

    [Theory]
    [InlineData("sel or filter")]
    [InlineData("not sel")]
    public void A_regex_under_or_or_a_negated_group_is_refused_with_the_reason(string condition)
    {
        var result = Convert(Detection, condition);

        Assert.False(result.IsConverted);
        Assert.Contains("under OR or NOT", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }
}
