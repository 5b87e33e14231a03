using SigmaSharp.Pipelines.Processing;
using SigmaSharp.Rules;
using static SigmaSharp.Tests.Pipelines.Processing.PipelineTestRules;

namespace SigmaSharp.Tests.Pipelines.Processing;

public sealed class TransformationTests
{
    private const string Windows = "    product: windows\n    category: process_creation";

    private static string ProcessRule(string detection) => Rule(Windows, detection);

    [Fact]
    public void Field_mapping_to_several_fields_gives_an_or_of_the_fields()
    {
        var pipeline = "transformations:\n  - type: field_name_mapping\n    mapping:\n      CommandLine: [cmd, command_line]\n";
        var queries = Convert("pysigma-splunk", ProcessRule("    sel:\n        CommandLine|contains: whoami\n        Image: x\n    condition: sel"), pipeline);

        Assert.Equal("cmd=\"*whoami*\" OR command_line=\"*whoami*\" Image=\"x\"", Assert.Single(queries));
    }

    [Fact]
    public void Transformations_return_a_new_rule_and_leave_the_original_unchanged()
    {
        var rule = Rule(ProcessRule("    sel:\n        Image: x\n    condition: sel"));
        var pipeline = Pipeline("transformations:\n  - type: field_name_prefix\n    prefix: 'p.'\n");

        var outcome = pipeline.Apply(rule);

        Assert.NotSame(rule, outcome.Rule);
        Assert.Equal("Image", DetectionItems.All(rule).Single().Field);
        Assert.Equal("p.Image", DetectionItems.All((SigmaRule)outcome.Rule!).Single().Field);
    }

    [Fact]
    public void Conditions_by_expression_select_fields_not_mapped_before()
    {
        var queries = Convert("pysigma-lucene", ProcessRule("    sel:\n        Image: a\n        User: b\n        dotted.field: c\n    condition: sel"), File.ReadAllText(Fixture("custom.yml")));

        Assert.Equal("process.path:a AND User.keyword:b AND dotted.field:c", Assert.Single(queries));
    }

    [Fact]
    public void Value_placeholders_take_the_pipeline_variables()
    {
        var queries = Convert("pysigma-splunk", ProcessRule("    sel:\n        User|expand: '%admins%'\n    condition: sel"), File.ReadAllText(Fixture("custom.yml")));

        Assert.Equal("User.keyword IN (\"root\", \"administrator\")", Assert.Single(queries));
    }

    [Fact]
    public void Wildcard_placeholders_become_wildcards()
    {
        var queries = Convert("pysigma-splunk", ProcessRule("    sel:\n        User|expand: 'ad%domain%x'\n    condition: sel"), "transformations:\n  - type: wildcard_placeholders\n");

        Assert.Equal("User=\"ad*x\"", Assert.Single(queries));
    }

    [Fact]
    public void Query_expression_placeholders_put_target_text_in_place_of_the_value()
    {
        var queries = Convert("pysigma-splunk", ProcessRule("    sel:\n        User|expand: '%admins%'\n    condition: sel"), "transformations:\n  - type: query_expression_placeholders\n    expression: '[| inputlookup {id} | fields {field}]'\n");

        Assert.Equal("[| inputlookup admins | fields User]", Assert.Single(queries));
    }

    [Fact]
    public void A_placeholder_left_in_the_rule_is_reported()
    {
        var queries = Convert("pysigma-splunk", ProcessRule("    sel:\n        User|expand: '%admins%'\n    condition: sel"));

        Assert.StartsWith("SIG500", Assert.Single(queries), StringComparison.Ordinal);
    }

    [Fact]
    public void Add_condition_ands_a_new_selection_in_front_of_the_condition()
    {
        var result = ConvertShipped("pysigma-splunk", Rule("    product: windows\n    service: security", "    sel:\n        EventID: [4624, 4625]\n    condition: sel"), "splunk_windows");

        Assert.Equal("source=\"WinEventLog:Security\" EventCode IN (4624, 4625)", Assert.Single(result.Queries));
    }

    [Fact]
    public void Add_condition_with_a_null_key_adds_a_keyword()
    {
        var result = ConvertShipped("pysigma-splunk", Rule("    product: windows\n    service: sysmon\n    category: process_creation", "    sel:\n        Image: x\n    condition: sel"), "splunk_sysmon_acceleration");

        Assert.Equal("\"ParentProcessGuid\" Image=\"x\"", Assert.Single(result.Queries));
    }

    [Fact]
    public void Change_logsource_lets_later_items_see_the_new_log_source()
    {
        var result = ConvertShipped("pysigma-splunk", ProcessRule("    sel:\n        Image: x\n    condition: sel"), "sysmon", "splunk_windows");

        Assert.Equal("source=\"WinEventLog:Microsoft-Windows-Sysmon/Operational\" EventCode=1 Image=\"x\"", Assert.Single(result.Queries));
    }

    [Fact]
    public void Ecs_windows_maps_known_fields_and_prefixes_the_others()
    {
        var result = ConvertShipped("pysigma-lucene", ProcessRule("    sel:\n        Image|endswith: '\\cmd.exe'\n        CommandLine|contains: ' /c '\n        Foo: bar\n    condition: sel"), "ecs_windows");

        Assert.Equal("process.executable:*\\\\cmd.exe AND process.command_line:*\\ \\/c\\ * AND winlog.event_data.Foo:bar", Assert.Single(result.Queries));
    }

