using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>A date that is no calendar date (2023-13-01, "last week") cannot be sorted or compared; pySigma refuses the rule.</summary>
internal sealed class InvalidDateValidator : RuleValidator
{
    public override string Code => "SIG410";

    public override string Name => "invalid-date";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    public override string Description => "date or modified is not a calendar date";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options) =>
        RuleDates.Of(rule).Where(d => d.Date.Value is null)
            .Select(d => Finding(d.Date.Position, $"{d.Attribute} '{d.Date.Text}' is not a date; write YYYY-MM-DD"));
}
