using BenchmarkDotNet.Attributes;
using SigmaSharp.Parsing;

namespace SigmaSharp.Benchmarks.Parsing;

/// <summary>
/// Loading every rule folder of the SigmaHQ corpus (≈3,800 files) with the parallel loader, as `sigma check` does.
/// The corpus path comes from SIGMA_CORPUS (default ../shared/corpus beside the repository).
/// </summary>
[MemoryDiagnoser]
public class CorpusLoadBenchmark
{
    private string[] _folders = [];

    [GlobalSetup]
    public void Setup() => _folders = BenchmarkCorpus.RuleFolders();

    [Benchmark]
    public int LoadWholeCorpus() => RuleLoader.Load(_folders).Rules.Count;
}
