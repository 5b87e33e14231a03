using System.Globalization;
using System.Text;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Printing;

/// <summary>
/// Writes rules (detection, correlation, filter) as Sigma YAML that <see cref="Parsing.RuleFileParser"/> reads
/// back into an equal model (positions aside). Values keep the modifiers and spelling the author wrote
/// wherever those still produce the rule's values; strings are quoted so that no YAML 1.1 resolution (yes,
/// null, 0x10, 1:30) or syntax character (#, :, leading - * &amp; ! % @) changes them; conditions get the
/// parentheses their tree needs. Collection actions (global, repeat) are not reproduced: each rule is written
/// whole, as it was after merging.
/// </summary>
public static class SigmaRuleYamlWriter
{
    /// <summary>One rule as a YAML document (no leading <c>---</c>).</summary>
    /// <exception cref="ArgumentException">The rule holds a value or structure that no Sigma YAML produces
    /// (possible only for a model built or rewritten in code, never for one the parser returned).</exception>
    public static string Write(SigmaRuleBase rule)
    {
        var root = rule switch
        {
            SigmaRule detection => Detection(detection),
            CorrelationRule correlation => Correlation(correlation),
            SigmaFilter filter => Filter(filter),
            _ => throw new ArgumentException($"unknown rule kind {rule.GetType().Name}", nameof(rule)),
        };
        var output = new StringBuilder();
        YamlEmitter.WriteDocument(output, root);
        return output.ToString();
    }

    /// <summary>Several rules as one multi-document YAML file, separated by <c>---</c>.</summary>
    public static string Write(IEnumerable<SigmaRuleBase> rules) => string.Join("---\n", rules.Select(Write));

    /// <summary>A condition expression as Sigma condition text, parenthesized as its tree requires.</summary>
    public static string WriteCondition(ConditionNode condition) => ConditionText.Write(condition);

    private static EmittedMap Detection(SigmaRule rule)
    {
        var entries = RuleInfoYaml.Head(rule.Info);
        entries.Add(new("logsource", LogSource(rule.LogSource)));
        entries.Add(new("detection", new EmittedMap(DetectionYaml.Entries(rule.Detection, rule.Conditions, rule.Timeframe))));
        entries.AddRange(RuleInfoYaml.Tail(rule.Info));
        return new EmittedMap(entries);
    }

    private static EmittedMap Filter(SigmaFilter filter)
    {
        var entries = RuleInfoYaml.Head(filter.Info);
        entries.Add(new("logsource", LogSource(filter.LogSource)));
        var section = new List<KeyValuePair<string, EmittedNode>> { new("rules", List(filter.Rules)) };
        section.AddRange(DetectionYaml.Entries(filter.Detection, filter.Conditions, timeframe: null));
        entries.Add(new("filter", new EmittedMap(section)));
        entries.AddRange(RuleInfoYaml.Tail(filter.Info));
        return new EmittedMap(entries);
    }

    private static EmittedMap Correlation(CorrelationRule rule)
    {
        var section = new List<KeyValuePair<string, EmittedNode>>
        {
            new("type", new EmittedScalar(CorrelationTypeNames.NameOf(rule.Type))),
            new("rules", List(rule.Rules)),
        };
        if (!rule.GroupBy.IsEmpty)
        {
            section.Add(new("group-by", List(rule.GroupBy)));
        }

        section.Add(new("timespan", RuleInfoYaml.Scalar(rule.TimespanText)));
        if (rule.Condition is { } condition)
        {
            var tests = condition.Thresholds
                .Select(t => new KeyValuePair<string, EmittedNode>(t.Operator.ToString().ToLowerInvariant(), new EmittedScalar(t.Value.ToString(CultureInfo.InvariantCulture))))
                .ToList();
            if (condition.Field is not null)
            {
                tests.Add(new("field", RuleInfoYaml.Scalar(condition.Field)));
            }

            section.Add(new("condition", new EmittedMap(tests)));
        }

        if (!rule.Aliases.IsEmpty)
        {
            section.Add(new("aliases", new EmittedMap(rule.Aliases.Select(a => new KeyValuePair<string, EmittedNode>(
                YamlScalarText.Key(a.Alias), StringMap(a.FieldByRule))).ToList())));
        }

        if (rule.Generate)
        {
            section.Add(new("generate", new EmittedScalar("true")));
        }

        var entries = RuleInfoYaml.Head(rule.Info);
        entries.Add(new("correlation", new EmittedMap(section)));
        entries.AddRange(RuleInfoYaml.Tail(rule.Info));
        return new EmittedMap(entries);
    }

    private static EmittedMap LogSource(LogSource logSource)
    {
        var entries = new List<KeyValuePair<string, EmittedNode>>();
        foreach (var (key, value) in new[] { ("category", logSource.Category), ("product", logSource.Product), ("service", logSource.Service), ("definition", logSource.Definition) })
        {
            if (value is not null)
            {
                entries.Add(new(key, RuleInfoYaml.Scalar(value)));
            }
        }

        entries.AddRange(StringMap(logSource.Custom).Entries);
        return new EmittedMap(entries);
    }

    private static EmittedList List(IEnumerable<string> items) => new(items.Select(i => (EmittedNode)RuleInfoYaml.Scalar(i)).ToList());

    private static EmittedMap StringMap(IEnumerable<KeyValuePair<string, string>> entries) =>
        new(entries.Select(e => new KeyValuePair<string, EmittedNode>(YamlScalarText.Key(e.Key), RuleInfoYaml.Scalar(e.Value))).ToList());
}
