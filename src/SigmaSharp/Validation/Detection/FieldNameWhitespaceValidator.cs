using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Detection;

/// <summary>
/// The specification asks for field names with spaces stripped (as the log source's details view shows them);
/// a leading or trailing space is almost always a typo that makes the field never match.
/// </summary>
internal sealed class FieldNameWhitespaceValidator : DetectionItemValidator
{
    public override string Code => "SIG265";

    public override string Name => "field-name-whitespace";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "a field name contains whitespace";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, DetectionItem item)
    {
        if (item.Field is { } field && field.Any(char.IsWhiteSpace))
        {
            yield return Finding(item.Position, $"field name '{field}' contains whitespace; Sigma field names are written without spaces");
        }
    }
}
