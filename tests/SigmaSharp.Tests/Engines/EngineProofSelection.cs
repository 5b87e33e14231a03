using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Engines;

/// <summary>
/// Which rules an engine-proof run checks. By default every rule of rules/windows, with the few rule/target pairs
/// that are slow on Lucene.Net left out (<see cref="EngineExclusions"/>); <c>SIGMA_ENGINE_PROOF=full</c> checks those
/// too; <c>SIGMA_ENGINE_PROOF_RULES=N</c> an evenly spread sample of N rules plus every rule with regression events
/// (for a quick look while working on a converter).
/// </summary>
internal static class Selection
{
    public static int? SampleSize =>
        int.TryParse(Environment.GetEnvironmentVariable("SIGMA_ENGINE_PROOF_RULES"), out var wanted) && wanted > 0 ? wanted : null;

    public static string Describe() =>
        EngineExclusions.FullRun ? "full run"
        : SampleSize is { } n ? $"sample of {n} rules and the rules with regression events (SIGMA_ENGINE_PROOF_RULES)"
        : "default run (every rule; SIGMA_ENGINE_PROOF=full adds the rule/target pairs left out for time)";

    public static List<SigmaRule> Pick(List<SigmaRule> rules, Dictionary<string, List<FlatEvent>> regression)
    {
        if (SampleSize is not { } sample || sample >= rules.Count)
        {
            return rules;
        }

        var step = (double)rules.Count / sample;
        var picked = Enumerable.Range(0, sample).Select(i => (int)(i * step)).ToHashSet();
        // Rules with regression events are always checked: they bring real events.
        return [.. rules.Where((r, i) => picked.Contains(i) || (r.Id is { } id && regression.ContainsKey(id)))];
    }
}
