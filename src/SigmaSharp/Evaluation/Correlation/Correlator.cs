using SigmaSharp.Rules;

namespace SigmaSharp.Evaluation.Correlation;

/// <summary>
/// Runs the correlation rules of a collection over detection matches: event_count, value_count,
/// temporal, temporal_ordered, value_sum, value_avg and value_percentile, with group-by (and
/// aliases), sliding timespans, thresholds and chains (a correlation's hits feed the correlations
/// that reference it).
/// </summary>
/// <remarks>
/// Matches may arrive out of order by up to <see cref="Lateness"/> of event time: they wait in a
/// reorder buffer until the newest time seen is that much later, then are processed in time order.
/// A match later than that is still counted, placed by time in its group, but windows already
/// closed are not reopened. Matches without a timestamp cannot be correlated and are counted in
/// <see cref="Untimed"/>. Memory is bounded by the matches inside the largest timespan plus the
/// reorder buffer.
/// </remarks>
public sealed class Correlator
{
    private readonly List<CorrelationState> _states = [];
    private readonly Dictionary<SigmaRuleBase, List<(CorrelationState State, int Slot)>> _consumers = new(ReferenceEqualityComparer.Instance);
    private readonly PriorityQueue<ScanMatch, (DateTimeOffset, long)> _pending = new();
    private readonly HashSet<SigmaRuleBase> _suppressed = new(ReferenceEqualityComparer.Instance);
    private DateTimeOffset _newest = DateTimeOffset.MinValue;
    private long _sequence;

    public Correlator(RuleCollection rules, TimeSpan lateness, List<SigmaDiagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Lateness = lateness;
        foreach (var correlation in rules.Correlations)
        {
            var references = new List<SigmaRuleBase>();
            foreach (var reference in correlation.Rules)
            {
                if (rules.FindReference(reference) is { } found && !ReferenceEquals(found, correlation))
                {
                    references.Add(found);
                }
                else
                {
                    diagnostics?.Add(EvaluationFacts.UnsupportedCorrelation(correlation.Source.Position, $"rule '{reference}' is not loaded"));
                    references.Clear();
                    break;
                }
            }
            if (references.Count == 0)
            {
                continue;
            }
            if (references.OfType<SigmaFilter>().Any())
            {
                diagnostics?.Add(EvaluationFacts.UnsupportedCorrelation(correlation.Source.Position, "a correlation cannot reference a filter"));
                continue;
            }
            var state = new CorrelationState(correlation, references);
            _states.Add(state);
            for (var slot = 0; slot < references.Count; slot++)
            {
                if (!_consumers.TryGetValue(references[slot], out var list))
                {
                    _consumers[references[slot]] = list = [];
                }
                list.Add((state, slot));
                if (!correlation.Generate)
                {
                    _suppressed.Add(references[slot]);
                }
            }
        }
    }

    public TimeSpan Lateness { get; }

    /// <summary>Matches that had no timestamp and so could not be correlated.</summary>
    public long Untimed { get; private set; }

    public bool IsEmpty => _states.Count == 0;

    /// <summary>Groups currently holding state, over all correlations (bounded by the timespans).</summary>
    internal int OpenGroups => _states.Sum(s => s.GroupCount);

    /// <summary>Whether a rule's own matches are withheld because a correlation referencing it has <c>generate: false</c>.</summary>
    public bool Suppresses(SigmaRuleBase rule) => _suppressed.Contains(rule);

    /// <summary>Whether any correlation reads this rule's matches.</summary>
    public bool Reads(SigmaRuleBase rule) => _consumers.ContainsKey(rule);

    /// <summary>The event fields the correlations reading <paramref name="rule"/> group or aggregate by.</summary>
    public IReadOnlyCollection<string> FieldsNeededBy(SigmaRuleBase rule)
    {
        var fields = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (_consumers.TryGetValue(rule, out var consumers))
        {
            foreach (var (state, _) in consumers)
            {
                foreach (var name in state.Rule.GroupBy)
                {
                    fields.Add(state.FieldFor(name, rule));
                }
                if (state.Rule.Condition?.Field is { } field)
                {
                    fields.Add(state.FieldFor(field, rule));
                }
            }
        }
        return fields;
    }

    /// <summary>Takes one detection match; returns the correlation matches that became due.</summary>
    public IReadOnlyList<ScanMatch> Add(ScanMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        if (!_consumers.ContainsKey(match.Rule))
        {
            return [];
        }
        if (match.Timestamp is not { } time)
        {
            Untimed++;
            return [];
        }
        _pending.Enqueue(match, (time, _sequence++));
        if (time > _newest)
        {
            _newest = time;
        }
        var output = new List<ScanMatch>();
        while (_pending.TryPeek(out var next, out var at) && at.Item1 <= _newest - Lateness)
        {
            _pending.Dequeue();
            Process(next, output);
        }
        return output;
    }

    /// <summary>Ends the stream: processes what waits for reordering and closes every open window.</summary>
    public IReadOnlyList<ScanMatch> Flush()
    {
        var output = new List<ScanMatch>();
        while (_pending.TryDequeue(out var next, out _))
        {
            Process(next, output);
        }
        // Closing windows may complete chained correlations, which may close further windows.
        for (var round = 0; round <= _states.Count; round++)
        {
            var closed = new List<ScanMatch>();
            foreach (var state in _states)
            {
                state.Sweep(DateTimeOffset.MaxValue, closed, force: true);
            }
            if (closed.Count == 0)
            {
                break;
            }
            foreach (var hit in closed)
            {
                output.Add(hit);
                Feed(hit, output);
            }
        }
        return output;
    }

    private void Process(ScanMatch match, List<ScanMatch> output, int depth = 0)
    {
        // Chains deeper than this can only be reference cycles (A reads B reads A); they stop here.
        if (depth > MaxChainDepth)
        {
            return;
        }
        var produced = new List<ScanMatch>();
        foreach (var (state, slot) in _consumers[match.Rule])
        {
            state.Add(match, slot, match.Timestamp!.Value, produced);
        }
        foreach (var hit in produced)
        {
            output.Add(hit);
            Feed(hit, output, depth + 1);
        }
    }

    private const int MaxChainDepth = 16;

    // A correlation's hit is itself a match for the correlations that reference it.
    private void Feed(ScanMatch hit, List<ScanMatch> output, int depth = 0)
    {
        if (_consumers.ContainsKey(hit.Rule))
        {
            Process(hit, output, depth);
        }
    }
}
