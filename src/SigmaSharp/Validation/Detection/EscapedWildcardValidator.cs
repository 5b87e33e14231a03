using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Validation.Detection;

/// <summary>
/// A literal <c>*</c> or <c>?</c> in a string can only come from an escape (<c>\*</c>), which is seldom
/// intended: in Windows paths a backslash before a wildcard is usually a path separator.
/// </summary>
internal sealed class EscapedWildcardValidator : StringValueValidator
{
    public override string Code => "SIG250";

    public override string Name => "escaped-wildcard";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    public override string Description => "a value contains an escaped wildcard (\\* or \\?); make sure the escape is intended";

    protected override string Problem => "contains an escaped wildcard; make sure the escape is intended";

    protected override bool Matches(SigmaString value) =>
        value.Parts.OfType<LiteralPart>().Any(p => p.Text.AsSpan().IndexOfAny('*', '?') >= 0);
}
