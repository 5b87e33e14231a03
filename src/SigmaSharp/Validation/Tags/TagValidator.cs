using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Tags;

/// <summary>A validator that looks at each tag of a rule; findings point at the tag.</summary>
internal abstract class TagValidator : RuleValidator
{
    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options) =>
        rule.Info.Tags.SelectMany(Check);

    protected abstract IEnumerable<SigmaDiagnostic> Check(SigmaTag tag);
}
