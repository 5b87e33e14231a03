using SigmaSharp.Rules;
using static SigmaSharp.Tests.Parsing.RuleText;

namespace SigmaSharp.Tests.Parsing;

public class CollectionTests
{
    private const string GlobalCollection = """
        action: global
        title: CMSTP Execution
        id: 9d26fede-b526-4413-b069-6e24b6d07167
        level: high
        detection:
            condition: 1 of them
        ---
        logsource:
            category: registry_event
        detection:
            selection2:
                TargetObject: '*\cmmgr32.exe*'
        ---
        logsource:
            category: process_creation
        detection:
            selection1:
                ParentImage: '*\cmstp.exe'
        """;

    [Fact]
    public void Global_document_is_merged_into_every_rule()
    {
        var rules = Parse(GlobalCollection).Rules.Cast<SigmaRule>().ToList();
        Assert.Equal(2, rules.Count);
        Assert.All(rules, r => Assert.Equal("CMSTP Execution", r.Title));
        Assert.All(rules, r => Assert.Equal(RuleLevel.High, r.Level));
        Assert.Equal("registry_event", rules[0].LogSource.Category);
        Assert.Equal("process_creation", rules[1].LogSource.Category);
        Assert.Equal("selection1", Assert.Single(rules[1].Detection).Name);
        Assert.Equal("1 of them", rules[1].Conditions[0].Text);
    }

    [Fact]
    public void Global_values_win_over_the_rule_like_sigmac()
    {
        var rules = Parse("""
            action: global
            level: high
            ---
            title: A
            level: low
            logsource: {product: windows}
            detection: {s: {a: 1}, condition: s}
            """).Rules;
        Assert.Equal(RuleLevel.High, Assert.Single(rules).Level);
    }

    [Fact]
    public void Reset_forgets_the_global_attributes()
    {
        var rules = Parse("""
            action: global
            title: From global
            ---
            logsource: {product: windows}
            detection: {s: {a: 1}, condition: s}
            ---
            action: reset
            ---
            title: Own title
            logsource: {product: windows}
            detection: {s: {a: 1}, condition: s}
            """).Rules;
        Assert.Equal(["From global", "Own title"], rules.Select(r => r.Title));
    }

    [Fact]
    public void Repeat_merges_into_a_copy_of_the_previous_rule()
    {
        var rules = Parse("""
            title: Base
            logsource: {product: windows, service: security}
            detection: {s: {EventID: 1}, condition: s}
            ---
            action: repeat
            logsource: {service: system}
            """).Rules.Cast<SigmaRule>().ToList();
        Assert.Equal(2, rules.Count);
        Assert.Equal("security", rules[0].LogSource.Service);
        Assert.Equal("system", rules[1].LogSource.Service);
        Assert.Equal("windows", rules[1].LogSource.Product);
        Assert.Equal("Base", rules[1].Title);
    }

    [Fact]
    public void Repeat_without_a_previous_rule_is_an_error() =>
        Assert.Equal("SIG113", SingleError("action: repeat\ntitle: x").Code);

    [Fact]
    public void Unknown_action_is_an_error() =>
        Assert.Equal("SIG113", SingleError("action: merge\ntitle: x").Code);

    [Fact]
    public void Several_plain_rules_in_one_file_are_all_loaded()
    {
        var rules = Parse("""
            title: One
            logsource: {product: windows}
            detection: {s: {a: 1}, condition: s}
            ---
            title: Two
            logsource: {product: linux}
            detection: {s: {b: 2}, condition: s}
            """).Rules;
        Assert.Equal(["One", "Two"], rules.Select(r => r.Title));
        Assert.Equal([0, 1], rules.Select(r => r.Source.DocumentIndex));
    }

    [Fact]
    public void A_trailing_empty_document_is_ignored()
    {
        var result = Parse("title: One\nlogsource: {product: windows}\ndetection: {s: {a: 1}, condition: s}\n---\n");
        Assert.Single(result.Rules);
        Assert.Empty(result.Diagnostics);
    }
}
