using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Detection;

/// <summary>
/// SigmaSharp ORs a value's windash variants even under <c>all</c>, but pySigma and most backends AND them,
/// which never matches: the rule is not portable.
/// </summary>
internal sealed class WindashWithAllValidator : DetectionItemValidator
{
    public override string Code => "SIG259";

    public override string Name => "windash-with-all";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "'windash' combined with 'all', which other Sigma tools convert into a query that never matches";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, DetectionItem item)
    {
        if (item.Modifiers.Contains(Modifier.Windash) && item.Modifiers.Contains(Modifier.All))
        {
            yield return Finding(item.Position, $"{Describe(item)}: 'windash' with 'all' is converted wrongly by other Sigma tools");
        }
    }
}