    [Theory]
    [InlineData("  - type: replace_string\n    regex: '^.*\\\\'\n    replacement: ''\n", "Image=\"cmd.exe\"")]
    [InlineData("  - type: map_string\n    mapping:\n      'C:\\Windows\\cmd.exe': [a, b]\n", "Image IN (\"a\", \"b\")")]
    [InlineData("  - type: set_value\n    value: 42\n", "Image=42")]
    [InlineData("  - type: case\n    method: upper\n", "Image=\"C:\\\\WINDOWS\\\\CMD.EXE\"")]
    public void Value_transformations_rewrite_values(string transformation, string expected)
    {
        var queries = Convert("pysigma-splunk", ProcessRule("    sel:\n        Image: 'C:\\Windows\\cmd.exe'\n    condition: sel"), "transformations:\n" + transformation);

        Assert.Equal(expected, Assert.Single(queries));
    }

    [Fact]
    public void Convert_type_turns_numbers_into_strings()
    {
        var queries = Convert("pysigma-esql", ProcessRule("    sel:\n        EventID: 1\n    condition: sel"), "transformations:\n  - type: convert_type\n    target_type: str\n");

        Assert.Equal("from * metadata _id, _index, _version | where EventID==\"1\"", Assert.Single(queries));
    }

    [Fact]
    public void Convert_type_reports_a_string_that_is_no_number()
    {
        var queries = Convert("pysigma-esql", ProcessRule("    sel:\n        EventID: abc\n    condition: sel"), "transformations:\n  - type: convert_type\n    target_type: num\n");

        Assert.StartsWith("SIG525", Assert.Single(queries), StringComparison.Ordinal);
    }

    [Fact]
    public void Drop_detection_item_removes_items_matching_the_field_conditions()
    {
        var pipeline = "transformations:\n  - type: drop_detection_item\n    field_name_conditions:\n      - type: include_fields\n        fields: [Noise]\n";
        var queries = Convert("pysigma-splunk", ProcessRule("    sel:\n        Image: x\n        Noise: y\n    condition: sel"), pipeline);

        Assert.Equal("Image=\"x\"", Assert.Single(queries));
    }

    [Fact]
    public void Hashes_fields_split_into_one_field_per_algorithm()
    {
        var pipeline = "transformations:\n  - type: hashes_fields\n    valid_hash_algos: [MD5, SHA256]\n    field_prefix: File\n";
        var queries = Convert("pysigma-splunk", ProcessRule("    sel:\n        Hashes:\n            - 'MD5=0123456789abcdef0123456789abcdef'\n            - 'SHA256=aa'\n    condition: sel"), pipeline);

        Assert.Equal("FileMD5=\"0123456789abcdef0123456789abcdef\" OR FileSHA256=\"aa\"", Assert.Single(queries));
    }

    [Theory]
    [InlineData("  - type: rule_failure\n    message: no such table\n", "no such table")]
    [InlineData("  - type: detection_item_failure\n    message: field not supported\n    field_name_conditions:\n      - type: include_fields\n        fields: [Image]\n", "field not supported")]
    public void Failure_transformations_refuse_the_rule_with_their_message(string transformation, string message)
    {
        var queries = Convert("pysigma-splunk", ProcessRule("    sel:\n        Image: x\n    condition: sel"), "name: strict\ntransformations:\n" + transformation);

        Assert.Equal($"SIG522: pipeline 'strict': {message}", Assert.Single(queries));
    }

    [Fact]
    public void Set_state_is_seen_by_processing_state_conditions()
    {
        var pipeline = """
            transformations:
              - type: set_state
                key: mode
                val: strict
              - type: field_name_prefix
                prefix: 's.'
                rule_conditions:
                  - type: processing_state
                    key: mode
                    val: strict
              - type: field_name_prefix
                prefix: 'never.'
                rule_conditions:
                  - type: processing_state
                    key: mode
                    val: lax
            """;
        var queries = Convert("pysigma-splunk", ProcessRule("    sel:\n        Image: x\n    condition: sel"), pipeline);

        Assert.Equal("s.Image=\"x\"", Assert.Single(queries));
    }

    [Fact]
    public void Rule_conditions_combine_with_or_and_not()
    {
        var pipeline = """
            transformations:
              - type: field_name_prefix
                prefix: 'linux_or_other.'
                rule_cond_op: or
                rule_cond_not: true
                rule_conditions:
                  - type: logsource
                    product: windows
                  - type: tag
                    tag: attack.t1059
            """;
        var windows = Convert("pysigma-splunk", ProcessRule("    sel:\n        Image: x\n    condition: sel"), pipeline);
        var linux = Convert("pysigma-splunk", Rule("    product: linux", "    sel:\n        Image: x\n    condition: sel"), pipeline);

        Assert.Equal("Image=\"x\"", Assert.Single(windows));
        Assert.Equal("linux_or_other.Image=\"x\"", Assert.Single(linux));
    }

    [Fact]
    public void Pipeline_finalizers_build_the_final_output()
    {
        var pipeline = Pipeline(File.ReadAllText(Fixture("custom.yml")));
        var backend = SigmaSharp.Conversion.Modern.ModernTargets.CreateWith("pysigma-splunk", [pipeline]).Backend!;
        backend.Convert(Rule(ProcessRule("    sel:\n        Image: a\n    condition: sel")));
        backend.Convert(Rule(ProcessRule("    sel:\n        Image: b\n    condition: sel")));

        Assert.Equal("[process.path=\"a\" | process.path=\"b\"]", backend.Finalize());
    }
}
