using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Engines;

/// <summary>
/// Which rules an engine-proof run checks, and how many events it generates for each. By default every rule of
/// rules/windows with a budget of <see cref="DefaultGeneratedEvents"/> generated events (a rule with a long value list
/// gets witnesses for an evenly spread sample of its values); <c>SIGMA_ENGINE_PROOF=full</c> raises that to
/// <see cref="FullGeneratedEvents"/>, so that witnesses and near misses cover every value of all but a few rules;
/// <c>SIGMA_ENGINE_PROOF_RULES=N</c> an evenly spread sample of N rules plus every rule with regression events
/// (for a quick look while working on a converter); <c>SIGMA_ENGINE_PROOF_ONLY=id,id</c> the rules with those ids.
/// </summary>
internal static class Selection
{
    private const int DefaultGeneratedEvents = 400;

    /// <summary>
    /// Enough for witnesses and near misses of every value of rules with up to about 250 values (eight events a
    /// value); the few longer lists (thousands of driver hashes) keep an evenly spread sample of 250 values.
    /// </summary>
    private const int FullGeneratedEvents = 2_000;

    public static bool FullRun => string.Equals(Environment.GetEnvironmentVariable("SIGMA_ENGINE_PROOF"), "full", StringComparison.OrdinalIgnoreCase);

    public static int MaxGeneratedEvents => FullRun ? FullGeneratedEvents : DefaultGeneratedEvents;

    public static int? SampleSize =>
        int.TryParse(Environment.GetEnvironmentVariable("SIGMA_ENGINE_PROOF_RULES"), out var wanted) && wanted > 0 ? wanted : null;

    public static string Describe() =>
        FullRun ? $"full run (every rule, a budget of {FullGeneratedEvents} generated events a rule)"
        : Environment.GetEnvironmentVariable("SIGMA_ENGINE_PROOF_ONLY") is { Length: > 0 } ? "the rules SIGMA_ENGINE_PROOF_ONLY names"
        : SampleSize is { } n ? $"sample of {n} rules and the rules with regression events (SIGMA_ENGINE_PROOF_RULES)"
        : $"default run (every rule, a budget of {DefaultGeneratedEvents} generated events a rule; SIGMA_ENGINE_PROOF=full allows {FullGeneratedEvents})";

    public static List<SigmaRule> Pick(List<SigmaRule> rules, Dictionary<string, List<FlatEvent>> regression)
    {
        if (Environment.GetEnvironmentVariable("SIGMA_ENGINE_PROOF_ONLY") is { Length: > 0 } only)
        {
            var ids = only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return [.. rules.Where(r => r.Id is { } id && ids.Contains(id))];
        }

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
