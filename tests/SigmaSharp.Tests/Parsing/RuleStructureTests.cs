using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;
using static SigmaSharp.Tests.Parsing.RuleText;

namespace SigmaSharp.Tests.Parsing;

public class RuleStructureTests
{
    private const string FullRule = """
        title: Full
        id: 929a690e-bef0-4204-a928-ef5e620d6fcc
        name: full_rule
        related:
            - id: 08fbc97d-0a2f-491c-ae21-8ffcfd3174e9
              type: derived
        taxonomy: sigma
        status: test
        description: Everything
        license: DRL-1.1
        author: Someone
        references:
            - https://example.org/a
        date: 2024-01-02
        modified: 2024/03/04
        logsource:
            category: process_creation
            product: windows
            service: sysmon
            definition: needs command lines
            custom_key: x
        detection:
            selection:
                Image|endswith: '\whoami.exe'
            condition: selection
        fields:
            - CommandLine
        falsepositives:
            - Admins
        level: critical
        tags:
            - attack.discovery
            - attack.t1033
        scope:
            - server
        my_custom:
            nested: [1, 2]
        """;

    [Fact]
    public void Every_schema_attribute_is_read()
    {
        var rule = Single(FullRule);
        var info = rule.Info;
        Assert.Equal("Full", info.Title);
        Assert.Equal("929a690e-bef0-4204-a928-ef5e620d6fcc", info.Id);
        Assert.Equal("full_rule", info.Name);
        Assert.Equal(new RelatedRule("08fbc97d-0a2f-491c-ae21-8ffcfd3174e9", RelationType.Derived, info.Related[0].Position), info.Related[0]);
        Assert.Equal("sigma", info.Taxonomy);
        Assert.Equal(RuleStatus.Test, info.Status);
        Assert.Equal("Everything", info.Description);
        Assert.Equal("DRL-1.1", info.License);
        Assert.Equal("Someone", info.Author);
        Assert.Equal(["https://example.org/a"], info.References.Items.ToArray());
        Assert.Equal(new DateOnly(2024, 1, 2), info.Date!.Value);
        Assert.Equal(new DateOnly(2024, 3, 4), info.Modified!.Value);
        Assert.Equal("process_creation", rule.LogSource.Category);
        Assert.Equal("windows", rule.LogSource.Product);
        Assert.Equal("sysmon", rule.LogSource.Service);
        Assert.Equal("needs command lines", rule.LogSource.Definition);
        Assert.Equal("custom_key", rule.LogSource.Custom[0].Key);
        Assert.Equal(["CommandLine"], info.Fields.Items.ToArray());
        Assert.Equal(["Admins"], info.FalsePositives.Items.ToArray());
        Assert.Equal(RuleLevel.Critical, info.Level);
        Assert.Equal(["attack.discovery", "attack.t1033"], info.Tags.Select(t => t.ToString()));
        Assert.Equal(["server"], info.Scope.Items.ToArray());
        Assert.Equal("my_custom", Assert.Single(info.Custom).Name);
    }

    [Fact]
    public void Nodes_remember_file_line_and_column()
    {
        var rule = Single(FullRule);
        Assert.Equal(new SourcePosition("test.yml", 23, 5), rule.Detection[0].Position);
        Assert.Equal(new SourcePosition("test.yml", 24, 9), FirstItem(rule).Position);
        Assert.Equal(33, rule.Info.Tags[1].Position.Line);
        Assert.Equal(25, rule.Conditions[0].Position.Line);
    }

    [Fact]
    public void Maps_are_and_and_lists_are_or()
    {
        var rule = Single(WithSelection("- Image: a\n  User: b\n- Image: c"));
        var list = Assert.IsType<DetectionGroup>(rule.Detection[0].Definition);
        Assert.Equal(Linking.Or, list.Linking);
        var first = Assert.IsType<DetectionGroup>(list.Items[0]);
        Assert.Equal(Linking.And, first.Linking);
        Assert.Equal(2, first.Items.Count);
    }

    [Fact]
    public void Keyword_lists_are_unbound_items()
    {
        var rule = Single("""
            title: K
            logsource: {product: linux}
            detection:
                keywords:
                    - 'event::clear'
                    - 'event::drop'
                condition: keywords
            """);
        var item = FirstItem(rule);
        Assert.True(item.IsKeyword);
        Assert.Equal(2, item.Values.Count);
    }

