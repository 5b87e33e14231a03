using System.Diagnostics;
using SigmaSharp.Conversion;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Benchmarks.Conversion;

/// <summary>
/// <c>convert-profile TARGET FOLDER...</c>: what converting already loaded rules costs on one thread — time and bytes
/// allocated per rule, best of five — and which types those bytes are (allocation sampling).
/// </summary>
internal static class ConvertProfile
{
    public static void Run(string target, string[] folders)
    {
        var rules = RuleLoader.Load(folders).Rules.Where(r => r is not SigmaFilter).ToList();
        IBackend Create() => SigmaSharp.Conversion.Modern.ModernTargets.All.Any(t => t.Name == target)
            ? SigmaSharp.Conversion.Modern.ModernTargets.Create(target).Backend!
            : ConversionTargets.Create(target).Backend!;
        var best = TimeSpan.MaxValue;
        long bytes = 0;
        for (var i = 0; i < 5; i++)
        {
            var backend = Create();
            GC.Collect();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            foreach (var rule in rules)
            {
                backend.Convert(rule);
            }
            if (watch.Elapsed < best)
            {
                best = watch.Elapsed;
                bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
            }
        }
        Console.WriteLine($"{rules.Count} rules to {target}: {best.TotalMilliseconds:F0} ms, {bytes / 1e6:F1} MB allocated ({bytes / rules.Count:N0} B/rule)");
        using var sampler = new Parsing.AllocationSampler();
        var sampled = Create();
        sampler.Start();
        rules.ForEach(r => sampled.Convert(r));
        sampler.StopAndPrint(25);
    }
}
