using System.Collections.Frozen;
using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>
/// SigmaHQ titles use title casing. Only plain lowercase words are flagged: words with digits, dots or other
/// marks are names as written (cmd.exe, rundll32, x64), and short joining words may stay lowercase.
/// </summary>
internal sealed class TitleCaseValidator : RuleValidator
{
    private static readonly FrozenSet<string> JoiningWords = new[]
    {
        "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "by", "for", "from", "with",
        "via", "as", "into", "onto", "over", "per", "vs", "is", "be", "its", "off", "up", "out", "than",
    }.ToFrozenSet(StringComparer.Ordinal);

    public override string Code => "SIG416";

    public override string Name => "title-case";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    public override string Description => "the title is not in title case (SigmaHQ title convention)";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options)
    {
        var lower = rule.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.All(char.IsAsciiLetterLower) && !JoiningWords.Contains(w))
            .ToList();
        if (lower.Count > 0)
        {
            yield return Finding(RulePosition(rule), $"title is not in title case: {string.Join(", ", lower.Select(w => "'" + w + "'"))}");
        }
    }
}