    [Fact]
    public void Keyword_all_modifier_links_keywords_with_and()
    {
        var item = FirstItem(Single(WithSelection("'|all':\n    - 'OabVirtualDirectory'\n    - ' -ExternalUrl '")));
        Assert.True(item.IsKeyword);
        Assert.Equal(Linking.And, item.ValueLinking);
    }

    [Theory]
    [InlineData("F: null", typeof(SigmaNull))]
    [InlineData("F: ~", typeof(SigmaNull))]
    [InlineData("F: ''", typeof(SigmaString))]
    [InlineData("F: 4688", typeof(SigmaNumber))]
    [InlineData("F: '4688'", typeof(SigmaString))]
    [InlineData("F: 1.5", typeof(SigmaNumber))]
    [InlineData("F: true", typeof(SigmaBool))]
    [InlineData("F: yes", typeof(SigmaBool))]
    [InlineData("F: 'true'", typeof(SigmaString))]
    [InlineData("F: 1.2.3", typeof(SigmaString))]
    public void Scalars_resolve_as_pyyaml_reads_them(string selection, Type type) =>
        Assert.IsType(type, FirstItem(Single(WithSelection(selection))).Values[0]);

    [Fact]
    public void Hex_integers_are_numbers_like_pyyaml() =>
        Assert.Equal("16", Assert.IsType<SigmaNumber>(FirstItem(Single(WithSelection("F: 0x10"))).Values[0]).Text);

    [Fact]
    public void Raw_values_keep_the_written_text() =>
        Assert.Equal(@"C:\\Windows\*", Assert.Single(FirstItem(Single(WithSelection(@"F: 'C:\\Windows\*'"))).RawValues));

    [Fact]
    public void Correlation_rule_is_read_with_all_its_parts()
    {
        var result = Parse("""
            title: Many failed logins
            id: 0e95725d-7320-415d-80f7-004da920fc11
            correlation:
                type: value_count
                rules:
                    - failed_login
                group-by:
                    - ComputerName
                timespan: 1h
                condition:
                    field: User
                    gte: 100
                    lt: 200
                aliases:
                    ip:
                        failed_login: SourceIp
            """);
        var rule = Assert.IsType<CorrelationRule>(Assert.Single(result.Rules));
        Assert.Equal(CorrelationType.ValueCount, rule.Type);
        Assert.Equal(["failed_login"], rule.Rules.Items.ToArray());
        Assert.Equal(["ComputerName"], rule.GroupBy.Items.ToArray());
        Assert.Equal(TimeSpan.FromHours(1), rule.Timespan);
        Assert.Equal("User", rule.Condition!.Field);
        Assert.Equal([CorrelationOperator.Gte, CorrelationOperator.Lt], rule.Condition.Thresholds.Select(t => t.Operator));
        Assert.Equal("SourceIp", rule.Aliases[0].FieldByRule[0].Value);
    }

    [Theory]
    [InlineData("event_count", CorrelationType.EventCount, "gte: 1")]
    [InlineData("temporal", CorrelationType.Temporal, null)]
    [InlineData("temporal_ordered", CorrelationType.TemporalOrdered, null)]
    [InlineData("value_sum", CorrelationType.ValueSum, "field: bytes\n        gt: 1000000")]
    [InlineData("value_avg", CorrelationType.ValueAvg, "field: bytes\n        gt: 500")]
    [InlineData("value_percentile", CorrelationType.ValuePercentile, "field: image\n        lte: 1")]
    public void Every_correlation_type_is_accepted(string typeName, CorrelationType type, string? condition)
    {
        var yaml = $"title: C\ncorrelation:\n    type: {typeName}\n    rules: [a]\n    group-by: [Host]\n    timespan: 5m\n" +
                   (condition is null ? string.Empty : $"    condition:\n        {condition}\n");
        var result = Parse(yaml);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(type, Assert.IsType<CorrelationRule>(Assert.Single(result.Rules)).Type);
    }

    [Fact]
    public void Value_correlations_need_a_field() =>
        Assert.Equal("SIG307", SingleError("title: C\ncorrelation:\n    type: value_sum\n    rules: [a]\n    timespan: 5m\n    condition:\n        gt: 1\n").Code);

    [Fact]
    public void Invalid_timespan_is_an_error() =>
        Assert.Equal("SIG308", SingleError("title: C\ncorrelation:\n    type: temporal\n    rules: [a]\n    timespan: 5 minutes\n").Code);

