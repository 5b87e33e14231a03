using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Tests.Engines.Grep;

/// <summary>
/// What a rule means for the grep target, as a rule the evaluator can judge: grep has no fields, so every detection
/// item tests one field, <see cref="LineField"/>, holding the whole line, and every value is a substring of it
/// (<c>*value*</c>), ignoring case (<c>grep -i</c>). The one exception is a condition that is a single value test:
/// the target anchors it at the line start (<c>grep -P -i '^value'</c>), so it means <c>value*</c>. Conditions,
/// negations, value linking (<c>|all</c>) and wildcards keep their meaning.
/// </summary>
internal static class GrepReading
{
    public const string LineField = "line";

    public static SigmaRule Of(SigmaRule rule, bool anchored) =>
        rule with { Detection = rule.Detection.Select(d => d with { Definition = Node(d.Definition, anchored) }).ToEquatableArray() };

    /// <summary>Whether the grep pattern is a bare value at the line start rather than a group of tests.</summary>
    public static bool IsAnchored(string pattern) => pattern.StartsWith('^') && !pattern.StartsWith("^(?", StringComparison.Ordinal);

    /// <summary>The event as the grep reading judges it: one field holding the event's line.</summary>
    public static FlatEvent LineEvent(FlatEvent e) => new([new(LineField, FlatValue.Of(e.Line))], e.Origin);

    private static DetectionNode Node(DetectionNode node, bool anchored) => node switch
    {
        DetectionGroup group => group with { Items = group.Items.Select(i => Node(i, anchored)).ToEquatableArray() },
        DetectionItem item => item with { Field = LineField, Values = item.Values.Select(v => Value(v, anchored)).ToEquatableArray() },
        _ => node,
    };

    private static SigmaValue Value(SigmaValue value, bool anchored) => value switch
    {
        SigmaString s => Around(s, anchored),
        SigmaNumber n => Around(SigmaString.FromLiteral(n.Text), anchored),
        SigmaBool b => Around(SigmaString.FromLiteral(b.Value ? "true" : "false"), anchored),
        SigmaExpansion e => new SigmaExpansion(e.Values.Select(v => Value(v, anchored)).ToEquatableArray()),
        _ => value,
    };

    private static SigmaString Around(SigmaString s, bool anchored)
    {
        var result = s.WithCased(false);
        if (!anchored && !result.StartsWithWildcard)
        {
            result = result.Prepend(WildcardMultiPart.Instance);
        }

        return result.EndsWithWildcard ? result : result.Append(WildcardMultiPart.Instance);
    }
}
