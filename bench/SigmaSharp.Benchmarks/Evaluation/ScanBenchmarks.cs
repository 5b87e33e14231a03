using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SigmaSharp.Benchmarks.Events;
using SigmaSharp.Evaluation;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Benchmarks.Evaluation;

/// <summary>
/// <c>sigma scan</c> speed: all SigmaHQ rules/windows rules over 1,000,000 synthetic evtx-shaped
/// events (JSON Lines, generated once into the temp folder), against a bare single-threaded
/// Utf8JsonReader pass over the same file (the baseline). Run:
/// <c>dotnet run -c Release --project bench/SigmaSharp.Benchmarks -- --filter *ScanBenchmarks*</c>.
/// Rules come from <c>$SIGMA_CORPUS/sigmahq/rules/windows</c> (default: ../shared/corpus next to the repository).
/// Events per second = 1,000,000 / mean time; the ratio column compares with the bare pass.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class ScanBenchmarks
{
    private string _events = string.Empty;
    private RuleCollection _rules = null!;

    [Params(0)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _events = Path.Combine(Path.GetTempPath(), "sigmasharp-scan-events-1m-v2.jsonl");
        if (!File.Exists(_events))
        {
            new SyntheticEventGenerator().Write(_events, SyntheticEventGenerator.DefaultCount);
        }
        _rules = RuleLoader.Load([WindowsRules()]);
    }

    [Benchmark(Baseline = true)]
    public long BareUtf8JsonReader() => BareJsonPass.CountEvents(_events);

    [Benchmark]
    public long ScanAllWindowsRules() => new Scanner(_rules, new ScanOptions { Threads = Threads }).Scan([_events]).LongCount();

    internal static string WindowsRules()
    {
        var corpus = Environment.GetEnvironmentVariable("SIGMA_CORPUS");
        if (string.IsNullOrEmpty(corpus))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SigmaSharp.sln")))
            {
                dir = dir.Parent;
            }
            corpus = Path.Combine(dir?.FullName ?? ".", "..", "shared", "corpus");
        }
        return Path.Combine(corpus, "sigmahq", "rules", "windows");
    }
}

/// <summary>
/// The same measurement as a plain Stopwatch run with details (groups, prefilter sizes, load average):
/// <c>dotnet run -c Release --project bench/SigmaSharp.Benchmarks -- --filter *ScanHarnessRun*</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class ScanHarnessRun
{
    [Benchmark]
    public void Harness() => ScanHarness.Run(ScanBenchmarks.WindowsRules(), Path.Combine(Path.GetTempPath(), "sigmasharp-scan-events-1m-v2.jsonl"));
}