    [Fact]
    public void Filter_is_read_with_its_rules_and_selection()
    {
        var filter = Assert.IsType<SigmaFilter>(Assert.Single(Parse("""
            title: Filter admins
            logsource: {category: process_creation, product: windows}
            filter:
                rules:
                    - 6f3e2987-db24-4c78-a860-b4f4095a7095
                selection:
                    User|startswith: 'adm_'
                condition: not selection
            """).Rules));
        Assert.Equal(["6f3e2987-db24-4c78-a860-b4f4095a7095"], filter.Rules.Items.ToArray());
        Assert.Equal("selection", Assert.Single(filter.Detection).Name);
        Assert.Equal("not selection", filter.Conditions[0].Text);
    }

    [Fact]
    public void Correlation_references_resolve_across_files_of_one_load()
    {
        var collection = RuleLoader.LoadTexts([
            ("base.yml", "title: Base\nname: base_rule\nlogsource: {product: windows}\ndetection: {s: {EventID: 1}, condition: s}\n"),
            ("corr.yml", "title: C\ncorrelation:\n    type: event_count\n    rules: [base_rule]\n    timespan: 1h\n    condition: {gte: 3}\n"),
        ]);
        Assert.Empty(collection.Diagnostics);
        Assert.IsType<SigmaRule>(collection.FindReference("base_rule"));
    }

    [Fact]
    public void Unresolved_correlation_reference_is_an_error()
    {
        var collection = RuleLoader.LoadTexts([("corr.yml", "title: C\ncorrelation:\n    type: event_count\n    rules: [nowhere]\n    timespan: 1h\n    condition: {gte: 3}\n")]);
        Assert.Equal("SIG306", Assert.Single(collection.Diagnostics).Code);
    }

    [Fact]
    public void Legacy_count_becomes_an_event_count_correlation()
    {
        var collection = RuleLoader.LoadTexts([("old.yml", """
            title: Old
            id: 11111111-2222-4333-8444-555555555555
            level: high
            logsource: {product: windows, service: security}
            detection:
                selection: {EventID: 4625}
                timeframe: 10m
                condition: selection | count() by TargetUserName > 5
            """)]);
        var correlation = Assert.Single(collection.Correlations);
        Assert.Equal(CorrelationType.EventCount, correlation.Type);
        Assert.Equal("11111111-2222-4333-8444-555555555555", correlation.Id);
        Assert.Equal(["TargetUserName"], correlation.GroupBy.Items.ToArray());
        Assert.Equal(TimeSpan.FromMinutes(10), correlation.Timespan);
        Assert.Equal(new[] { (CorrelationOperator.Gt, 5m) }, correlation.Condition!.Thresholds.Select(t => (t.Operator, t.Value)));
        var baseRule = Assert.Single(collection.DetectionRules);
        Assert.Null(baseRule.Conditions[0].Aggregation);
        Assert.Equal(correlation.Rules[0], baseRule.Name);
        Assert.Equal("SIG304", Assert.Single(collection.Diagnostics).Code);
    }

    [Fact]
    public void Legacy_count_of_a_field_becomes_a_value_count()
    {
        var collection = RuleLoader.LoadTexts([("old.yml", "title: Old\nlogsource: {product: x}\ndetection:\n    s: {a: 1}\n    timeframe: 1h\n    condition: s | count(User) by Host > 10\n")]);
        var correlation = Assert.Single(collection.Correlations);
        Assert.Equal(CorrelationType.ValueCount, correlation.Type);
        Assert.Equal("User", correlation.Condition!.Field);
    }

    [Fact]
    public void Legacy_aggregation_without_timeframe_is_refused_not_dropped()
    {
        var collection = RuleLoader.LoadTexts([("old.yml", "title: Old\nlogsource: {product: x}\ndetection:\n    s: {a: 1}\n    condition: s | count() > 10\n")]);
        Assert.Empty(collection.Rules);
        Assert.Equal(1, collection.RulesWithErrors);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(collection.Diagnostics).Severity);
    }

    [Fact]
    public void Legacy_near_is_refused_with_a_reason()
    {
        var collection = RuleLoader.LoadTexts([("old.yml", "title: Old\nlogsource: {product: x}\ndetection:\n    s: {a: 1}\n    t: {b: 2}\n    timeframe: 1m\n    condition: s | near t\n")]);
        Assert.Contains("near", Assert.Single(collection.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_conditions_gives_one_condition_each()
    {
        var rule = Single("title: L\nlogsource: {product: x}\ndetection:\n    a: {f: 1}\n    b: {g: 2}\n    condition:\n        - a\n        - b\n");
        Assert.Equal(2, rule.Conditions.Count);
    }
}
