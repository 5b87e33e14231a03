using SigmaSharp.Conversion;
using SigmaSharp.Conversion.Modern;
using SigmaSharp.Evaluation;
using SigmaSharp.Events;
using SigmaSharp.Parsing;
using SigmaSharp.Pipelines;
using SigmaSharp.Pipelines.Processing;
using SigmaSharp.Rules;

namespace SigmaSharp.Fuzz.Targets;

/// <summary>Configuration files a user may be handed: pySigma pipelines, sigmac configs, placeholder and mapping files.</summary>
internal static class PipelineHarnesses
{
    // A loaded pipeline or config is also applied, because that is where its regexes and mappings run.
    private const string AppliedRule = """
        title: Applied by fuzzed pipelines
        id: 8c0a3b1e-6a55-4f0e-9f8f-2b8e2d1f0a01
        status: test
        logsource:
          category: process_creation
          product: windows
        detection:
          selection:
            Image|endswith: '\cmd.exe'
            CommandLine|contains|all: ['/c', 'whoami']
            ParentImage: '*\explorer.exe'
            User|re: '^(NT AUTHORITY|SYSTEM)$'
            Hashes|contains: 'SHA256='
          filter:
            IntegrityLevel: null
            DestinationIp|cidr: '10.0.0.0/8'
          keywords:
            - 'mimikatz'
            - '%placeholder%'
          condition: (selection and not filter) or keywords
        level: high
        """;

    private static readonly Lazy<SigmaRuleBase[]> Applied = new(() => [.. RuleLoader.LoadTexts([("applied.yml", AppliedRule)]).Rules]);

    public static void Pipeline(ReadOnlyMemory<byte> input)
    {
        var (pipeline, _) = ProcessingPipelines.Parse(FuzzInput.Text(input), "fuzz.yml");
        if (pipeline is null)
        {
            return;
        }

        var (backend, _) = ModernTargets.CreateWith("pysigma-splunk", [pipeline]);
        ConvertAll(backend);
    }

    public static void LegacyConfig(ReadOnlyMemory<byte> input)
    {
        var (config, _) = LegacyConfigLoader.Parse(FuzzInput.Text(input), "fuzz.yml");
        if (config is null)
        {
            return;
        }

        var (backend, _) = ConversionTargets.Create("splunk", null, new LegacyConfigChain([config]));
        ConvertAll(backend);
    }

    public static void Placeholders(ReadOnlyMemory<byte> input) =>
        PlaceholderValues.TryParse(FuzzInput.Text(input), "fuzz.yml", out _, out _);

    public static void Mapping(ReadOnlyMemory<byte> input)
    {
        if (FieldMapping.TryParse(FuzzInput.Text(input), "fuzz.yml", out var mapping, out _))
        {
            mapping!.AlternativesFor("Image");
        }
    }

    public static void LogSourceMap(ReadOnlyMemory<byte> input) =>
        Evaluation.Routing.LogSourceMap.TryParse(FuzzInput.Text(input), "fuzz.yml", out _, out _);

    public static void DataNeededMap(ReadOnlyMemory<byte> input) =>
        Documentation.DataNeededMap.Parse(FuzzInput.Text(input), "fuzz.yml");

    private static void ConvertAll(IBackend? backend)
    {
        if (backend is null)
        {
            return;
        }

        foreach (var rule in Applied.Value)
        {
            backend.Convert(rule);
        }

        backend.Finalize();
    }
}
