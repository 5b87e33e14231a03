using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>SigmaHQ expects random (version 4) UUIDs: other versions leak time or host, or are hand-made.</summary>
internal sealed class IdentifierUuidV4Validator : RuleValidator
{
    public override string Code => "SIG403";

    public override string Name => "identifier-uuid-v4";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "the rule id is a UUID but not a random (version 4) one";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options)
    {
        if (!string.IsNullOrWhiteSpace(rule.Id) && RuleIdentifier.IsUuid(rule.Id) && !RuleIdentifier.IsUuidV4(rule.Id))
        {
            yield return Finding(RulePosition(rule), $"id '{rule.Id}' is not a version 4 (random) UUID");
        }
    }
}
