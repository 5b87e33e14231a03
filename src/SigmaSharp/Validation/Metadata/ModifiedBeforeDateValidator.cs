using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>A rule cannot be modified before it was written; one of the two dates is wrong.</summary>
internal sealed class ModifiedBeforeDateValidator : RuleValidator
{
    public override string Code => "SIG412";

    public override string Name => "modified-before-date";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "modified is earlier than date";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options)
    {
        if (rule.Info is { Date.Value: { } date, Modified: { Value: { } modified } m } && modified < date)
        {
            yield return Finding(m.Position, $"modified {modified:yyyy-MM-dd} is before date {date:yyyy-MM-dd}");
        }
    }
}
