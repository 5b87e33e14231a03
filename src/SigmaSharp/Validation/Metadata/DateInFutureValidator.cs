using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>A date after today is a typo (usually a swapped month and day, or the wrong year).</summary>
internal sealed class DateInFutureValidator : RuleValidator
{
    public override string Code => "SIG413";

    public override string Name => "date-in-future";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "date or modified is after today";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options) =>
        RuleDates.Of(rule).Where(d => d.Date.Value > options.Today)
            .Select(d => Finding(d.Date.Position, $"{d.Attribute} {d.Date.Value:yyyy-MM-dd} is in the future (today is {options.Today:yyyy-MM-dd})"));
}
