using SigmaSharp.Rules;

namespace SigmaSharp.Pipelines.Processing;

/// <summary>One entry of a pipeline's <c>transformations:</c> list: a transformation and when it applies.</summary>
internal sealed record ProcessingItem(
    string? Id,
    Transformation Transformation,
    ConditionExpression<RuleCondition>? RuleConditions,
    ConditionExpression<DetectionItemCondition>? DetectionItemConditions,
    ConditionExpression<FieldNameCondition>? FieldNameConditions,
    SourcePosition Position)
{
    public bool MatchesRule(SigmaRuleBase rule, ProcessingContext context) =>
        RuleConditions?.Evaluate(rule, context) ?? true;

    public bool MatchesDetectionItem(DetectionItem item, ProcessingContext context) =>
        (DetectionItemConditions?.Evaluate(item, context) ?? true) && MatchesFieldName(item.Field, context);

    public bool MatchesFieldName(string? field, ProcessingContext context) =>
        FieldNameConditions?.Evaluate(field, context) ?? true;
}
