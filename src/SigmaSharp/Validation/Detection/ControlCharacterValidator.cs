using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Validation.Detection;

/// <summary>
/// A control character in a value almost always comes from a YAML double-quoted escape such as "C:\temp"
/// (\t = tab) where a backslash was meant: the rule then matches something else than intended.
/// </summary>
internal sealed class ControlCharacterValidator : StringValueValidator
{
    public override string Code => "SIG254";

    public override string Name => "control-character";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    public override string Description => "a value contains a control character, likely from a missing double backslash";

    protected override string Problem => "contains a control character; a single backslash in a double-quoted YAML string is an escape";

    protected override bool Matches(SigmaString value) =>
        value.Parts.OfType<LiteralPart>().Any(p => p.Text.Any(c => c < ' '));
}
