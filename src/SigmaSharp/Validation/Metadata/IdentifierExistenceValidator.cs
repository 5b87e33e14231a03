using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>Without an id a rule cannot be referenced (correlations, filters, related) nor tracked across renames.</summary>
internal sealed class IdentifierExistenceValidator : RuleValidator
{
    public override string Code => "SIG400";

    public override string Name => "identifier-existence";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "the rule has no id";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options)
    {
        if (string.IsNullOrWhiteSpace(rule.Id))
        {
            yield return Finding(RulePosition(rule), "rule has no id; add a random UUID (v4)");
        }
    }
}
