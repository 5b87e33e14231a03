using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Validation.Detection;

/// <summary>
/// A quoted integer (<c>EventID: '4688'</c>) is a string: backends then compare it as text, which fails
/// on numeric fields. Integer syntax follows Python's <c>int()</c>, as pySigma decides the same way.
/// </summary>
internal sealed class NumberAsStringValidator : StringValueValidator
{
    public override string Code => "SIG251";

    public override string Name => "number-as-string";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    public override string Description => "a number is written as a string (quoted), e.g. EventID: '4688'";

    protected override string Problem => "is a number written as a string; remove the quotes";

    protected override bool Matches(SigmaString value) =>
        value.Parts.Count == 1 && value.Parts[0] is LiteralPart literal && !literal.Text.Contains(' ', StringComparison.Ordinal) && IsInteger(literal.Text);

    /// <summary>Optional surrounding whitespace and sign, then digits with single underscores between them.</summary>
    internal static bool IsInteger(string text)
    {
        var s = text.AsSpan().Trim();
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            s = s[1..];
        }

        if (s.Length == 0 || !char.IsDigit(s[0]) || !char.IsDigit(s[^1]))
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsDigit(s[i]) && !(s[i] == '_' && char.IsDigit(s[i + 1]) && char.IsDigit(s[i - 1])))
            {
                return false;
            }
        }

        return true;
    }
}
