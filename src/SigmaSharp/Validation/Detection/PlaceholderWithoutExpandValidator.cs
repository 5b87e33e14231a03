using System.Text.RegularExpressions;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Validation.Detection;

/// <summary>
/// <c>%name%</c> is a placeholder only under <c>expand</c>; without it the text is matched literally. That is
/// right for Windows environment variables (%APPDATA%), hence only an info.
/// </summary>
internal sealed partial class PlaceholderWithoutExpandValidator : StringValueValidator
{
    public override string Code => "SIG262";

    public override string Name => "placeholder-without-expand";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    public override string Description => "a value looks like a %placeholder% but the item has no 'expand' modifier";

    protected override string Problem => "looks like a %placeholder%, which is matched literally without 'expand'";

    protected override bool Matches(SigmaString value) =>
        value.Parts.OfType<LiteralPart>().Any(p => PlaceholderPattern().IsMatch(p.Text));

    [GeneratedRegex("%[A-Za-z_][A-Za-z0-9_.-]*%", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
