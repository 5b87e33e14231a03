using BenchmarkDotNet.Running;
using SigmaSharp.Benchmarks.Evaluation;
using SigmaSharp.Benchmarks.Events;

namespace SigmaSharp.Benchmarks;

/// <summary>
/// BenchmarkDotNet for the steady-state figures; plain Stopwatch harnesses for whole-file throughput:
/// <c>generate FILE [N]</c> writes the synthetic events; <c>events FILE [N]</c> times event reading over a generated JSON Lines file (made if missing);
/// <c>scan [RULES] [EVENTS] [THREADS] [RUNS]</c> times <c>sigma scan</c> (see <see cref="ScanHarness"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["events", var path, .. var rest])
        {
            EventReadingHarness.Run(path, rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : SyntheticEventGenerator.DefaultCount);
            return;
        }

        if (args is ["generate", var target, .. var size])
        {
            new SyntheticEventGenerator().Write(target, size.Length > 0 ? int.Parse(size[0], System.Globalization.CultureInfo.InvariantCulture) : SyntheticEventGenerator.DefaultCount);
            return;
        }

        if (args is ["scan-profile", .. var profile])
        {
            ScanProfile.Run(
                profile.Length > 0 && profile[0].Length > 0 ? profile[0] : ScanBenchmarks.WindowsRules(),
                profile.Length > 1 && profile[1].Length > 0 ? profile[1] : Path.Combine(Path.GetTempPath(), "sigmasharp-scan-events-1m-v2.jsonl"),
                profile.Length > 2 ? int.Parse(profile[2], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
            return;
        }

        if (args is ["convert-profile", var convertTarget, .. var convertFolders])
        {
            Conversion.ConvertProfile.Run(convertTarget, convertFolders.Length > 0 ? convertFolders : BenchmarkCorpus.RuleFolders());
            return;
        }

        if (args is ["load-profile", .. var loadFolders])
        {
            Parsing.LoadProfile.Run(loadFolders.Length > 0 ? loadFolders : BenchmarkCorpus.RuleFolders());
            return;
        }

        if (args is ["scan-once", var rulesFolder, .. var files])
        {
            // One scanner, one pass: for peak memory (/usr/bin/time -f %M) and CPU use (top).
            var rules = SigmaSharp.Parsing.RuleLoader.Load([rulesFolder.Length > 0 ? rulesFolder : ScanBenchmarks.WindowsRules()]);
            Console.WriteLine($"loaded: managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F0} MB");
            var scanner = new SigmaSharp.Evaluation.Scanner(rules);
            Console.WriteLine($"compiled: managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F0} MB");
            var cpu = Environment.CpuUsage.TotalTime;
            var allocated = GC.GetTotalAllocatedBytes();
            int[] gcs = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var matches = scanner.Scan(files).LongCount();
            var used = Environment.CpuUsage.TotalTime - cpu;
            Console.WriteLine($"{scanner.Counters.Events:N0} events, {matches:N0} matches in {watch.Elapsed.TotalSeconds:F2} s " +
                              $"({scanner.Counters.Events / watch.Elapsed.TotalSeconds:N0} events/s, CPU {used.TotalSeconds * 1e6 / Math.Max(scanner.Counters.Events, 1):F2} us/event); " +
                              $"managed heap {GC.GetTotalMemory(false) / 1e6:F0} MB; allocated {(GC.GetTotalAllocatedBytes() - allocated) / (double)Math.Max(scanner.Counters.Events, 1):N0} B/event; " +
                              $"GCs gen0/1/2 {GC.CollectionCount(0) - gcs[0]}/{GC.CollectionCount(1) - gcs[1]}/{GC.CollectionCount(2) - gcs[2]}");
            return;
        }

        if (args is ["scan-steady", var steadyRules, var warmup, var measured, var goFile])
        {
            // For callgrind: everything is loaded, compiled, JIT-compiled and warmed on WARMUP first;
            // the run then waits for GOFILE (touched once instrumentation is switched on) and scans MEASURED.
            var rules = SigmaSharp.Parsing.RuleLoader.Load([steadyRules.Length > 0 ? steadyRules : ScanBenchmarks.WindowsRules()]);
            var scanner = new SigmaSharp.Evaluation.Scanner(rules);
            Console.WriteLine($"warm: {scanner.Scan([warmup]).LongCount():N0} matches on {scanner.Counters.Events:N0} events");
            // A full collection now, so that the one the compile phase's garbage (about 150 MB) would trigger
            // does not fall inside the measured window by chance: what is measured then includes only the
            // collections the scan's own allocation causes.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            while (!File.Exists(goFile))
            {
                Thread.Sleep(200);
            }
            var before = scanner.Counters.Events;
            var found = scanner.Scan([measured]).LongCount();
            Console.WriteLine($"measured: {scanner.Counters.Events - before:N0} events, {found:N0} matches");
            return;
        }

        if (args is ["scan-phases", var phaseRules, var phaseEvents, .. var phaseRest])
        {
            ScanPhases.Run(phaseRules, phaseEvents,
                phaseRest.Length > 0 ? int.Parse(phaseRest[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000,
                phaseRest.Length > 1 ? int.Parse(phaseRest[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
            return;
        }

        if (args is ["automaton-scan", var automatonRules, var automatonEvents, var automatonField, .. var automatonRest])
        {
            AutomatonScanHarness.Run(automatonRules, automatonEvents, automatonField,
                automatonRest.Length > 0 ? int.Parse(automatonRest[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
            return;
        }

        if (args is ["scan", .. var scan])
        {
            ScanHarness.Run(
                scan.Length > 0 && scan[0].Length > 0 ? scan[0] : ScanBenchmarks.WindowsRules(),
                scan.Length > 1 && scan[1].Length > 0 ? scan[1] : Path.Combine(Path.GetTempPath(), "sigmasharp-scan-events-1m-v2.jsonl"),
                scan.Length > 2 ? int.Parse(scan[2], System.Globalization.CultureInfo.InvariantCulture) : 0,
                scan.Length > 3 ? int.Parse(scan[3], System.Globalization.CultureInfo.InvariantCulture) : 3);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
