namespace SigmaSharp.Fuzz.Targets;

/// <summary>Every harness by name: the fuzz runner and the regression test both take them from here.</summary>
public static class FuzzTargets
{
    private const int TextBytes = 64 * 1024;

    public static IReadOnlyList<FuzzTarget> All { get; } = Build();

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    private static FuzzTarget[] Build() =>
    [
        new("rules", "rule YAML: RuleLoader.LoadTexts, then every validator", TextBytes, ["rules"], Dictionaries.Rule, RuleHarnesses.Rules),
        new("condition", "ConditionParser.Parse on one condition line", 4096, ["conditions"], Dictionaries.Condition, RuleHarnesses.Condition),
        new("pipeline", "pySigma processing pipeline YAML, then applied to a rule (pysigma-splunk)", TextBytes, ["pipelines"], Dictionaries.Pipeline, PipelineHarnesses.Pipeline),
        new("sigmac-config", "sigmac config YAML, then applied to a rule (splunk)", TextBytes, ["configs"], Dictionaries.LegacyConfig, PipelineHarnesses.LegacyConfig),
        new("placeholders", "placeholder values file (scan --placeholders)", TextBytes, ["placeholders"], Dictionaries.Yaml, PipelineHarnesses.Placeholders),
        new("mapping", "event field mapping file (scan --mapping)", TextBytes, ["mappings"], Dictionaries.Yaml, PipelineHarnesses.Mapping),
        new("logsource-map", "log source routing file (scan --logsources)", TextBytes, ["logsource-maps"], Dictionaries.Yaml, PipelineHarnesses.LogSourceMap),
        new("data-needed-map", "data-needed mapping file (docs, a user's extension)", TextBytes, ["data-needed-maps"], Dictionaries.Yaml, PipelineHarnesses.DataNeededMap),
        new("json", "JSON / JSON Lines / gzip event stream through EventReader, every field read", 256 * 1024, ["json"], Dictionaries.JsonBytes, EventHarnesses.Json),
        new("evtx-file", "whole EVTX file through EvtxReader; every record must be valid JSON", 4096 + (2 * 65536), ["evtx-file"], Dictionaries.Evtx, EventHarnesses.EvtxFile),
        new("evtx-chunk", "one EVTX chunk behind a valid file header; every record must be valid JSON", 65536, ["evtx-chunk"], Dictionaries.Evtx, EventHarnesses.EvtxChunk),
        .. ConverterHarnesses.All().Select(c => new FuzzTarget(
            "convert-" + c.Target, $"rule YAML converted to {c.Target} queries", TextBytes, ["rules"], Dictionaries.Rule, c.Run)),
    ];
}
