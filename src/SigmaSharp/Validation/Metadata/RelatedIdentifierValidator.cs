using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>Related entries must name other rules by UUID: not the rule itself, and each one once.</summary>
internal sealed class RelatedIdentifierValidator : RuleValidator
{
    public override string Code => "SIG414";

    public override string Name => "related-identifier";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "a related id is not a UUID, is the rule's own id, or is listed twice";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var related in rule.Info.Related)
        {
            if (!RuleIdentifier.IsUuid(related.Id))
            {
                yield return Finding(related.Position, $"related id '{related.Id}' is not a UUID");
            }
            else if (string.Equals(related.Id.Trim(), rule.Id?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                yield return Finding(related.Position, $"related id '{related.Id}' is the rule's own id");
            }
            else if (!seen.Add(related.Id.Trim()))
            {
                yield return Finding(related.Position, $"related id '{related.Id}' is listed more than once");
            }
        }
    }
}
