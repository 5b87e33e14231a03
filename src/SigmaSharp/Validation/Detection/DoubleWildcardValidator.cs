using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Validation.Detection;

/// <summary><c>**</c> means the same as <c>*</c>; it usually shows a modifier added to a value that already had a wildcard.</summary>
internal sealed class DoubleWildcardValidator : StringValueValidator
{
    public override string Code => "SIG253";

    public override string Name => "double-wildcard";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    public override string Description => "a value contains consecutive * wildcards";

    protected override string Problem => "contains consecutive * wildcards";

    protected override bool Matches(SigmaString value)
    {
        for (var i = 1; i < value.Parts.Count; i++)
        {
            if (value.Parts[i] is WildcardMultiPart && value.Parts[i - 1] is WildcardMultiPart)
            {
                return true;
            }
        }

        return false;
    }
}
