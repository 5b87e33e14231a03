using SigmaSharp.Parsing;
using SigmaSharp.Printing;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;
using SigmaSharp.Rules.Values;
using SigmaSharp.Tests.Properties;

namespace SigmaSharp.Tests.Printing;

public sealed class SigmaRuleYamlWriterTests(ITestOutputHelper output)
{
    private const string Rule = """
        title: 'Tricky: values # and quotes'
        id: 5f1a6f4e-3f5e-4a36-8f1c-2a0e0d1f8a11
        status: test
        description: "line one\nline two"
        references:
            - https://example.org/a#b
        author: "O'Brien"
        date: 2024-01-02
        tags:
            - attack.t1059.001
        logsource:
            product: windows
            category: process_creation
        detection:
            selection:
                Image|endswith: '\cmd.exe'
                CommandLine|contains|all:
                    - '-enc '
                    - "it's"
                Count: 0x10
                Flag: yes
                Text: 'yes'
                Empty: ''
                Missing: null
                Literal: 'a\*b\?c\\*'
            keywords:
                - '*secret*'
                - 42
            filter_a:
                - ParentImage|startswith: 'C:\Windows\'
                - User: ~
            condition: (selection or keywords) and not 1 of filter_*
        falsepositives:
            - Unknown
        level: high
        custom_list:
            - a
            - nested: 'x: y'
        """;

