using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Validation.Detection;

/// <summary>
/// The same value twice in one item's list is redundant (often a copy-paste slip hiding a missing variant).
/// Strings are compared as matched: case-insensitively unless cased.
/// </summary>
internal sealed class DuplicateValueValidator : DetectionItemValidator
{
    public override string Code => "SIG263";

    public override string Name => "duplicate-value";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "a detection item lists the same value more than once";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, DetectionItem item)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in item.Values)
        {
            var key = Key(value);
            if (!seen.Add(key) && reported.Add(key))
            {
                yield return Finding(item.Position, $"{Describe(item)} lists the value '{value}' more than once");
            }
        }
    }

    private static string Key(SigmaValue value) => value switch
    {
        SigmaString { Cased: false } s => "s:" + s.ToSigmaText().ToUpperInvariant(),
        SigmaString s => "c:" + s.ToSigmaText(),
        _ => "v:" + value,
    };
}
