using BenchmarkDotNet.Attributes;
using SigmaSharp.Conversion;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Benchmarks.Conversion;

/// <summary>Converting the whole SigmaHQ corpus (rules loaded once) to one target and to all seven.</summary>
[MemoryDiagnoser]
public class ConversionBenchmarks
{
    private static readonly string[] Folders = ["rules", "rules-emerging-threats", "rules-threat-hunting"];
    private RuleCollection _rules = null!;

    [Params("es-qs", "splunk", "powershell")]
    public string Target { get; set; } = "es-qs";

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Environment.GetEnvironmentVariable("SIGMA_CORPUS") ?? Path.GetFullPath("../shared/corpus");
        _rules = RuleLoader.Load(Folders.Select(f => Path.Combine(corpus, "sigmahq", f)));
    }

    [Benchmark]
    public int OneTarget() => Run(Target);

    [Benchmark]
    public int AllSevenTargets() => ConversionTargets.All.Sum(t => Run(t.Name));

    private int Run(string target)
    {
        var (backend, _) = ConversionTargets.CreateWithDefaultConfig(target);
        var count = 0;
        foreach (var rule in _rules.Rules)
        {
            count += backend!.Convert(rule).Queries.Count;
        }

        return count;
    }
}
