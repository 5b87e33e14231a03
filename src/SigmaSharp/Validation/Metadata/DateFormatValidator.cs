using System.Text.RegularExpressions;
using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>Sigma v2 dates are ISO 8601 (YYYY-MM-DD); the v1 form YYYY/MM/DD is still read but obsolete.</summary>
internal sealed partial class DateFormatValidator : RuleValidator
{
    public override string Code => "SIG411";

    public override string Name => "date-format";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "date or modified is a date, but not written YYYY-MM-DD";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options) =>
        RuleDates.Of(rule).Where(d => d.Date.Value is not null && !IsoPattern().IsMatch(d.Date.Text))
            .Select(d => Finding(d.Date.Position, $"{d.Attribute} '{d.Date.Text}' should be written {d.Date.Value!.Value:yyyy-MM-dd}"));

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();
}
