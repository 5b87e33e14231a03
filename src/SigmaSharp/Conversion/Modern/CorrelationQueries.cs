using System.Globalization;
using SigmaSharp.Rules;

namespace SigmaSharp.Conversion.Modern;

/// <summary>
/// Correlation rules for the targets whose language can aggregate (Splunk <c>stats</c>, ES|QL <c>STATS</c>, SQL
/// <c>GROUP BY ... HAVING</c>), built the way pySigma builds them: a search over the referenced rules' queries,
/// an aggregation per time bucket and group, and a condition on the aggregate.
/// </summary>
internal static class CorrelationQueries
{
    /// <summary>The per-language pieces, as pySigma's correlation templates.</summary>
    private sealed record Templates(
        string SingleSearch,
        string MultiSearch,
        string MultiQuery,
        string MultiJoiner,
        string Normalization,
        string NormalizationJoiner,
        Func<CorrelationRule, string> Timespan,
        Func<CorrelationType, string, string?> Aggregation,
        Func<IReadOnlyList<string>, string> GroupBy,
        Func<CorrelationType, string?> ConditionSubject,
        string Condition,
        string ThresholdJoiner,
        string Query,
        IReadOnlyDictionary<CorrelationType, string> Refusals);

    private static readonly Templates SplunkTemplates = new(
        "{query}",
        "| multisearch\n{queries}",
        "[ search {query} | eval event_type=\"{ruleid}\"{normalization} ]",
        "\n",
        " | rename {field} as {alias}",
        string.Empty,
        rule => SplunkTimespan(rule.TimespanText),
        (type, field) => type switch
        {
            CorrelationType.EventCount => "| bin _time span={timespan}\n| stats count as event_count by _time{groupby}",
            CorrelationType.ValueCount => $"| bin _time span={{timespan}}\n| stats dc({field}) as value_count by _time{{groupby}}",
            CorrelationType.Temporal => "| bin _time span={timespan}\n| stats dc(event_type) as event_type_count by _time{groupby}",
            CorrelationType.ValueSum => $"| bin _time span={{timespan}}\n| stats sum({field}) as value_sum by _time{{groupby}}",
            CorrelationType.ValueAvg => $"| bin _time span={{timespan}}\n| stats avg({field}) as value_avg by _time{{groupby}}",
            // The share (percent) of the bucket's events that carry each value, as the evaluator decides value_percentile.
            CorrelationType.ValuePercentile => $"| bin _time span={{timespan}}\n| where isnotnull({field})\n| eventstats count as total_events by _time{{groupby}}\n" +
                $"| stats count as value_events, first(total_events) as total_events by _time{{groupby}} {field}\n| eval value_percentile=value_events*100/total_events",
            _ => null,
        },
        fields => fields.Count == 0 ? string.Empty : " " + string.Join(" ", fields),
        Subject,
        "| search {subject} {op} {count}",
        " ",
        "{search}\n\n{aggregate}\n\n{condition}",
        new Dictionary<CorrelationType, string>
        {
            [CorrelationType.TemporalOrdered] = "temporal_ordered: the order of the events cannot be checked by a stats aggregation per time bucket",
        });

    private static readonly Templates EsqlTemplates = new(
        "{query}",
        "{queries}",
        "({query})",
        " or ",
        string.Empty,
        string.Empty,
        rule => EsqlTimespan(rule.TimespanText),
        (type, field) => type switch
        {
            CorrelationType.EventCount => "| eval timebucket=date_trunc({timespan}, @timestamp) | stats event_count=count(){groupby}",
            CorrelationType.ValueCount => $"| eval timebucket=date_trunc({{timespan}}, @timestamp) | stats value_count=count_distinct({field}){{groupby}}",
            CorrelationType.Temporal => "| eval timebucket=date_trunc({timespan}, @timestamp) | stats event_type_count=count_distinct(event_type){groupby}",
            CorrelationType.ValueSum => $"| eval timebucket=date_trunc({{timespan}}, @timestamp) | stats value_sum=sum({field}){{groupby}}",
            CorrelationType.ValueAvg => $"| eval timebucket=date_trunc({{timespan}}, @timestamp) | stats value_avg=avg({field}){{groupby}}",
            _ => null,
        },
        fields => " by timebucket" + string.Concat(fields.Select(f => ", " + f)),
        Subject,
        "| where {subject} {op} {count}",
        " and ",
        "{search}\n{aggregate}\n{condition}",
        new Dictionary<CorrelationType, string>
        {
            [CorrelationType.TemporalOrdered] = "temporal_ordered: the order of the events cannot be checked by a STATS aggregation per time bucket",
            [CorrelationType.ValuePercentile] = "value_percentile: the share of each value needs the group's total beside per-value counts, which one STATS cannot give",
        });

