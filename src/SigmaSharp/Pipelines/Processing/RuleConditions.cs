using System.Text.RegularExpressions;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Pipelines.Processing;

/// <summary>A condition on the whole rule (<c>rule_conditions</c>).</summary>
internal abstract record RuleCondition : IProcessingCondition
{
    public abstract bool Matches(SigmaRuleBase rule, ProcessingContext context);

    public bool Holds(object? subject, ProcessingContext context) => subject is SigmaRuleBase rule && Matches(rule, context);
}

/// <summary><c>logsource</c>: every given attribute equals the rule's (pySigma compares case-sensitively).</summary>
internal sealed record LogSourceCondition(string? Category, string? Product, string? Service) : RuleCondition
{
    public override bool Matches(SigmaRuleBase rule, ProcessingContext context)
    {
        var source = rule switch
        {
            SigmaRule r => r.LogSource,
            SigmaFilter f => f.LogSource,
            _ => null,
        };
        return source is not null
            && (Category is null || Category == source.Category)
            && (Product is null || Product == source.Product)
            && (Service is null || Service == source.Service);
    }
}

/// <summary><c>contains_detection_item</c>: some item has this field and a plain string value equal to this one.</summary>
internal sealed record ContainsDetectionItemCondition(string Field, string? Value) : RuleCondition
{
    public override bool Matches(SigmaRuleBase rule, ProcessingContext context) =>
        rule is SigmaRule r && DetectionItems.All(r).Any(i => i.Field == Field && (Value is null || i.Values.Any(v => ValueText.Of(v) == Value)));
}

/// <summary><c>contains_field</c>: some detection item uses this field.</summary>
internal sealed record ContainsFieldCondition(string Field) : RuleCondition
{
    public override bool Matches(SigmaRuleBase rule, ProcessingContext context) =>
        rule is SigmaRule r && DetectionItems.All(r).Any(i => i.Field == Field);
}

internal sealed record RuleProcessingItemAppliedCondition(string ItemId) : RuleCondition
{
    public override bool Matches(SigmaRuleBase rule, ProcessingContext context) => context.RuleApplied.Contains(ItemId);
}

internal sealed record RuleProcessingStateCondition(ProcessingStateTest Test) : RuleCondition
{
    public override bool Matches(SigmaRuleBase rule, ProcessingContext context) => Test.Matches(context);
}

internal sealed record IsSigmaRuleCondition : RuleCondition
{
    public override bool Matches(SigmaRuleBase rule, ProcessingContext context) => rule is SigmaRule;
}

internal sealed record IsSigmaCorrelationRuleCondition : RuleCondition
{
    public override bool Matches(SigmaRuleBase rule, ProcessingContext context) => rule is CorrelationRule;
}

/// <summary><c>tag</c>: the rule carries this tag (namespace.name, case-insensitive as tags are).</summary>
internal sealed record RuleTagCondition(string Tag) : RuleCondition
{
    public override bool Matches(SigmaRuleBase rule, ProcessingContext context) =>
        rule.Info.Tags.Any(t => string.Equals(t.ToString(), Tag, StringComparison.OrdinalIgnoreCase));
}

/// <summary><c>rule_attribute</c>: a metadata attribute compared with a value (eq, ne, and for level/status/date the order).</summary>
internal sealed record RuleAttributeCondition(string Attribute, string Value, string Operator) : RuleCondition
{
    public override bool Matches(SigmaRuleBase rule, ProcessingContext context)
    {
        var actual = Attribute switch
        {
            "level" => rule.Info.Level?.ToString().ToLowerInvariant(),
            "status" => rule.Info.Status?.ToString().ToLowerInvariant(),
            "date" => rule.Info.Date?.Text,
            "modified" => rule.Info.Modified?.Text,
            "author" => rule.Info.Author,
            "title" => rule.Info.Title,
            "id" => rule.Info.Id,
            "license" => rule.Info.License,
            _ => rule.Info.Custom.FirstOrDefault(c => c.Name == Attribute)?.Value?.ToString(),
        };
        if (actual is null)
        {
            return false;
        }

        var order = Attribute switch
        {
            "level" => Rank(["informational", "low", "medium", "high", "critical"], actual).CompareTo(Rank(["informational", "low", "medium", "high", "critical"], Value)),
            "status" => Rank(["unsupported", "deprecated", "experimental", "test", "stable"], actual).CompareTo(Rank(["unsupported", "deprecated", "experimental", "test", "stable"], Value)),
            _ => string.CompareOrdinal(actual, Value),
        };
        return Operator switch
        {
            "ne" => order != 0,
            "lt" => order < 0,
            "lte" => order <= 0,
            "gt" => order > 0,
            "gte" => order >= 0,
            _ => order == 0,
        };
    }

    private static int Rank(string[] scale, string value) => Array.IndexOf(scale, value.ToLowerInvariant());
}

/// <summary>A test on the pipeline state set by <c>set_state</c>: key compared with a value (eq, ne, lt, lte, gt, gte).</summary>
internal sealed record ProcessingStateTest(string Key, object? Value, string Operator)
{
    public bool Matches(ProcessingContext context)
    {
        if (!context.State.TryGetValue(Key, out var actual))
        {
            return false;
        }

        if (Operator is "eq" or "ne")
        {
            var equal = string.Equals(actual?.ToString(), Value?.ToString(), StringComparison.Ordinal);
            return Operator == "eq" ? equal : !equal;
        }

        if (!decimal.TryParse(actual?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var a)
            || !decimal.TryParse(Value?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var b))
        {
            return false;
        }

        return Operator switch
        {
            "lt" => a < b,
            "lte" => a <= b,
            "gt" => a > b,
            _ => a >= b,
        };
    }
}

/// <summary>Walks every detection item of a rule.</summary>
internal static class DetectionItems
{
    public static IEnumerable<DetectionItem> All(SigmaRule rule) => rule.Detection.SelectMany(d => Of(d.Definition));

    public static IEnumerable<DetectionItem> Of(DetectionNode node) => node switch
    {
        DetectionItem item => [item],
        DetectionGroup group => group.Items.SelectMany(Of),
        _ => [],
    };
}

/// <summary>The text pySigma's <c>str()</c> gives a value, for comparisons in conditions.</summary>
internal static class ValueText
{
    public static string? Of(SigmaValue value) => value switch
    {
        SigmaString s => s.ToSigmaText(),
        SigmaNumber n => n.Text,
        SigmaBool b => b.Value ? "true" : "false",
        _ => null,
    };

    public static bool RegexMatches(Regex regex, string text) => regex.IsMatch(text);
}
