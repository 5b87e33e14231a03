using System.Globalization;
using SigmaSharp.Rules;

namespace SigmaSharp.Evaluation.Correlation;

/// <summary>
/// The running state of one correlation rule: per group-by key, the matches of the referenced rules
/// inside the timespan, sorted by time. Matches arrive in time order (the correlator reorders them),
/// so state older than the timespan is dropped as time advances and memory stays bounded.
/// </summary>
/// <remarks>
/// Conditions that can only become true as matches arrive (every threshold gt/gte, on counts and
/// sums) are tested on each arrival over the window ending at that match; after a hit the group
/// starts afresh. Others (lt/lte/eq/neq, ranges, averages, percentiles) can only be decided on a
/// whole window: windows start at a group's first match and last one timespan ("tumbling" from the
/// first match); each is tested once time passes its end (or at the end of the scan), then the next
/// window starts at the next match.
/// </remarks>
internal sealed class CorrelationState
{
    public const int MaxEntriesPerGroup = 100_000;

    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    private readonly CorrelationThreshold[] _thresholds;
    private readonly bool _onArrival;
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    public CorrelationState(CorrelationRule rule, IReadOnlyList<SigmaRuleBase> references)
    {
        Rule = rule;
        References = references;
        _thresholds = rule.Condition is { Thresholds.IsEmpty: false } condition
            ? [.. condition.Thresholds]
            : [new CorrelationThreshold(CorrelationOperator.Gte, references.Count, rule.Source.Position)];
        _onArrival = rule.Type is not (CorrelationType.ValueAvg or CorrelationType.ValuePercentile)
                     && _thresholds.All(t => t.Operator is CorrelationOperator.Gt or CorrelationOperator.Gte);
    }

    public CorrelationRule Rule { get; }

    public IReadOnlyList<SigmaRuleBase> References { get; }

    public int GroupCount => _groups.Count;

    /// <summary>The field a referenced rule's events hold for a group-by name or the value field (aliases applied).</summary>
    public string FieldFor(string name, SigmaRuleBase reference)
    {
        var alias = Rule.Aliases.FirstOrDefault(a => a.Alias == name);
        if (alias is not null && reference.Name is { } ruleName)
        {
            foreach (var (aliasRule, field) in alias.FieldByRule)
            {
                if (aliasRule == ruleName)
                {
                    return field;
                }
            }
        }
        return name;
    }

    public void Add(ScanMatch match, int slot, DateTimeOffset time, List<ScanMatch> output)
    {
        Sweep(time, output, force: false);
        var reference = References[slot];
        var group = Rule.GroupBy.Select(g => new KeyValuePair<string, string?>(g, Value(match, FieldFor(g, reference)))).ToArray();
        var key = string.Join('\u001f', group.Select(g => g.Value ?? "\u0000"));
        if (!_groups.TryGetValue(key, out var state))
        {
            _groups[key] = state = new Group(group);
        }
        var value = Rule.Condition?.Field is { } field ? Value(match, FieldFor(field, reference)) : null;
        state.Insert(new Entry(time, slot, value));
        if (state.Entries.Count > MaxEntriesPerGroup)
        {
            state.Entries.RemoveAt(0);
        }
        if (_onArrival)
        {
            state.Entries.RemoveAll(e => e.Time < time - Rule.Timespan);
            var window = state.Entries.Where(e => e.Time <= time).ToList();
            if (Aggregate(window) is { } aggregate && Holds(aggregate))
            {
                output.Add(Hit(state, window, aggregate, match));
                state.Entries.RemoveAll(e => e.Time <= time);
            }
            if (state.Entries.Count == 0)
            {
                _groups.Remove(key);
            }
        }
    }

