using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Detection;

/// <summary><c>|all</c> on a single value changes nothing; it often shows a list that lost its other values.</summary>
internal sealed class AllSingleValueValidator : DetectionItemValidator
{
    public override string Code => "SIG257";

    public override string Name => "all-single-value";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "the 'all' modifier is applied to a single value";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, DetectionItem item)
    {
        if (item.Modifiers.Contains(Modifier.All) && item.RawValues.Count == 1)
        {
            yield return Finding(item.Position, $"{Describe(item)}: 'all' on a single value has no effect");
        }
    }
}
