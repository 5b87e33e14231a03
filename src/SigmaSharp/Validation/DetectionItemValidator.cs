using SigmaSharp.Rules;

namespace SigmaSharp.Validation;

/// <summary>A validator that looks at each detection item of a rule or filter; findings point at the item's key.</summary>
internal abstract class DetectionItemValidator : RuleValidator
{
    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options) =>
        DetectionWalker.Items(rule).SelectMany(item => Check(rule, item));

    protected abstract IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, DetectionItem item);

    protected static string Describe(DetectionItem item) => item.IsKeyword ? "keyword" : $"'{item.Key}'";
}
