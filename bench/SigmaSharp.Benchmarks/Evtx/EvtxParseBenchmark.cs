using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SigmaSharp.Events.Evtx;

namespace SigmaSharp.Benchmarks.Evtx;

/// <summary>
/// Parses every .evtx under the corpus (default ../shared/corpus/evtx next to the repository, or
/// $SIGMA_CORPUS/evtx) and writes each record's JSON to a null stream. Files are loaded into memory
/// first so the figure is parse speed, not disk speed. Throughput = <see cref="TotalBytes"/> / mean.
/// Run: dotnet run -c Release --project bench/SigmaSharp.Benchmarks -- --filter '*EvtxParse*'
/// </summary>
[MemoryDiagnoser]
public class EvtxParseBenchmark
{
    private readonly List<(string Name, byte[] Bytes)> _files = [];

    public long TotalBytes { get; private set; }

    [GlobalSetup]
    public void LoadCorpus()
    {
        var root = FindCorpus() ?? throw new InvalidOperationException("EVTX corpus not found; set SIGMA_CORPUS");
        foreach (var path in Directory.EnumerateFiles(root, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(path);
            _files.Add((path, bytes));
            TotalBytes += bytes.Length;
        }

        Console.WriteLine($"// EVTX corpus: {_files.Count} files, {TotalBytes / 1e6:F1} MB");
    }

    [Benchmark]
    public long ParseAllToJson()
    {
        var reader = new EvtxReader();
        using var writer = new Utf8JsonWriter(Stream.Null);
        long records = 0;
        foreach (var (name, bytes) in _files)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            foreach (var record in reader.ReadRecords(stream, name))
            {
                record.WriteJson(writer);
                writer.Flush();
                writer.Reset();
                records++;
            }
        }

        return records;
    }

    private static string? FindCorpus()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SIGMA_CORPUS");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.Combine(fromEnvironment, "evtx");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SigmaSharp.sln")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "evtx"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