    private static readonly Templates SqliteTemplates = new(
        "SELECT * FROM logs WHERE {query}{normalization}",
        "{queries}",
        "SELECT *, '{ruleid}' AS sigma_rule_id FROM logs WHERE {query}{normalization}",
        " UNION ALL ",
        "{field} AS {alias}",
        ", ",
        rule => ((long)rule.Timespan.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        (type, field) => type switch
        {
            CorrelationType.EventCount => ", COUNT(*) AS event_count",
            CorrelationType.ValueCount => $", COUNT(DISTINCT {field}) AS value_count",
            CorrelationType.Temporal => ", COUNT(DISTINCT sigma_rule_id) AS rule_count, MIN(timestamp) AS first_event, MAX(timestamp) AS last_event",
            CorrelationType.ValueSum => $", SUM({field}) AS value_sum",
            CorrelationType.ValueAvg => $", AVG({field}) AS value_avg",
            CorrelationType.ValuePercentile or CorrelationType.TemporalOrdered => string.Empty, // built by SqliteShare / SqliteOrdered
            _ => null,
        },
        fields => fields.Count == 0 ? string.Empty : " GROUP BY " + string.Join(", ", fields),
        type => type switch
        {
            CorrelationType.Temporal or CorrelationType.TemporalOrdered => "rule_count",
            _ => Subject(type),
        },
        "{subject} {op} {count}",
        " AND ",
        "SELECT {select}{aggregate} FROM ({search}) AS subquery{groupby} HAVING {condition}",
        new Dictionary<CorrelationType, string>());

    public static List<string> Splunk(ModernBackend backend, CorrelationRule rule, List<SigmaDiagnostic> diagnostics) =>
        Build(backend, rule, diagnostics, SplunkTemplates, "pysigma-splunk");

    public static List<string> Esql(ModernBackend backend, CorrelationRule rule, List<SigmaDiagnostic> diagnostics) =>
        Build(backend, rule, diagnostics, EsqlTemplates, "pysigma-esql");

    public static List<string> Sqlite(ModernBackend backend, CorrelationRule rule, List<SigmaDiagnostic> diagnostics) =>
        Build(backend, rule, diagnostics, SqliteTemplates, "pysigma-sqlite");

    private static string? Subject(CorrelationType type) => type switch
    {
        CorrelationType.EventCount => "event_count",
        CorrelationType.ValueCount => "value_count",
        CorrelationType.Temporal => "event_type_count",
        CorrelationType.ValueSum => "value_sum",
        CorrelationType.ValueAvg => "value_avg",
        CorrelationType.ValuePercentile => "value_percentile",
        _ => null,
    };

    private static List<string> Build(ModernBackend backend, CorrelationRule rule, List<SigmaDiagnostic> diagnostics, Templates t, string target)
    {
        var subject = t.ConditionSubject(rule.Type);
        var aggregate = t.Aggregation(rule.Type, rule.Condition?.Field ?? string.Empty);
        if (subject is null || aggregate is null || t.Refusals.ContainsKey(rule.Type))
        {
            diagnostics.Add(ConversionFacts.NotSupported(rule.Source.Position, target,
                t.Refusals.GetValueOrDefault(rule.Type) ?? $"correlation type '{CorrelationTypeNames.NameOf(rule.Type)}'"));
            return [];
        }

        var searches = new List<(SigmaRuleBase Rule, string Reference, string Query)>();
        foreach (var reference in rule.Rules)
        {
            var referenced = backend.Settings.ResolveReference?.Invoke(reference);
            if (referenced is not SigmaRule sigmaRule)
            {
                diagnostics.Add(ConversionFacts.NotSupported(rule.Source.Position, target, $"the referenced rule '{reference}' is not loaded"));
                return [];
            }

            var queries = backend.ConvertForCorrelation(sigmaRule, diagnostics);
            if (queries is null)
            {
                return [];
            }

            searches.AddRange(queries.Select(q => ((SigmaRuleBase)sigmaRule, reference, q)));
        }

        var search = searches.Count == 1
            ? Template.Format(t.SingleSearch, ("query", searches[0].Query), ("normalization", Normalization(rule, searches[0].Reference, searches[0].Rule, t, single: true)))
            : Template.Format(t.MultiSearch, ("queries", string.Join(t.MultiJoiner, searches.Select(s => Template.Format(
                t.MultiQuery,
                ("query", s.Query),
                ("ruleid", s.Rule.Name ?? s.Rule.Id ?? s.Reference),
                ("normalization", Normalization(rule, s.Reference, s.Rule, t, single: false)))))));
        var groupBy = t.GroupBy(rule.GroupBy);
        var thresholds = rule.Condition?.Thresholds.Count > 0
            ? rule.Condition.Thresholds.Select(c => (Op: Operator(c.Operator), Count: c.Value.ToString(CultureInfo.InvariantCulture))).ToList()
            : [(">=", rule.Rules.Count.ToString(CultureInfo.InvariantCulture))];
        var condition = string.Join(t.ThresholdJoiner, thresholds.Select(c => Template.Format(t.Condition, ("subject", subject), ("op", c.Op), ("count", c.Count))));
        if (t == SplunkTemplates && thresholds.Count > 1)
        {
            condition = "| search " + string.Join(" ", thresholds.Select(c => $"{subject} {c.Op} {c.Count}"));
        }

        var timespan = t.Timespan(rule);
        if (t == SqliteTemplates && rule.Type == CorrelationType.ValuePercentile)
        {
            return [SqliteShare(rule, search, condition)];
        }

        if (t == SqliteTemplates && rule.Type == CorrelationType.TemporalOrdered)
        {
            return SqliteOrdered(rule, searches, t, timespan, target, diagnostics);
        }

        var query = Template.Format(
            t.Query,
            ("search", search),
            ("aggregate", Template.Format(aggregate, ("timespan", timespan), ("groupby", groupBy))),
            ("condition", condition),
            ("select", rule.GroupBy.Count == 0 ? "*" : string.Join(", ", rule.GroupBy)),
            ("groupby", groupBy));
        if (t == SqliteTemplates && rule.Type == CorrelationType.Temporal)
        {
            query += $" AND (julianday(last_event) - julianday(first_event)) * 86400 <= {timespan}";
        }

        return [query];
    }

    /// <summary>
    /// value_percentile as the evaluator decides it: per group, the share (percent) of the group's events that carry each
    /// value of the field; each value whose share meets the condition is a row.
    /// </summary>
    private static string SqliteShare(CorrelationRule rule, string search, string condition)
    {
        var field = rule.Condition!.Field!;
        var partition = rule.GroupBy.Count == 0 ? string.Empty : "PARTITION BY " + string.Join(", ", rule.GroupBy);
        var keys = string.Join(", ", [.. rule.GroupBy, field]);
        return $"SELECT {keys}, COUNT(*) * 100.0 / MAX(total_events) AS value_percentile " +
            $"FROM (SELECT *, COUNT(*) OVER ({partition}) AS total_events FROM ({search})) AS subquery " +
            $"WHERE {field} IS NOT NULL GROUP BY {keys} HAVING {condition}";
    }

    /// <summary>
    /// temporal_ordered exactly: one event of each referenced rule, in the rules' order (times not decreasing), the last
    /// within the timespan of the first, all of one group. A join per rule; pySigma's GROUP_CONCAT form does not check
    /// the order, so it is not followed here.
    /// </summary>
    private static List<string> SqliteOrdered(CorrelationRule rule, List<(SigmaRuleBase Rule, string Reference, string Query)> searches,
        Templates t, string timespan, string target, List<SigmaDiagnostic> diagnostics)
    {
        if (searches.Count < 2 || searches.Count != rule.Rules.Count)
        {
            diagnostics.Add(ConversionFacts.NotSupported(rule.Source.Position, target, "temporal_ordered needs two or more referenced rules of one query each"));
            return [];
        }

        if (rule.Condition is { Thresholds.Count: > 0 } && !(rule.Condition.Thresholds.Count == 1
            && rule.Condition.Thresholds[0] is { Operator: CorrelationOperator.Gte } only && only.Value == rule.Rules.Count))
        {
            diagnostics.Add(ConversionFacts.NotSupported(rule.Source.Position, target, "temporal_ordered with a condition other than all referenced rules"));
            return [];
        }

        var union = string.Join(t.MultiJoiner, searches.Select(s => Template.Format(
            t.MultiQuery,
            ("query", s.Query),
            ("ruleid", s.Rule.Name ?? s.Rule.Id ?? s.Reference),
            ("normalization", Normalization(rule, s.Reference, s.Rule, t, single: false)))));
        var joins = new System.Text.StringBuilder();
        for (var i = 1; i < searches.Count; i++)
        {
            var on = new List<string> { $"e{i + 1}.sigma_rule_id = '{RuleId(searches[i])}'", $"e{i + 1}.timestamp >= e{i}.timestamp" };
            on.AddRange(rule.GroupBy.Select(g => $"e{i + 1}.{g} = e1.{g}"));
            joins.Append($" JOIN ({union}) AS e{i + 1} ON {string.Join(" AND ", on)}");
        }

        var select = rule.GroupBy.Count == 0 ? string.Empty : string.Join(", ", rule.GroupBy.Select(g => "e1." + g + " AS " + g)) + ", ";
        var groupBy = rule.GroupBy.Count == 0 ? string.Empty : " GROUP BY " + string.Join(", ", rule.GroupBy.Select(g => "e1." + g));
        return [$"SELECT {select}COUNT(*) AS sequence_count FROM ({union}) AS e1{joins} " +
            $"WHERE e1.sigma_rule_id = '{RuleId(searches[0])}' AND (julianday(e{searches.Count}.timestamp) - julianday(e1.timestamp)) * 86400 <= {timespan}{groupBy}"];
    }

    private static string RuleId((SigmaRuleBase Rule, string Reference, string Query) search) =>
        (search.Rule.Name ?? search.Rule.Id ?? search.Reference).Replace("'", "''", StringComparison.Ordinal);

    private static string Normalization(CorrelationRule rule, string reference, SigmaRuleBase referenced, Templates t, bool single)
    {
        var parts = new List<string>();
        foreach (var alias in rule.Aliases)
        {
            var field = alias.FieldByRule.FirstOrDefault(p => p.Key == reference || p.Key == referenced.Id || p.Key == referenced.Name).Value;
            if (field is not null)
            {
                parts.Add(Template.Format(t.Normalization, ("field", field), ("alias", alias.Alias)));
            }
        }

        var text = string.Join(t.NormalizationJoiner, parts);
        return t == SqliteTemplates && text.Length > 0 ? (single ? " " : ", ") + text : text;
    }

    private static string Operator(CorrelationOperator op) => op switch
    {
        CorrelationOperator.Gt => ">",
        CorrelationOperator.Gte => ">=",
        CorrelationOperator.Lt => "<",
        CorrelationOperator.Lte => "<=",
        CorrelationOperator.Eq => "=",
        _ => "!=",
    };

    private static string SplunkTimespan(string text) => text.EndsWith('M') ? text[..^1] + "mon" : text;

    private static string EsqlTimespan(string text)
    {
        var unit = text.Length > 0 ? text[^1] : 's';
        var name = unit switch
        {
            's' => "seconds",
            'm' => "minutes",
            'h' => "hours",
            'd' => "days",
            'w' => "weeks",
            'M' => "months",
            'y' => "years",
            _ => null,
        };
        return name is null ? text : text[..^1] + " " + name;
    }
}
