using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Rules;

public enum CorrelationType
{
    EventCount,
    ValueCount,
    Temporal,
    TemporalOrdered,
    ValueSum,
    ValueAvg,
    ValuePercentile,
}

public enum CorrelationOperator
{
    Gt,
    Gte,
    Lt,
    Lte,
    Eq,
    Neq,
}

public sealed record CorrelationThreshold(CorrelationOperator Operator, decimal Value, SourcePosition Position);

/// <summary>The correlation condition: one or more thresholds (AND-linked) and, for value_* types, the field.</summary>
public sealed record CorrelationCondition(EquatableArray<CorrelationThreshold> Thresholds, string? Field, SourcePosition Position);

/// <summary>A group-by alias: per referenced rule, the field that plays the alias's role.</summary>
public sealed record CorrelationAlias(string Alias, EquatableArray<KeyValuePair<string, string>> FieldByRule, SourcePosition Position);

/// <summary>
/// A Sigma correlation rule. <see cref="Rules"/> are the references as written (ids or names);
/// they are resolved against the loaded collection by <see cref="RuleCollection"/>.
/// </summary>
public sealed record CorrelationRule(
    RuleInfo Info,
    CorrelationType Type,
    EquatableArray<string> Rules,
    EquatableArray<string> GroupBy,
    TimeSpan Timespan,
    string TimespanText,
    CorrelationCondition? Condition,
    EquatableArray<CorrelationAlias> Aliases,
    bool Generate,
    RuleSource Source) : SigmaRuleBase(Info, Source);

/// <summary>A Sigma filter: a selection that is ANDed-NOT into the referenced rules.</summary>
public sealed record SigmaFilter(
    RuleInfo Info,
    LogSource LogSource,
    EquatableArray<string> Rules,
    EquatableArray<SearchIdentifier> Detection,
    EquatableArray<SigmaCondition> Conditions,
    RuleSource Source) : SigmaRuleBase(Info, Source);

internal static class CorrelationTypeNames
{
    public static bool TryParse(string text, out CorrelationType type)
    {
        type = text switch
        {
            "event_count" => CorrelationType.EventCount,
            "value_count" => CorrelationType.ValueCount,
            "temporal" => CorrelationType.Temporal,
            "temporal_ordered" => CorrelationType.TemporalOrdered,
            "value_sum" => CorrelationType.ValueSum,
            "value_avg" => CorrelationType.ValueAvg,
            "value_percentile" => CorrelationType.ValuePercentile,
            _ => (CorrelationType)(-1),
        };
        return (int)type >= 0;
    }

    public static string NameOf(CorrelationType type) => type switch
    {
        CorrelationType.EventCount => "event_count",
        CorrelationType.ValueCount => "value_count",
        CorrelationType.Temporal => "temporal",
        CorrelationType.TemporalOrdered => "temporal_ordered",
        CorrelationType.ValueSum => "value_sum",
        CorrelationType.ValueAvg => "value_avg",
        _ => "value_percentile",
    };
}
