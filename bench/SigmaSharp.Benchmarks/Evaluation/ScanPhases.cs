using System.Diagnostics;
using System.Text.Json;
using SigmaSharp.Evaluation;
using SigmaSharp.Evaluation.Routing;
using SigmaSharp.Events;
using SigmaSharp.Parsing;

namespace SigmaSharp.Benchmarks.Evaluation;

/// <summary>
/// Where one thread's time goes in a scan, without per-event timers: the first N events are held in
/// memory, then passes of growing scope run over them (bare token read, event build, + routing,
/// + prefilter, + evaluation), each timed as a whole after a warm-up pass. Differences between
/// passes are the phases' costs, cache effects included.
/// Run: <c>scan-phases RULES EVENTS [N] [ROUNDS]</c>.
/// </summary>
public static class ScanPhases
{
    public static void Run(string rulesFolder, string eventsPath, int count, int rounds, TextWriter? output = null)
    {
        output ??= Console.Out;
        var rules = RuleLoader.Load([rulesFolder]);
        Scanner scanner = null!;
        for (var i = 0; i < 3; i++)
        {
            var compileCpu = Environment.CpuUsage.TotalTime;
            var compileWall = Stopwatch.StartNew();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            scanner = new Scanner(rules);
            output.WriteLine($"compile {i + 1}: {compileWall.Elapsed.TotalMilliseconds:F0} ms wall, {(Environment.CpuUsage.TotalTime - compileCpu).TotalMilliseconds:F0} ms CPU, " +
                $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F0} MB allocated, GCs {GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}, " +
                $"pauses {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms so far");
        }
        var set = scanner.RuleSet;
        var batches = new List<EventBatch>();
        var held = 0;
        foreach (var batch in EventReader.ReadBatches(eventsPath, scanner.ReaderOptions))
        {
            batches.Add(batch);
            held += batch.Count;
            if (held >= count)
            {
                break;
            }
        }
        var scratch = set.CreateScratch();
        var groups = new List<RuleGroup>();
        long sink = 0;
        // Base: the pass whose scope this one extends, whose time its own is compared with (-1: none).
        var passes = new (string Name, int Base, Action<EventBatch, int> Step)[]
        {
            ("bare Utf8JsonReader", -1, (b, i) =>
            {
                var reader = new Utf8JsonReader(b.Record(i));
                while (reader.Read())
                {
                    sink++;
                }
            }),
            ("build event", 0, (b, i) => b.TryParseInto(i, ref scratch.Event)),
            ("+ route", 1, (b, i) =>
            {
                if (b.TryParseInto(i, ref scratch.Event) is { } e)
                {
                    groups.Clear();
                    set.CollectGroups(e, groups);
                    sink += groups.Count;
                }
            }),
            ("+ prefilter of groups without route", 2, (b, i) =>
            {
                if (b.TryParseInto(i, ref scratch.Event) is { } e)
                {
                    groups.Clear();
                    set.CollectGroups(e, groups);
                    foreach (var group in groups)
                    {
                        if (group.Route is null)
                        {
                            group.Prefilter.Select(e, scratch.PrefilterOf(group));
                        }
                    }
                }
            }),
            ("+ prefilter", 2, (b, i) =>
            {
                if (b.TryParseInto(i, ref scratch.Event) is { } e)
                {
                    groups.Clear();
                    set.CollectGroups(e, groups);
                    foreach (var group in groups)
                    {
                        group.Prefilter.Select(e, scratch.PrefilterOf(group));
                    }
                }
            }),
            ("full evaluation", 4, (b, i) =>
            {
                if (b.TryParseInto(i, ref scratch.Event) is { } e)
                {
                    set.Evaluate(e, scratch, (_, _) => sink++);
                }
            }),
        };
        output.WriteLine($"{held:N0} events held; {set.Rules.Count:N0} rules");
        var best = new double[passes.Length];
        Array.Fill(best, double.MaxValue);
        for (var round = 0; round < rounds + 1; round++)
        {
            for (var p = 0; p < passes.Length; p++)
            {
                var cpu = Environment.CpuUsage.TotalTime;
                foreach (var batch in batches)
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        passes[p].Step(batch, i);
                    }
                }
                var used = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds * 1000 / held;
                if (round > 0)
                {
                    best[p] = Math.Min(best[p], used);
                }
            }
        }
        for (var p = 0; p < passes.Length; p++)
        {
            var previous = passes[p].Base < 0 ? 0 : best[passes[p].Base];
            output.WriteLine($"{passes[p].Name,-36} {best[p],6:F2} us/event  (+{best[p] - previous,5:F2})");
        }
        // The same events streamed from the file by Scanner.Scan on one thread, after a warm-up scan: what the
        // streamed path adds to the passes above.
        var streaming = new Scanner(rules, new ScanOptions { Threads = 1 });
        var streamed = double.MaxValue;
        for (var round = 0; round < rounds + 1; round++)
        {
            var before = streaming.Counters.Events;
            var cpu = Environment.CpuUsage.TotalTime;
            sink += streaming.Scan([eventsPath]).Count();
            var used = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds * 1000 / Math.Max(streaming.Counters.Events - before, 1);
            if (round > 0)
            {
                streamed = Math.Min(streamed, used);
            }
        }
        output.WriteLine($"{"Scanner.Scan of the file, 1 thread",-36} {streamed,6:F2} us/event");
        output.WriteLine($"checksum {sink}");
    }
}
