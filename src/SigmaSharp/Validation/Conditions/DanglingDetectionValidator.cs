using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Conditions;

/// <summary>
/// A search identifier that no condition reads has no effect: usually a filter the author forgot to add to the
/// condition, so the rule matches more than intended.
/// </summary>
internal sealed class DanglingDetectionValidator : RuleValidator
{
    public override string Code => "SIG350";

    public override string Name => "dangling-detection";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "a search identifier is not referenced by any condition (unused selection)";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options)
    {
        var conditions = ConditionWalker.Conditions(rule).ToList();
        if (conditions.Count == 0 || conditions.Any(c => c.Expression is null))
        {
            yield break;
        }

        var used = conditions.SelectMany(c => ConditionWalker.Referenced(c.Expression)).ToHashSet(StringComparer.Ordinal);
        foreach (var identifier in DetectionWalker.Identifiers(rule).Where(i => !used.Contains(i.Name)))
        {
            yield return Finding(identifier.Position, $"search identifier '{identifier.Name}' is not used by any condition");
        }
    }
}
