using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Validation.Conditions;

/// <summary>
/// The specification discourages <c>all of them</c>: a downstream user cannot add a filter selection without it
/// being ANDed in too. <c>all of selection*</c> says the same and leaves room for filters.
/// </summary>
internal sealed class AllOfThemValidator : RuleValidator
{
    public override string Code => "SIG351";

    public override string Name => "all-of-them-condition";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "the condition uses the discouraged 'all of them'; use 'all of selection*'";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options) =>
        ConditionWalker.Conditions(rule)
            .SelectMany(c => ConditionWalker.Nodes(c.Expression))
            .OfType<OfNode>()
            .Where(of => of is { Pattern: null, Quantifier: Quantifier.All })
            .Select(of => Finding(of.Position, "'all of them' is discouraged: downstream filters cannot be added; use 'all of selection*'"));
}
