using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>A reference listed twice is noise, and often a paste that replaced the intended second link.</summary>
internal sealed class DuplicateReferencesValidator : RuleValidator
{
    public override string Code => "SIG405";

    public override string Name => "duplicate-references";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "the same reference appears more than once";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options) =>
        rule.Info.References.GroupBy(r => r, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => Finding(RulePosition(rule), $"reference '{g.Key}' appears {g.Count()} times"));
}
