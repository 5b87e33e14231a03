using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>The specification defines the id as a UUID; pySigma refuses to load a rule whose id is not one.</summary>
internal sealed class InvalidIdentifierValidator : RuleValidator
{
    public override string Code => "SIG402";

    public override string Name => "invalid-identifier";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    public override string Description => "the rule id is not a UUID";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options)
    {
        if (!string.IsNullOrWhiteSpace(rule.Id) && !RuleIdentifier.IsUuid(rule.Id))
        {
            yield return Finding(RulePosition(rule), $"id '{rule.Id}' is not a UUID");
        }
    }
}
