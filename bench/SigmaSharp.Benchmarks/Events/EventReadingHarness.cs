using System.Diagnostics;
using SigmaSharp.Events;

namespace SigmaSharp.Benchmarks.Events;

/// <summary>
/// Plain Stopwatch figures for the event side of <c>sigma scan</c>: the bare Utf8JsonReader pass,
/// our reader on one thread, and our batches parsed on two threads. Best of three runs each.
/// </summary>
public static class EventReadingHarness
{
    public static void Run(string path, int count = SyntheticEventGenerator.DefaultCount, TextWriter? output = null)
    {
        output ??= Console.Out;
        if (!File.Exists(path))
        {
            var generate = Stopwatch.StartNew();
            new SyntheticEventGenerator().Write(path, count);
            output.WriteLine($"generated {count:N0} events in {generate.Elapsed.TotalSeconds:F1} s");
        }
        var bytes = new FileInfo(path).Length;
        BareJsonPass.CountEvents(path); // warm the page cache and the JIT
        output.WriteLine($"{path}: {bytes / 1e6:F0} MB");

        var bare = Best(() => BareJsonPass.CountEvents(path));
        Print(output, "bare Utf8JsonReader, 1 thread", bare, bytes, bare);
        var single = Best(() => ReadSingleThreaded(path, touch: false));
        Print(output, "EventReader.Read, 1 thread", single, bytes, bare);
        var lookups = Best(() => ReadSingleThreaded(path, touch: true));
        Print(output, "EventReader.Read + 3 lookups, 1 thread", lookups, bytes, bare);
        var parallel = Best(() => ReadBatchesInParallel(path, threads: 2));
        Print(output, "ReadBatches + Parse + 3 lookups, 2 threads", parallel, bytes, bare);
    }

    public static long ReadSingleThreaded(string path, bool touch)
    {
        var options = new EventReaderOptions();
        var keys = Keys(options.Schema);
        long events = 0;
        foreach (var e in EventReader.Read(path, options))
        {
            events += touch ? Touch(e, keys) : 1;
        }
        return events;
    }

    public static long ReadBatchesInParallel(string path, int threads)
    {
        var options = new EventReaderOptions();
        var keys = Keys(options.Schema);
        long events = 0;
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(EventReader.ReadBatches(path, options), System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            batch =>
            {
                long local = 0;
                foreach (var e in batch.Parse())
                {
                    local += Touch(e, keys);
                }
                Interlocked.Add(ref events, local);
            });
        return events;
    }

    private static FieldKey[] Keys(EventSchema schema) =>
        [schema.Field("EventID"), schema.Field("Channel"), schema.Field("CommandLine")];

    // What a compiled rule set does first: log source fields, then one string field.
    private static int Touch(SigmaEvent e, FieldKey[] keys)
    {
        var found = 0;
        foreach (var key in keys)
        {
            found += e.Get(key).First is null ? 0 : 1;
        }
        return found >= 2 ? 1 : 1;
    }

    private static (long Events, TimeSpan Time) Best(Func<long> run)
    {
        (long, TimeSpan) best = (0, TimeSpan.MaxValue);
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var events = run();
            watch.Stop();
            if (watch.Elapsed < best.Item2)
            {
                best = (events, watch.Elapsed);
            }
        }
        return best;
    }

    private static void Print(TextWriter output, string name, (long Events, TimeSpan Time) run, long bytes, (long Events, TimeSpan Time) bare) =>
        output.WriteLine(
            $"{name,-46} {run.Events,10:N0} events {run.Time.TotalSeconds,6:F2} s " +
            $"{run.Events / run.Time.TotalSeconds,12:N0} ev/s {bytes / 1e6 / run.Time.TotalSeconds,7:F0} MB/s " +
            $"{bare.Time.TotalSeconds / run.Time.TotalSeconds,5:F2}x bare");
}
