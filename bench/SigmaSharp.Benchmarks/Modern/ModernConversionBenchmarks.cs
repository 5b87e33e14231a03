using BenchmarkDotNet.Attributes;
using SigmaSharp.Conversion;
using SigmaSharp.Conversion.Modern;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Benchmarks.Modern;

/// <summary>
/// Converting every rule of the SigmaHQ rules/ folder with the pySigma-family targets: Splunk with splunk_windows
/// and Lucene with ecs_windows (pipeline applied per rule, condition walked, text written). Parsing is done once in
/// setup; <see cref="LoadAndConvertSplunk"/> measures the whole job a <c>sigma convert</c> run does after start-up.
/// </summary>
[MemoryDiagnoser]
public class ModernConversionBenchmarks
{
    private RuleCollection _rules = null!;
    private string _folder = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(BenchmarkCorpus.Root, "sigmahq", "rules");
        _rules = RuleLoader.Load([_folder]);
    }

    [Benchmark]
    public int SplunkWithSplunkWindows() => Convert("pysigma-splunk", "splunk_windows", _rules);

    [Benchmark]
    public int LuceneWithEcsWindows() => Convert("pysigma-lucene", "ecs_windows", _rules);

    [Benchmark]
    public int LoadAndConvertSplunk() => Convert("pysigma-splunk", "splunk_windows", RuleLoader.Load([_folder]));

    /// <summary>Total length of the queries, so that nothing is optimised away.</summary>
    internal static int Convert(string target, string pipeline, RuleCollection rules)
    {
        var (backend, diagnostics) = ModernTargets.Create(target, [pipeline], collection: rules);
        if (backend is null)
        {
            throw new InvalidOperationException(string.Join("\n", diagnostics));
        }

        var length = 0;
        foreach (var rule in rules.Rules)
        {
            if (backend.Convert(rule) is { IsConverted: true } result)
            {
                foreach (var query in result.Queries)
                {
                    length += query.Length;
                }
            }
        }

        return length;
    }
}
