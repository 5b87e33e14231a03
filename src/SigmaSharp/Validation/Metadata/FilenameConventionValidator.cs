using System.Text.RegularExpressions;
using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>
/// The SigmaHQ filename convention: lowercase words joined by underscores, ending in .yml, and starting with the
/// prefix the log source prescribes (proc_creation_win_, aws_, win_security_, lnx_auditd_, ...).
/// </summary>
internal sealed partial class FilenameConventionValidator : RuleValidator
{
    public override string Code => "SIG408";

    public override string Name => "filename-convention";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "the file name does not follow the SigmaHQ filename convention for its log source";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options)
    {
        var name = Path.GetFileName(rule.Source.File);
        if (rule.Source.DocumentIndex != 0 || name.Length == 0)
        {
            yield break;
        }

        var at = new SourcePosition(rule.Source.File, 1, 1);
        if (!ShapePattern().IsMatch(name))
        {
            yield return Finding(at, $"file name '{name}' should be lowercase letters, digits and underscores, ending in .yml");
        }
        else if (rule is SigmaRule { LogSource: var logSource } && FilenamePrefixes.For(logSource) is { } prefix
                 && !name.StartsWith(prefix, StringComparison.Ordinal))
        {
            yield return Finding(at, $"file name '{name}' should start with '{prefix}' for log source '{logSource}'");
        }
    }

    [GeneratedRegex("^[a-z0-9_]+\\.yml$", RegexOptions.CultureInvariant)]
    private static partial Regex ShapePattern();
}