    /// <summary>Closes windows that ended before <paramref name="now"/> (all of them when forced).</summary>
    public void Sweep(DateTimeOffset now, List<ScanMatch> output, bool force)
    {
        if (!force && now - _lastSweep < TimeSpan.FromTicks(Math.Max(Rule.Timespan.Ticks / 8, TimeSpan.TicksPerSecond)))
        {
            return;
        }
        _lastSweep = now;
        foreach (var (key, group) in _groups.ToList())
        {
            if (_onArrival)
            {
                group.Entries.RemoveAll(e => e.Time < now - Rule.Timespan);
            }
            else
            {
                while (group.Entries.Count > 0 && (force || group.Entries[0].Time + Rule.Timespan < now))
                {
                    var end = group.Entries[0].Time + Rule.Timespan;
                    var window = group.Entries.TakeWhile(e => e.Time <= end).ToList();
                    var hits = Rule.Type == CorrelationType.ValuePercentile ? Percentiles(group, window) : Single(group, window);
                    output.AddRange(hits);
                    group.Entries.RemoveRange(0, window.Count);
                }
            }
            if (group.Entries.Count == 0)
            {
                _groups.Remove(key);
            }
        }
    }

    private List<ScanMatch> Single(Group group, List<Entry> window) =>
        Aggregate(window) is { } aggregate && Holds(aggregate) ? [Hit(group, window, aggregate, null)] : [];

    // Share (percent) of the window's events that carry each value; each value whose share meets the condition is a hit.
    private List<ScanMatch> Percentiles(Group group, List<Entry> window)
    {
        var hits = new List<ScanMatch>();
        foreach (var values in window.Where(e => e.Value is not null).GroupBy(e => e.Value, StringComparer.Ordinal))
        {
            var share = 100m * values.Count() / window.Count;
            if (Holds(share))
            {
                var keyed = new Group([.. group.Key, new(Rule.Condition!.Field!, values.Key)]);
                hits.Add(Hit(keyed, [.. values], share, null));
            }
        }
        return hits;
    }

    private decimal? Aggregate(List<Entry> window)
    {
        switch (Rule.Type)
        {
            case CorrelationType.EventCount:
                return window.Count;
            case CorrelationType.ValueCount:
                return window.Where(e => e.Value is not null).Select(e => e.Value).Distinct(StringComparer.Ordinal).Count();
            case CorrelationType.Temporal:
                return window.Select(e => e.Slot).Distinct().Count();
            case CorrelationType.TemporalOrdered:
                var next = 0;
                foreach (var entry in window)
                {
                    if (next < References.Count && entry.Slot == next)
                    {
                        next++;
                    }
                }
                return next;
            default:
                var numbers = window.Select(e => decimal.TryParse(e.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (decimal?)null)
                    .Where(n => n is not null).Select(n => n!.Value).ToList();
                return numbers.Count == 0 ? null : Rule.Type == CorrelationType.ValueSum ? numbers.Sum() : numbers.Average();
        }
    }

    private bool Holds(decimal value) => _thresholds.All(t => t.Operator switch
    {
        CorrelationOperator.Gt => value > t.Value,
        CorrelationOperator.Gte => value >= t.Value,
        CorrelationOperator.Lt => value < t.Value,
        CorrelationOperator.Lte => value <= t.Value,
        CorrelationOperator.Eq => value == t.Value,
        _ => value != t.Value,
    });

    private ScanMatch Hit(Group group, List<Entry> window, decimal value, ScanMatch? last) =>
        new(Rule, window[^1].Time, last?.Computer, last?.Origin, last?.Fields ?? [],
            new CorrelationInfo(Rule.Type, group.Key, value, window.Count, window[0].Time, window[^1].Time))
        {
            CorrelationFields = group.Key.ToDictionary(k => k.Key, k => k.Value, StringComparer.OrdinalIgnoreCase),
        };

    private static string? Value(ScanMatch match, string field) =>
        match.CorrelationFields.TryGetValue(field, out var value) ? value : null;

    private readonly record struct Entry(DateTimeOffset Time, int Slot, string? Value);

    private sealed class Group(KeyValuePair<string, string?>[] key)
    {
        public KeyValuePair<string, string?>[] Key { get; } = key;

        public List<Entry> Entries { get; } = [];

        // Late matches (within the reorder tolerance) are placed by time, keeping the list sorted.
        public void Insert(Entry entry)
        {
            var i = Entries.Count;
            while (i > 0 && Entries[i - 1].Time > entry.Time)
            {
                i--;
            }
            Entries.Insert(i, entry);
        }
    }
}
