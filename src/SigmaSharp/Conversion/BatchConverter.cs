using SigmaSharp.Rules;

namespace SigmaSharp.Conversion;

/// <summary>
/// Converts a batch of rules for one or several targets on all cores. A target whose backend
/// <see cref="IBackend.ConvertsIndependently"/> is split into one contiguous range of rules per core, each range
/// converted by its own backend instance; any other target is converted whole, in rule order, by its one instance.
/// Results come back in rule order per target, exactly as a sequential run gives them.
/// </summary>
public static class BatchConverter
{
    /// <summary>Below this many rules a target is not split: the extra instances would cost more than they save.</summary>
    private const int MinRulesPerRange = 64;

    /// <param name="targets">Per target: the backend whose <see cref="IBackend.Finalize"/> the caller uses, and a way to make
    /// more instances with the same settings (called on the calling thread, before any conversion starts).</param>
    public static ConversionResult[][] Convert(
        IReadOnlyList<(IBackend Backend, Func<IBackend> CreateAnother)> targets,
        IReadOnlyList<SigmaRuleBase> rules,
        int? workers = null)
    {
        var cores = Math.Max(1, workers ?? Environment.ProcessorCount);
        var results = targets.Select(_ => new ConversionResult[rules.Count]).ToArray();
        var work = new List<(IBackend Backend, int Target, int Start, int End)>();
        for (var t = 0; t < targets.Count; t++)
        {
            var (backend, createAnother) = targets[t];
            var ranges = backend.ConvertsIndependently ? Math.Clamp(rules.Count / MinRulesPerRange, 1, cores) : 1;
            for (var r = 0; r < ranges; r++)
            {
                var start = (int)((long)rules.Count * r / ranges);
                var end = (int)((long)rules.Count * (r + 1) / ranges);
                work.Add((r == 0 ? backend : createAnother(), t, start, end));
            }
        }

        // Whole (unsplit) targets first: they are the longest items, so starting them early shortens the run.
        var ordered = work.OrderByDescending(w => w.End - w.Start).ToList();
        Parallel.ForEach(ordered, new ParallelOptions { MaxDegreeOfParallelism = cores }, item =>
        {
            for (var i = item.Start; i < item.End; i++)
            {
                results[item.Target][i] = item.Backend.Convert(rules[i]);
            }
        });
        return results;
    }
}
