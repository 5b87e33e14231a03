using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Validation.Conditions;

/// <summary><c>1 of them</c> over a single search identifier is just that identifier, said less plainly.</summary>
internal sealed class ThemWithSingleDetectionValidator : RuleValidator
{
    public override string Code => "SIG352";

    public override string Name => "them-condition-with-single-detection";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    public override string Description => "the condition refers to 'them' but the detection has only one search identifier";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options)
    {
        if (DetectionWalker.Identifiers(rule).Count() != 1)
        {
            return [];
        }

        return ConditionWalker.Conditions(rule)
            .SelectMany(c => ConditionWalker.Nodes(c.Expression))
            .OfType<OfNode>()
            .Where(of => of.Pattern is null)
            .Select(of => Finding(of.Position, "'of them' over a single search identifier; name the identifier instead"));
    }
}
