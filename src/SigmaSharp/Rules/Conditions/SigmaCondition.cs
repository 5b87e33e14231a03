namespace SigmaSharp.Rules.Conditions;

/// <summary>One condition of a rule as written, with its parsed expression (null when it failed to parse).</summary>
public sealed record SigmaCondition(string Text, ConditionNode? Expression, LegacyAggregation? Aggregation, SourcePosition Position);

public enum AggregationFunction
{
    Count,
    Min,
    Max,
    Avg,
    Sum,
}

/// <summary>
/// The obsolete pipe syntax (<c>selection | count(field) by group &gt; 5</c>, <c>near</c>), kept so it can be
/// reported and turned into the equivalent correlation rule.
/// </summary>
public sealed record LegacyAggregation(
    AggregationFunction Function,
    string? Field,
    string? GroupBy,
    string Operator,
    decimal Threshold,
    EquatableArray<string> NearSelections,
    SourcePosition Position)
{
    public bool IsNear => !NearSelections.IsEmpty;
}
