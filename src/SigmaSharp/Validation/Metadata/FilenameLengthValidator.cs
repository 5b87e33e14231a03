using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>SigmaHQ keeps file names between 10 and 90 characters: long enough to say something, short enough for every file system and table.</summary>
internal sealed class FilenameLengthValidator : RuleValidator
{
    internal const int MinLength = 10;
    internal const int MaxLength = 90;

    public override string Code => "SIG407";

    public override string Name => "filename-length";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => $"the file name is shorter than {MinLength} or longer than {MaxLength} characters";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options)
    {
        var name = Path.GetFileName(rule.Source.File);
        if (rule.Source.DocumentIndex == 0 && name.Length is > 0 and (< MinLength or > MaxLength))
        {
            yield return Finding(new SourcePosition(rule.Source.File, 1, 1), $"file name '{name}' has {name.Length} characters; keep it between {MinLength} and {MaxLength}");
        }
    }
}
