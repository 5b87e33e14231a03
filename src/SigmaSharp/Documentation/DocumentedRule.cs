using System.Collections.Immutable;
using SigmaSharp.Rules;

namespace SigmaSharp.Documentation;

/// <summary>
/// One rule file as the documentation shows it: a page per file, because a multi-document collection
/// (action: global/reset/repeat) is one rule for its readers and its raw YAML only makes sense whole.
/// </summary>
/// <param name="File">The rule file path (or the name given to an in-memory text).</param>
/// <param name="PageName">The stable page name without extension: the rule id, else the file name (see <see cref="PageNames"/>).</param>
/// <param name="Text">The file's text as written: comments and every document kept.</param>
/// <param name="Rules">The rules read from the file, in document order (never empty).</param>
/// <param name="FirstCommitted">When the file was first committed (git), else null.</param>
public sealed record DocumentedRule(
    string File,
    string PageName,
    string Text,
    ImmutableArray<SigmaRuleBase> Rules,
    DateTimeOffset? FirstCommitted)
{
    /// <summary>The rule whose metadata titles the page (the first document, which carries a collection's global part).</summary>
    public SigmaRuleBase Primary => Rules[0];

    public RuleInfo Info => Primary.Info;

    /// <summary>The distinct log sources of the file's detection rules and filters, in document order.</summary>
    public ImmutableArray<LogSource> LogSources { get; } = Rules
        .Select(r => r switch { SigmaRule d => d.LogSource, SigmaFilter f => f.LogSource, _ => null })
        .OfType<LogSource>()
        .DistinctBy(l => (l.Category, l.Product, l.Service))
        .ToImmutableArray();

    /// <summary>
    /// The date on the page: the first commit when known, else the rule's own date at midnight UTC,
    /// else null (the page then omits it).
    /// </summary>
    public DateTimeOffset? PageDate =>
        FirstCommitted ?? (Info.Date?.Value is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
}
