using SigmaSharp.Conversion;
using SigmaSharp.Conversion.Modern;
using SigmaSharp.Parsing;
using SigmaSharp.Pipelines.Processing;
using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Pipelines.Processing;

/// <summary>Small rules and conversions shared by the pipeline and modern target tests.</summary>
internal static class PipelineTestRules
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "pipelines", name);

    public static RuleCollection Load(string text) => RuleLoader.LoadTexts([("rule.yml", text)]);

    public static SigmaRule Rule(string text) => Load(text).DetectionRules.Single();

    public static string Rule(string logsource, string detection) => $"""
        title: Test rule
        id: 5f1c7a2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b
        status: test
        description: A rule for the tests
        logsource:
        {logsource}
        detection:
        {detection}
        level: medium
        """;

    public static ProcessingPipeline Pipeline(string yaml)
    {
        var (pipeline, diagnostics) = ProcessingPipelines.Parse(yaml, "test.yml");
        Assert.True(pipeline is not null, string.Join("\n", diagnostics));
        return pipeline!;
    }

    /// <summary>Converts with a target and pipelines given as YAML text; returns the queries or the diagnostics.</summary>
    public static IReadOnlyList<string> Convert(string target, string ruleText, params string[] pipelinesYaml)
    {
        var pipelines = pipelinesYaml.Select(Pipeline).ToList();
        var backend = ModernTargets.CreateWith(target, pipelines.Count == 0 ? [] : [ProcessingPipeline.Merge(pipelines)]).Backend!;
        var result = backend.Convert(Rule(ruleText));
        return result.IsConverted ? result.Queries : [.. result.Diagnostics.Select(d => d.Code + ": " + d.Message)];
    }

    public static ConversionResult ConvertShipped(string target, string ruleText, params string[] pipelines)
    {
        var (backend, diagnostics) = ModernTargets.Create(target, pipelines);
        Assert.True(backend is not null, string.Join("\n", diagnostics));
        return backend!.Convert(Rule(ruleText));
    }
}
