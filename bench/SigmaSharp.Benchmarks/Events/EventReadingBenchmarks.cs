using BenchmarkDotNet.Attributes;

namespace SigmaSharp.Benchmarks.Events;

/// <summary>
/// BenchmarkDotNet view of <see cref="EventReadingHarness"/> on 100,000 generated events:
/// <c>dotnet run -c Release --project bench/SigmaSharp.Benchmarks -- --filter *EventReading*</c>.
/// </summary>
[MemoryDiagnoser]
public class EventReadingBenchmarks
{
    private string _path = string.Empty;

    [GlobalSetup]
    public void Generate()
    {
        _path = Path.Combine(Path.GetTempPath(), "sigmasharp-bench-events-100k.jsonl");
        if (!File.Exists(_path))
        {
            new SyntheticEventGenerator().Write(_path, 100_000);
        }
    }

    [Benchmark(Baseline = true)]
    public long BareUtf8JsonReader() => BareJsonPass.CountEvents(_path);

    [Benchmark]
    public long EventReaderSingleThread() => EventReadingHarness.ReadSingleThreaded(_path, touch: false);

    [Benchmark]
    public long EventReaderWithLookupsSingleThread() => EventReadingHarness.ReadSingleThreaded(_path, touch: true);

    [Benchmark]
    public long EventBatchesTwoThreads() => EventReadingHarness.ReadBatchesInParallel(_path, threads: 2);
}
