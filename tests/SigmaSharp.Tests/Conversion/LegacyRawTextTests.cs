using SigmaSharp.Conversion;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;
using Xunit;

namespace SigmaSharp.Tests.Conversion;

public sealed class LegacyRawTextTests
{
    private static DetectionItem Item(string key, string value)
    {
        var text = $"title: T\nlogsource: {{product: windows}}\ndetection: {{s: {{'{key}': '{value}'}}, condition: s}}\n";
        var rule = (SigmaRule)RuleLoader.LoadTexts([("r.yml", text)]).Rules[0];
        return (DetectionItem)((DetectionGroup)rule.Detection[0].Definition).Items[0];
    }

    private static string Text(SigmaValue value) => Assert.IsType<LegacyRawText.RawText>(value).Text;

    [Fact]
    public void Contains_wraps_the_text_as_written_in_wildcards()
    {
        var values = LegacyRawText.Values(Item("CommandLine|contains", @"a\b"), default);

        Assert.Equal(@"*a\b*", Text(Assert.Single(values)));
    }

    [Fact]
    public void Odd_trailing_backslash_run_keeps_its_literal_backslash_before_the_wildcard()
    {
        var values = LegacyRawText.Values(Item("Image|startswith", @"C:\"), default);

        Assert.Equal(@"C:\\*", Text(Assert.Single(values)));
    }

    [Fact]
    public void Sigmac_trailing_wildcard_test_sees_an_escaped_star_as_a_wildcard()
    {
        var exact = LegacyRawText.Values(Item("CommandLine|contains", @"a\*"), default);
        var sigmac = LegacyRawText.Values(Item("CommandLine|contains", @"a\*"), new SigmacQuirks(false, TrailingWildcard: true));

        Assert.Equal(@"*a\**", Text(Assert.Single(exact)));
        Assert.Equal(@"*a\*", Text(Assert.Single(sigmac)));
    }

    [Fact]
    public void Other_modifiers_keep_the_parsed_values()
    {
        var item = Item("CommandLine|base64", "abc");

        Assert.Equal(item.Values.Items, LegacyRawText.Values(item, default));
    }
}
