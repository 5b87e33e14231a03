using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Parsing;

/// <summary>A key written twice in any map: the last value is used, as PyYAML (sigmac, pySigma) reads it, with a SIG114 warning.</summary>
public sealed class DuplicateKeyTests
{
    private const string Rule = """
        title: Duplicate keys
        logsource:
            product: windows
        detection:
            sel:
                Image: a.exe
                Image: b.exe
            condition: sel
        """;

    [Fact]
    public void A_key_repeated_inside_a_selection_keeps_only_its_last_value()
    {
        var collection = RuleLoader.LoadTexts([("dup.yml", Rule)]);

        var rule = Assert.IsType<SigmaRule>(Assert.Single(collection.Rules));
        var group = Assert.IsType<DetectionGroup>(rule.Detection[0].Definition);
        var item = Assert.IsType<DetectionItem>(Assert.Single(group.Items));
        Assert.Equal("b.exe", Assert.IsType<SigmaSharp.Rules.Values.SigmaString>(Assert.Single(item.Values)).ToString());
        var warning = Assert.Single(collection.Diagnostics);
        Assert.Equal(("SIG114", 7, 9), (warning.Code, warning.Position.Line, warning.Position.Column));
    }

    [Fact]
    public void A_map_of_many_keys_is_read_in_linear_time_and_deduplicated()
    {
        var keys = string.Join("\n", Enumerable.Range(0, 200_000).Select(i => $"    k{i % 100_000}: v{i}"));
        var collection = RuleLoader.LoadTexts([("big.yml", "title: t\nlogsource:\n  product: x\ndetection:\n  sel:\n" + keys + "\n  condition: sel\n")]);

        Assert.Equal(100_000, collection.Diagnostics.Count(d => d.Code == "SIG114"));
    }
}
