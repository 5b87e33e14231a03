using System.Diagnostics;
using SigmaSharp.Benchmarks.Events;
using SigmaSharp.Evaluation;
using SigmaSharp.Parsing;

namespace SigmaSharp.Benchmarks.Evaluation;

/// <summary>
/// Stopwatch figures for <c>sigma scan</c>: every rule of a rules folder (SigmaHQ rules/windows)
/// over a synthetic JSON Lines file (generated on first use), compared with a bare single-threaded
/// Utf8JsonReader pass over the same file. Best of three runs each.
/// Run: <c>dotnet run -c Release --project bench/SigmaSharp.Benchmarks -- scan [rules-folder] [events.jsonl] [threads] [runs]</c>
/// (empty arguments take the defaults; <c>scan-once RULES FILES...</c> is one pass with one scanner, for peak memory).
/// </summary>
public static class ScanHarness
{
    public static void Run(string rulesFolder, string eventsPath, int threads = 0, int runs = 3, TextWriter? output = null)
    {
        output ??= Console.Out;
        if (!File.Exists(eventsPath))
        {
            var generate = Stopwatch.StartNew();
            new SyntheticEventGenerator().Write(eventsPath, SyntheticEventGenerator.DefaultCount);
            output.WriteLine($"generated {SyntheticEventGenerator.DefaultCount:N0} events in {generate.Elapsed.TotalSeconds:F1} s");
        }
        var load = Stopwatch.StartNew();
        var rules = RuleLoader.Load([rulesFolder]);
        var loaded = load.Elapsed;
        var compile = Stopwatch.StartNew();
        var scanner = new Scanner(rules, new ScanOptions { Threads = threads });
        output.WriteLine($"rules: {rules.DetectionRules.Count():N0} loaded in {loaded.TotalSeconds:F1} s, {scanner.Rules.Count:N0} compiled in {compile.Elapsed.TotalSeconds:F1} s; " +
                         $"{scanner.Diagnostics.Count(d => d.Severity == SigmaSharp.Rules.DiagnosticSeverity.Error)} not evaluable");
        Describe(scanner, output);
        var bytes = new FileInfo(eventsPath).Length;
        BareJsonPass.CountEvents(eventsPath);
        output.WriteLine($"{eventsPath}: {bytes / 1e6:F0} MB; load average {LoadAverage()}; {Environment.ProcessorCount} cores");

        var bare = Best(runs, () => (BareJsonPass.CountEvents(eventsPath), 0));
        Print(output, "bare Utf8JsonReader, 1 thread", bare, bytes, bare);
        // Each run compiles the rules afresh (as `sigma scan` does) inside the timed span; the compile
        // time of each run is also kept, so the scan alone can be told apart.
        var compileTimes = new List<TimeSpan>();
        var scan = Best(runs, () =>
        {
            var compileWatch = Stopwatch.StartNew();
            var fresh = new Scanner(rules, new ScanOptions { Threads = threads });
            compileTimes.Add(compileWatch.Elapsed);
            long matches = fresh.Scan([eventsPath]).LongCount();
            return (fresh.Counters.Events, matches);
        });
        Print(output, $"Scanner.Scan, {(threads > 0 ? threads : Environment.ProcessorCount)} threads", scan, bytes, bare);
        var compiled = compileTimes.Min();
        output.WriteLine($"  of which compiling the rules: {compiled.TotalSeconds:F2} s (fastest of the runs); scan alone " +
                         $"{scan.Events / (scan.Time - compiled).TotalSeconds:N0} ev/s, {bare.Time.TotalSeconds / (scan.Time - compiled).TotalSeconds:F2}x bare");
        output.WriteLine($"load average after: {LoadAverage()}");
    }

    private static void Describe(Scanner scanner, TextWriter output)
    {
        var set = scanner.RuleSet;
        foreach (var group in set.Groups.OrderByDescending(g => g.Entries.Length).Take(8))
        {
            output.WriteLine($"  group {group.Route?.ToString() ?? "(every event)",-70} {group.Entries.Length,5} rules, " +
                             $"{group.Prefilter.AlwaysCount,4} unfiltered, {group.Prefilter.LiteralCount,6} literals, {group.Prefilter.StateCount,7} states");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    // Best wall time of the runs; CPU time (user + system, all threads) of that same run, which
    // other work on a shared machine disturbs less than wall time.
    private static (long Events, long Matches, TimeSpan Time, TimeSpan Cpu) Best(int runs, Func<(long, long)> run)
    {
        (long, long, TimeSpan, TimeSpan) best = (0, 0, TimeSpan.MaxValue, TimeSpan.Zero);
        for (var i = 0; i < runs; i++)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            var watch = Stopwatch.StartNew();
            var (events, matches) = run();
            watch.Stop();
            if (watch.Elapsed < best.Item3)
            {
                best = (events, matches, watch.Elapsed, Environment.CpuUsage.TotalTime - cpu);
            }
        }
        return best;
    }

    private static void Print(TextWriter output, string name, (long Events, long Matches, TimeSpan Time, TimeSpan Cpu) run, long bytes, (long Events, long Matches, TimeSpan Time, TimeSpan Cpu) bare) =>
        output.WriteLine(
            $"{name,-34} {run.Events,10:N0} events {run.Matches,8:N0} matches {run.Time.TotalSeconds,6:F2} s " +
            $"{run.Events / run.Time.TotalSeconds,10:N0} ev/s {bytes / 1e6 / run.Time.TotalSeconds,6:F0} MB/s " +
            $"{bare.Time.TotalSeconds / run.Time.TotalSeconds,5:F2}x bare; CPU {run.Cpu.TotalSeconds * 1e6 / Math.Max(run.Events, 1),5:F2} us/event");
}
