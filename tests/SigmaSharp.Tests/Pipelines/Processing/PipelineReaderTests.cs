using SigmaSharp.Pipelines.Processing;

namespace SigmaSharp.Tests.Pipelines.Processing;

public sealed class PipelineReaderTests
{
    [Fact]
    public void Unknown_transformation_type_is_reported_at_its_line_and_column()
    {
        var (pipeline, diagnostics) = ProcessingPipelines.LoadOne(PipelineTestRules.Fixture("unknown_transformation.yml"));

        Assert.Null(pipeline);
        var error = Assert.Single(diagnostics);
        Assert.Equal("SIG520", error.Code);
        Assert.Equal((9, 11), (error.Position.Line, error.Position.Column));
        Assert.Contains("field_name_mangling", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("unknown_transformation.yml", error.Position.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_parameter_types_are_each_reported_with_their_position()
    {
        var (pipeline, diagnostics) = ProcessingPipelines.LoadOne(PipelineTestRules.Fixture("wrong_type.yml"));

        Assert.Null(pipeline);
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("SIG520", d.Code));
        Assert.Contains(diagnostics, d => d.Position.Line == 2 && d.Message.Contains("integer", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Position.Line == 6 && d.Message.Contains("must be a map", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("transformations:\n  - type: field_name_prefix\n    prefix: x\n    colour: red\n", "unknown parameter 'colour'")]
    [InlineData("transformations:\n  - type: field_name_prefix\n", "missing parameter 'prefix'")]
    [InlineData("transformations:\n  - type: replace_string\n    regex: '(['\n    replacement: x\n", "invalid regular expression")]
    [InlineData("transformations:\n  - type: drop_detection_item\n    rule_conditions:\n      - type: nonsense\n", "unknown rule condition type 'nonsense'")]
    [InlineData("transformations:\n  - type: replace_string\n    regex: '(a)\\1'\n    replacement: x\n", "does not run on untrusted values")]
    [InlineData("transformations:\n  - type: drop_detection_item\n    rule_cond_expr: a and b\n    rule_conditions:\n      a:\n        type: is_sigma_rule\n", "undefined condition 'b'")]
    [InlineData("transformations:\n  - type: extract_fields\n", "needs Python code")]
    [InlineData("transformations: {}\n", "'transformations' must be a list")]
    [InlineData("- just\n- a list\n", "must hold one YAML document that is a map")]
    [InlineData("transformations:\n  - type: field_name_prefix\n    prefix: [a\n", "invalid YAML")]
    public void Bad_pipeline_yaml_gives_a_clear_error(string yaml, string expected)
    {
        var (pipeline, diagnostics) = ProcessingPipelines.Parse(yaml, "bad.yml");

        Assert.Null(pipeline);
        Assert.Contains(diagnostics, d => d.Message.Contains(expected, StringComparison.Ordinal) && d.Position.File == "bad.yml" && d.Position.Line > 0);
    }

    [Fact]
    public void The_same_pipeline_given_twice_is_an_error()
    {
        var (pipeline, diagnostics) = ProcessingPipelines.Load(["ecs_windows", "ecs_windows"]);

        Assert.Null(pipeline);
        Assert.Contains(diagnostics, d => d.Code == "SIG523");
    }

    [Fact]
    public void An_unknown_pipeline_name_lists_the_shipped_ones()
    {
        var (pipeline, diagnostics) = ProcessingPipelines.Load(["no_such_pipeline"]);

        Assert.Null(pipeline);
        var error = Assert.Single(diagnostics);
        Assert.Equal("SIG521", error.Code);
        Assert.Contains("splunk_windows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipelines_are_merged_in_priority_order_whatever_the_command_line_order()
    {
        var (pipeline, _) = ProcessingPipelines.Load(["splunk_windows", "sysmon"]);

        Assert.NotNull(pipeline);
        Assert.Equal("sysmon+splunk_windows", pipeline.Name);
        Assert.Equal(10, pipeline.Priority);
    }

    [Fact]
    public void Shipped_pipelines_are_listed_with_name_description_and_priority()
    {
        var names = ProcessingPipelines.Shipped.Select(p => p.Name).ToList();

        Assert.Equal(
            ["ecs_windows", "ecs_windows_old", "ecs_zeek_beats", "splunk_cim", "splunk_sysmon_acceleration", "splunk_windows", "sysmon", "windows", "windows-audit"],
            names);
        Assert.All(ProcessingPipelines.Shipped, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
        Assert.Equal(20, ProcessingPipelines.Shipped.Single(p => p.Name == "ecs_windows").Priority);
    }

    [Fact]
    public void A_pipeline_file_of_our_own_loads_with_vars_conditions_and_finalizers()
    {
        var (pipeline, diagnostics) = ProcessingPipelines.LoadOne(PipelineTestRules.Fixture("custom.yml"));

        Assert.Empty(diagnostics);
        Assert.NotNull(pipeline);
        Assert.Equal(("custom", 40, 3), (pipeline.Name, pipeline.Priority, pipeline.ItemCount));
    }
}
