using SigmaSharp.Parsing;
using SigmaSharp.Pipelines;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Tests.Pipelines;

public class FilterApplierTests
{
    private const string Rule = """
        title: Whoami
        id: 4f6d1b7e-3a52-4c8e-9d1f-2b7a6c0e5d13
        logsource: {category: process_creation, product: windows}
        detection:
            selection: {Image|endswith: '\whoami.exe'}
            condition: selection
        """;

    private static string Filter(string logsource = "{category: process_creation, product: windows}", string rules = "[4f6d1b7e-3a52-4c8e-9d1f-2b7a6c0e5d13]") => $$"""
        title: Not admins
        logsource: {{logsource}}
        filter:
            rules: {{rules}}
            selection: {User|startswith: 'adm_'}
            condition: not selection
        """;

    private static SigmaRule Applied(string filter)
    {
        var collection = FilterApplier.Apply(RuleLoader.LoadTexts([("r.yml", Rule), ("f.yml", filter)]));
        return Assert.Single(collection.DetectionRules);
    }

    [Fact]
    public void Filter_condition_is_anded_to_the_rule_condition()
    {
        var rule = Applied(Filter());
        Assert.Equal("(selection) and (not selection)", rule.Conditions[0].Text);
        var and = Assert.IsType<AndNode>(rule.Conditions[0].Expression);
        Assert.Equal("selection", Assert.IsType<SelectionNode>(and.Operands[0]).Name);
        var not = Assert.IsType<NotNode>(and.Operands[1]);
        Assert.Equal("_filter1_selection", Assert.IsType<SelectionNode>(not.Operand).Name);
        Assert.NotNull(rule.FindIdentifier("_filter1_selection"));
    }

    [Fact]
    public void Filter_applies_by_rule_name_too()
    {
        var named = Rule.Replace("id: 4f6d1b7e-3a52-4c8e-9d1f-2b7a6c0e5d13", "name: whoami_rule", StringComparison.Ordinal);
        var collection = FilterApplier.Apply(RuleLoader.LoadTexts([("r.yml", named), ("f.yml", Filter(rules: "[whoami_rule]"))]));
        Assert.Equal(2, Assert.Single(collection.DetectionRules).Detection.Count);
    }

    [Fact]
    public void Filter_with_another_log_source_is_not_applied() =>
        Assert.Single(Applied(Filter(logsource: "{category: file_event, product: windows}")).Detection);

    [Fact]
    public void Filter_with_a_more_general_log_source_is_applied() =>
        Assert.Equal(2, Applied(Filter(logsource: "{product: windows}")).Detection.Count);

    [Fact]
    public void Rules_not_named_by_the_filter_are_unchanged() =>
        Assert.Single(Applied(Filter(rules: "[00000000-0000-4000-8000-000000000000]")).Detection);

    [Fact]
    public void Filter_for_any_rule_applies_to_every_rule_of_its_log_source() =>
        Assert.Equal(2, Applied(Filter(rules: "[any]")).Detection.Count);

    [Fact]
    public void Conversion_and_scan_agree_on_which_rules_a_filter_applies_to()
    {
        // One predicate serves both: FilterApplier (conversion) and the evaluator's rule set (scan).
        var collection = RuleLoader.LoadTexts([("r.yml", Rule), ("f.yml", Filter(logsource: "{category: Process_Creation, product: windows}"))]);
        Assert.True(FilterApplier.AppliesTo(Assert.Single(collection.Filters), Assert.Single(collection.DetectionRules)));
    }
}
