using SigmaSharp.Evaluation.Prefilter;
using SigmaSharp.Events;

namespace SigmaSharp.Evaluation.Routing;

/// <summary>
/// The rules that read one log-source route (or, for <see cref="Route"/> null, every event), each
/// compiled with the route's field names, behind one literal prefilter.
/// </summary>
internal sealed class RuleGroup
{
    public RuleGroup(int index, LogSourceRoute? route, IReadOnlyList<GroupEntry> entries, AutomatonCache? automata = null)
    {
        Index = index;
        Route = route;
        Entries = [.. entries];
        Prefilter = new RulePrefilter([.. Entries.Select(e => e.Detection.Matcher.Needs)], automata);
    }

    /// <summary>Position among the rule set's groups (indexes per-thread scratch).</summary>
    public int Index { get; }

    public LogSourceRoute? Route { get; }

    public GroupEntry[] Entries { get; }

    public RulePrefilter Prefilter { get; }

    /// <summary>Calls <paramref name="onMatch"/> for each entry matching <paramref name="e"/>, in entry order.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Evaluate(SigmaEvent e, EvaluationScratch scratch, Action<int, CompiledDetection> onMatch)
    {
        var prefilter = scratch.PrefilterOf(this);
        Prefilter.Select(e, prefilter);
        var words = prefilter.Candidates;
        for (var w = 0; w < words.Length; w++)
        {
            var bits = words[w];
            while (bits != 0)
            {
                var i = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                var entry = Entries[i];
                if (scratch.IsNew(entry.Rule) && entry.Detection.Matcher.Matches(e))
                {
                    scratch.MarkMatched(entry.Rule);
                    onMatch(entry.Rule, entry.Detection);
                }
            }
        }
    }
}

/// <summary>A rule (by its index in the rule set) as compiled for one group.</summary>
internal sealed record GroupEntry(int Rule, CompiledDetection Detection);
