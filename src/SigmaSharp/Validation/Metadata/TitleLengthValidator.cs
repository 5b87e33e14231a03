using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>The specification caps titles at 256 characters; SIEMs truncate longer alert names.</summary>
internal sealed class TitleLengthValidator : RuleValidator
{
    internal const int MaxLength = 256;

    public override string Code => "SIG415";

    public override string Name => "title-length";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => $"the title is longer than {MaxLength} characters";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options)
    {
        if (rule.Title.Length > MaxLength)
        {
            yield return Finding(RulePosition(rule), $"title has {rule.Title.Length} characters; the limit is {MaxLength}");
        }
    }
}
