using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Parsing;

/// <summary>
/// Turns the obsolete aggregation syntax into the correlation rule the specification now uses for it:
/// <c>| count() by X &gt; n</c> is an event_count, <c>| count(F) by X &gt; n</c> a value_count, <c>sum(F)</c> a
/// value_sum and <c>avg(F)</c> a value_avg, over the rule's <c>timeframe</c>. The rule itself keeps the
/// selection logic under a derived name, and the correlation carries the rule's id and metadata, so that
/// nothing that alerts ever loses the aggregation. What has no exact equivalent is refused with an error.
/// </summary>
internal static class LegacyAggregationConverter
{
    public static List<SigmaRuleBase> Convert(List<SigmaRuleBase> rules, List<SigmaDiagnostic> diagnostics)
    {
        var result = new List<SigmaRuleBase>(rules.Count);
        foreach (var rule in rules)
        {
            if (rule is not SigmaRule detection || detection.Conditions.All(c => c.Aggregation is null))
            {
                result.Add(rule);
                continue;
            }

            var converted = ConvertOne(detection, out var error);
            if (converted is null)
            {
                diagnostics.Add(error!);
                continue;
            }

            diagnostics.Add(DiagnosticFacts.LegacyAggregation(
                detection.Conditions.First(c => c.Aggregation is not null).Aggregation!.Position,
                "turned into an equivalent correlation rule; write it as a correlation rule"));
            result.AddRange(converted);
        }

        return result;
    }

    private static SigmaRuleBase[]? ConvertOne(SigmaRule rule, out SigmaDiagnostic? error)
    {
        error = null;
        if (rule.Conditions.Count > 1)
        {
            error = DiagnosticFacts.LegacyAggregation(rule.Conditions[0].Position, "a list of conditions with aggregations has no correlation equivalent") with { Severity = DiagnosticSeverity.Error };
            return null;
        }

        var condition = rule.Conditions[0];
        var aggregation = condition.Aggregation!;
        string? problem = null;
        if (aggregation.IsNear)
        {
            problem = "'near' has no exact equivalent that keeps its selections in one rule; write a temporal correlation of separate rules";
        }
        else if (aggregation.Function is AggregationFunction.Min or AggregationFunction.Max)
        {
            problem = $"'{aggregation.Function.ToString().ToLowerInvariant()}' has no correlation equivalent";
        }
        else if (aggregation.Function is AggregationFunction.Sum or AggregationFunction.Avg && aggregation.Field is null)
        {
            problem = $"'{aggregation.Function.ToString().ToLowerInvariant()}()' needs a field";
        }
        else if (rule.Timeframe is null)
        {
            problem = "an aggregation needs 'timeframe' in the detection: correlation rules always have a timespan";
        }
        else if (!CorrelationParser.TryParseTimespan(rule.Timeframe, out _))
        {
            problem = $"timeframe '{rule.Timeframe}' is not a valid timespan";
        }

        var op = aggregation.Operator switch
        {
            ">" => CorrelationOperator.Gt,
            ">=" => CorrelationOperator.Gte,
            "<" => CorrelationOperator.Lt,
            "<=" => CorrelationOperator.Lte,
            "=" or "==" => CorrelationOperator.Eq,
            "!=" => CorrelationOperator.Neq,
            _ => (CorrelationOperator?)null,
        };
        if (problem is null && op is null)
        {
            problem = $"unknown comparison '{aggregation.Operator}'";
        }

        if (problem is not null)
        {
            error = DiagnosticFacts.LegacyAggregation(aggregation.Position, problem) with { Severity = DiagnosticSeverity.Error };
            return null;
        }

        _ = CorrelationParser.TryParseTimespan(rule.Timeframe!, out var timespan);
        var type = aggregation.Function switch
        {
            AggregationFunction.Sum => CorrelationType.ValueSum,
            AggregationFunction.Avg => CorrelationType.ValueAvg,
            _ => aggregation.Field is null ? CorrelationType.EventCount : CorrelationType.ValueCount,
        };
        var baseName = (rule.Id ?? Path.GetFileNameWithoutExtension(rule.Source.File)) + "#base";
        var baseRule = rule with
        {
            Info = rule.Info with { Id = null, Name = baseName },
            Conditions = new[] { condition with { Aggregation = null } },
        };
        var correlation = new CorrelationRule(
            rule.Info,
            type,
            new[] { baseName },
            aggregation.GroupBy is null ? EquatableArray<string>.Empty : new[] { aggregation.GroupBy },
            timespan,
            rule.Timeframe!,
            new CorrelationCondition(new[] { new CorrelationThreshold(op!.Value, aggregation.Threshold, aggregation.Position) }, aggregation.Field, aggregation.Position),
            EquatableArray<CorrelationAlias>.Empty,
            Generate: false,
            rule.Source);
        return [baseRule, correlation];
    }
}
