using SigmaSharp.Events;
using SigmaSharp.Rules;

namespace SigmaSharp.Evaluation;

/// <summary>A field a matching rule tested, with the values the event held (empty when missing).</summary>
public sealed record MatchedField(string Name, IReadOnlyList<string?> Values);

/// <summary>
/// A hit: a detection rule that matched one event, or a correlation rule whose condition held
/// for a group of matches (then <see cref="Correlation"/> is set and the event fields are those
/// of the match that completed it).
/// </summary>
public sealed record ScanMatch(
    SigmaRuleBase Rule,
    DateTimeOffset? Timestamp,
    string? Computer,
    EventOrigin? Origin,
    IReadOnlyList<MatchedField> Fields,
    CorrelationInfo? Correlation = null)
{
    /// <summary>Values of the fields correlations group or aggregate by (first value of each), when a correlation reads this rule.</summary>
    internal IReadOnlyDictionary<string, string?> CorrelationFields { get; init; } =
        new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The detection rule's index in its scanner, -1 for correlation hits.</summary>
    internal int RuleIndex { get; init; } = -1;
}

/// <summary>What a correlation saw: its group, the aggregated value tested against the condition, and the time window.</summary>
public sealed record CorrelationInfo(
    CorrelationType Type,
    IReadOnlyList<KeyValuePair<string, string?>> Group,
    decimal Value,
    int EventCount,
    DateTimeOffset First,
    DateTimeOffset Last);

/// <summary>Running totals of a scan; safe to read while it runs.</summary>
public sealed class ScanCounters
{
    private readonly long[] _perRule;
    private long _events;
    private long _matches;
    private long _correlationMatches;

    internal ScanCounters(int ruleCount) => _perRule = new long[ruleCount];

    /// <summary>Events read and evaluated.</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Detection matches found (including those of rules that only feed correlations).</summary>
    public long Matches => Interlocked.Read(ref _matches);

    public long CorrelationMatches => Interlocked.Read(ref _correlationMatches);

    /// <summary>Records the readers skipped (see the scan's <see cref="EventDiagnosticLog"/> for why).</summary>
    public long SkippedRecords => Log?.SkippedRecords ?? 0;

    internal EventDiagnosticLog? Log { get; set; }

    internal IReadOnlyList<SigmaRule> Rules { get; set; } = [];

    /// <summary>Matches per detection rule, rules with none left out.</summary>
    public IReadOnlyDictionary<SigmaRule, long> PerRule
    {
        get
        {
            var result = new Dictionary<SigmaRule, long>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < _perRule.Length && i < Rules.Count; i++)
            {
                if (Interlocked.Read(ref _perRule[i]) is > 0 and var n)
                {
                    result[Rules[i]] = n;
                }
            }
            return result;
        }
    }

    internal void AddEvents(long count) => Interlocked.Add(ref _events, count);

    internal void AddMatch(int rule)
    {
        Interlocked.Increment(ref _matches);
        Interlocked.Increment(ref _perRule[rule]);
    }

    internal void AddCorrelationMatch() => Interlocked.Increment(ref _correlationMatches);
}
