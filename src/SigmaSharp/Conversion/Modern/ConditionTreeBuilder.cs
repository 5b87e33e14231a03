using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Modern;

/// <summary>
/// The walker of the pySigma family: condition → identifiers → detections → items, shaped as pySigma shapes it
/// (a map is the AND of its items, a list of maps the OR, an item with several values the OR/AND of field=value,
/// an AND/OR left with one operand is that operand, one left with none disappears).
/// </summary>
internal static class ConditionTreeBuilder
{
    public static CNode? Build(SigmaRule rule, ConditionNode condition) => Condition(rule, condition, false);

    private static CNode? Condition(SigmaRule rule, ConditionNode node, bool orScope) => node switch
    {
        AndNode and => Linked(and.Operands.Select(o => Condition(rule, o, orScope)), items => new CAnd(items)),
        OrNode or => Linked(or.Operands.Select(o => Condition(rule, o, orScope)), items => new COr(items)),
        NotNode not => Condition(rule, not.Operand, orScope) is { } inner ? new CNot(inner) : null,
        SelectionNode selection => Identifier(rule, selection.Name, orScope),
        OfNode of => Linked(
            Matches(rule, of).Select(name => Identifier(rule, name, orScope || of.Quantifier == Quantifier.Any)),
            items => of.Quantifier == Quantifier.All ? new CAnd(items) : new COr(items)),
        _ => throw new InvalidOperationException("unknown condition node " + node.GetType().Name),
    };

    /// <summary>pySigma's <c>them</c> and patterns skip identifiers starting with '_' unless the pattern does too.</summary>
    private static IEnumerable<string> Matches(SigmaRule rule, OfNode of) =>
        of.Pattern is { } pattern && !pattern.StartsWith('_') ? of.Matches.Where(m => !m.StartsWith('_')) : of.Matches;

    private static CNode? Identifier(SigmaRule rule, string name, bool orScope) =>
        rule.FindIdentifier(name) is { } identifier ? Detection(identifier.Definition, orScope) : null;

    public static CNode? Detection(DetectionNode node, bool orScope) => node switch
    {
        DetectionGroup group => Linked(group.Items.Select(i => Detection(i, orScope)), items => group.Linking == Linking.And ? new CAnd(items) : new COr(items)),
        DetectionItem item => Item(item, orScope),
        _ => throw new InvalidOperationException("unknown detection node"),
    };

    private static CNode? Item(DetectionItem item, bool orScope)
    {
        CNode? result;
        if (item.Values.Count == 0)
        {
            result = item.Field is null ? null : new CField(item.Field, SigmaNull.Instance, orScope);
        }
        else if (item.Values.Count == 1)
        {
            result = Leaf(item.Field, item.Values[0], orScope);
        }
        else
        {
            var leaves = item.Values.Select(v => Leaf(item.Field, v, orScope)).ToList();
            result = item.ValueLinking == Linking.And ? new CAnd(leaves) : new COr(leaves);
        }

        return item.Negated && result is not null ? new CNot(result) : result;
    }

    private static CNode Leaf(string? field, SigmaValue value, bool orScope) => field is null ? new CValue(value) : new CField(field, value, orScope);

    private static CNode? Linked(IEnumerable<CNode?> operands, Func<IReadOnlyList<CNode>, CNode> create)
    {
        var items = operands.Where(o => o is not null).Select(o => o!).ToList();
        return items.Count switch
        {
            0 => null,
            1 => items[0],
            _ => create(items),
        };
    }
}
