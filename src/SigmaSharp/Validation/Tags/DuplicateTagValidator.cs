using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Tags;

/// <summary>A tag listed twice is noise and skews tag statistics (ATT&amp;CK coverage heat maps).</summary>
internal sealed class DuplicateTagValidator : RuleValidator
{
    public override string Code => "SIG442";

    public override string Name => "duplicate-tag";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "the same tag appears more than once";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options)
    {
        var first = new Dictionary<string, SourcePosition>(StringComparer.OrdinalIgnoreCase);
        foreach (var tag in rule.Info.Tags)
        {
            if (!first.TryAdd(tag.ToString(), tag.Position))
            {
                yield return Finding(tag.Position, $"tag '{tag}' already appears at {first[tag.ToString()]}");
            }
        }
    }
}