    [Fact]
    public void Written_rule_parses_back_to_the_same_model()
    {
        var rule = RoundTrip.Parse(Rule).Single();
        var written = RoundTrip.AssertStable(rule);
        output.WriteLine(written);
        Assert.Contains("Image|endswith: '\\cmd.exe'", written, StringComparison.Ordinal);
        Assert.Contains("Count: 0x10", written, StringComparison.Ordinal);
        Assert.Contains("Text: 'yes'", written, StringComparison.Ordinal);
        Assert.Contains("description: \"line one\\nline two\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_parses_of_a_rule_with_list_and_map_custom_attributes_are_equal()
    {
        var first = RoundTrip.Parse(Rule).Single();
        var second = RoundTrip.Parse(Rule).Single();
        Assert.Equal(first.Info.Custom, second.Info.Custom);
        Assert.Equal(first.Info, second.Info);
    }

    [Theory]
    [InlineData(".>.x")] // found by the round-trip property: the leading dot was dropped and '>' became the namespace
    [InlineData(".t1059")]
    [InlineData("plain")]
    [InlineData("attack.t1059.001")]
    public void Tag_is_written_back_as_its_whole_text(string tag)
    {
        var rule = RoundTrip.Parse(Rule.Replace("attack.t1059.001", "'" + tag + "'", StringComparison.Ordinal)).Single();
        var written = RoundTrip.AssertStable(rule);
        Assert.Equal(tag, rule.Info.Tags.Single().ToString());
        Assert.Contains(tag, written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("No")]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("0x1F")]
    [InlineData("1_000")]
    [InlineData("1:30")]
    [InlineData("0o17")]
    [InlineData(".5")]
    [InlineData("-1.5e+3")]
    [InlineData("# not a comment")]
    [InlineData("a #b")]
    [InlineData("key: value")]
    [InlineData("ends with colon:")]
    [InlineData("- dash")]
    [InlineData("*star")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("%directive")]
    [InlineData("@at")]
    [InlineData("`tick")]
    [InlineData("'single'")]
    [InlineData("\"double\"")]
    [InlineData(" leading space")]
    [InlineData("trailing space ")]
    [InlineData("tab\tinside")]
    [InlineData("\ttab first")]
    [InlineData("line\nbreak")]
    [InlineData("cr\rlf\r\n")]
    [InlineData("nul\0bell\a esc\u001b del\u007f")]
    [InlineData("nel\u0085 ls\u2028 ps\u2029 bom\ufeff")]
    [InlineData("ü 中 – \U0001F600")]
    [InlineData("back\\slash\\")]
    [InlineData("<<")]
    [InlineData("=")]
    [InlineData("[flow]")]
    [InlineData("{flow}")]
    [InlineData("|literal")]
    [InlineData(">folded")]
    public void Any_text_reads_back_as_the_same_string(string text)
    {
        foreach (var spelled in new[] { YamlScalarText.Text(text), YamlScalarText.Quoted(text) })
        {
            // A field name cannot be empty or hold '|' (the modifier separator): those keys are tested with field f.
            var key = text.Length == 0 || text.Contains('|', StringComparison.Ordinal) ? "f" : spelled;
            var yaml = $"title: {spelled}\nlogsource:\n    product: {spelled}\ndetection:\n    sel:\n        {key}: {spelled}\n    condition: sel\n";
            var rule = (SigmaRule)RoundTrip.Parse(yaml).Single();
            Assert.Equal(text, rule.Title);
            Assert.Equal(text, rule.LogSource.Product);
            var item = (DetectionItem)((DetectionGroup)rule.Detection[0].Definition).Items[0];
            Assert.Equal(key == "f" ? "f" : text, item.Field);
            Assert.Equal(text, item.RawValues[0]);
            Assert.Equal(SigmaString.Parse(text), item.Values[0]);
            RoundTrip.AssertStable(rule);
        }
    }

    [Theory]
    [InlineData("a or b and c", "a or b and c")]
    [InlineData("(a or b) and c", "(a or b) and c")]
    [InlineData("a and (b and c)", "a and (b and c)")]
    [InlineData("a or (b or c)", "a or (b or c)")]
    [InlineData("not (a and b)", "not (a and b)")]
    [InlineData("not not a", "not not a")]
    [InlineData("((a))", "a")]
    [InlineData("any of sel* and not all of them", "1 of sel* and not all of them")]
    [InlineData("NOT a OR 1 OF sel*", "not a or 1 of sel*")]
    public void Conditions_are_written_with_the_parentheses_their_tree_needs(string condition, string expected)
    {
        var rule = (SigmaRule)RoundTrip.Parse($"title: t\nlogsource:\n    product: p\ndetection:\n    a: x\n    b: y\n    c: z\n    sel1: u\n    sel2: v\n    condition: {condition}\n").Single();
        Assert.Equal(expected, SigmaRuleYamlWriter.WriteCondition(rule.Conditions[0].Expression!));
        RoundTrip.AssertStable(rule);
    }

    [Fact]
    public void Values_changed_in_code_are_written_from_the_values_with_modifiers_that_make_them()
    {
        var rule = (SigmaRule)RoundTrip.Parse("title: t\nlogsource:\n    product: p\ndetection:\n    sel:\n        A: x\n        B: y\n        C: z\n    condition: sel\n").Single();
        var group = (DetectionGroup)rule.Detection[0].Definition;
        SigmaValue[] replacements =
        [
            SigmaString.Create([WildcardMultiPart.Instance, new LiteralPart("a*b\\"), WildcardSinglePart.Instance], cased: true),
            new SigmaRegex("^a+$", RegexFlags.IgnoreCase | RegexFlags.DotAll),
            new SigmaCompare(CompareOperator.GreaterThanOrEqual, new SigmaNumber(5, "5", true)),
        ];
        var changed = rule with
        {
            Detection = new[]
            {
                rule.Detection[0] with
                {
                    Definition = group with
                    {
                        Items = group.Items.Select((n, i) => (DetectionNode)((DetectionItem)n with { Values = new[] { replacements[i] } })).ToEquatableArray(),
                    },
                },
            },
        };
        var written = SigmaRuleYamlWriter.Write(changed);
        output.WriteLine(written);
        Assert.Contains("A|cased: '*a\\*b\\\\?'", written, StringComparison.Ordinal);
        Assert.Contains("B|re|i|s: '^a+$'", written, StringComparison.Ordinal);
        Assert.Contains("C|gte: 5", written, StringComparison.Ordinal);
        var reread = (SigmaRule)RoundTrip.Parse(written).Single();
        var items = ((DetectionGroup)reread.Detection[0].Definition).Items.Cast<DetectionItem>().ToList();
        Assert.Equal(replacements, items.Select(i => i.Values[0]));
    }

    [Fact]
    public void A_model_no_yaml_can_express_is_refused_not_written_differently()
    {
        var rule = (SigmaRule)RoundTrip.Parse("title: t\nlogsource:\n    product: p\ndetection:\n    sel:\n        A|all:\n            - x\n            - y\n    condition: sel\n").Single();
        var group = (DetectionGroup)rule.Detection[0].Definition;
        var item = (DetectionItem)group.Items[0];
        var expansion = new SigmaExpansion(new SigmaValue[] { SigmaString.FromLiteral("a"), SigmaString.FromLiteral("b") });
        var broken = rule with
        {
            Detection = new[] { rule.Detection[0] with { Definition = group with { Items = new DetectionNode[] { item with { Values = new SigmaValue[] { expansion, SigmaString.FromLiteral("y") } } } } } },
        };
        Assert.Throws<ArgumentException>(() => SigmaRuleYamlWriter.Write(broken));
    }

    [Fact]
    public void Correlation_and_filter_rules_round_trip()
    {
        const string text = """
            title: base
            name: base_rule
            logsource:
                product: windows
            detection:
                sel:
                    EventID: 4625
                condition: sel
            ---
            title: Many failed logons
            correlation:
                type: value_count
                rules:
                    - base_rule
                group-by:
                    - User
                timespan: 10m
                condition:
                    gte: 10
                    lt: 100.5
                    field: Computer
                aliases:
                    user:
                        base_rule: TargetUserName
                generate: true
            level: high
            ---
            title: Not the admin
            logsource:
                product: windows
            filter:
                rules:
                    - base_rule
                sel:
                    User|startswith: 'adm'
                condition: not sel
            """;
        var rules = RoundTrip.Parse(text);
        Assert.Equal(3, rules.Count);
        foreach (var rule in rules)
        {
            output.WriteLine(RoundTrip.AssertStable(rule));
        }

        var all = SigmaRuleYamlWriter.Write(rules);
        Assert.Equal(rules.Select(PositionFreeModel.Strip), RoundTrip.Parse(all).Select(PositionFreeModel.Strip));
    }

    [Fact]
    public void Legacy_aggregations_round_trip()
    {
        var rule = RoundTrip.Parse("title: t\nlogsource:\n    product: p\ndetection:\n    a: x\n    b: y\n    condition:\n        - a | count(F) by G > 5\n        - a | near b and not a\n    timeframe: 5m\n").Single();
        RoundTrip.AssertStable(rule);
        var renamed = (SigmaRule)rule;
        var conditions = renamed.Conditions.Select(c => c with { Text = "a" }).ToEquatableArray();
        var written = SigmaRuleYamlWriter.Write(renamed with { Conditions = conditions });
        Assert.Contains("- a | count(F) by G > 5", written, StringComparison.Ordinal);
        Assert.Contains("- a | near b and not a", written, StringComparison.Ordinal);
    }
}
