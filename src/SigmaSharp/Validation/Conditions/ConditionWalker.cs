using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Validation.Conditions;

/// <summary>Enumerates the parsed conditions of detection rules and filters and the nodes inside them.</summary>
internal static class ConditionWalker
{
    public static IEnumerable<SigmaCondition> Conditions(SigmaRuleBase rule) => rule switch
    {
        SigmaRule r => r.Conditions,
        SigmaFilter f => f.Conditions,
        _ => [],
    };

    public static IEnumerable<ConditionNode> Nodes(ConditionNode? node) => node switch
    {
        null => [],
        AndNode and => and.Operands.SelectMany(Nodes).Prepend(node),
        OrNode or => or.Operands.SelectMany(Nodes).Prepend(node),
        NotNode not => Nodes(not.Operand).Prepend(node),
        _ => [node],
    };

    /// <summary>The search identifiers a condition reads, directly or through an <c>of</c> pattern.</summary>
    public static IEnumerable<string> Referenced(ConditionNode? node) => Nodes(node).SelectMany(n => n switch
    {
        SelectionNode s => [s.Name],
        OfNode of => of.Matches,
        _ => Enumerable.Empty<string>(),
    });
}
