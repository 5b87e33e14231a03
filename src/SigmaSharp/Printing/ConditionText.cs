using System.Globalization;
using System.Text;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Printing;

/// <summary>
/// Writes condition expressions. Parentheses are added exactly where the parser's precedence (or, and, not,
/// "x of") would otherwise regroup the tree, so the text parses back into the same tree, nesting included.
/// </summary>
internal static class ConditionText
{
    private enum Level
    {
        Or,
        And,
        Not,
    }

    public static string Write(ConditionNode node)
    {
        var text = new StringBuilder();
        Write(text, node, Level.Or);
        return text.ToString();
    }

    /// <summary>
    /// The condition as the rule wrote it when that text still parses into the same expression; otherwise the
    /// expression written anew (after a pipeline renamed identifiers, or for a condition built in code).
    /// </summary>
    public static string Choose(SigmaCondition condition, IReadOnlyList<string> identifiers)
    {
        if (condition.Expression is null)
        {
            return condition.Text;
        }

        var canonical = WriteWithAggregation(condition.Expression, condition.Aggregation);
        var (reparsed, error) = ConditionParser.Parse(condition.Text, SourcePosition.None, identifiers);
        return error is null && reparsed.Expression is not null
            && WriteWithAggregation(reparsed.Expression, reparsed.Aggregation) == canonical
            ? condition.Text
            : canonical;
    }

    private static string WriteWithAggregation(ConditionNode expression, LegacyAggregation? aggregation) =>
        aggregation is null ? Write(expression) : Write(expression) + " | " + Write(aggregation);

    private static string Write(LegacyAggregation aggregation)
    {
        if (aggregation.IsNear)
        {
            return "near " + string.Join(" and ", aggregation.NearSelections);
        }

        var text = new StringBuilder(aggregation.Function.ToString().ToLowerInvariant()).Append('(').Append(aggregation.Field).Append(')');
        if (aggregation.GroupBy is not null)
        {
            text.Append(" by ").Append(aggregation.GroupBy);
        }

        return text.Append(' ').Append(aggregation.Operator).Append(' ')
            .Append(aggregation.Threshold.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private static void Write(StringBuilder text, ConditionNode node, Level context)
    {
        switch (node)
        {
            case OrNode or:
                Group(text, context > Level.Or, () => Join(text, or.Operands, " or ", Level.And));
                break;
            case AndNode and:
                Group(text, context > Level.And, () => Join(text, and.Operands, " and ", Level.Not));
                break;
            case NotNode not:
                text.Append("not ");
                Write(text, not.Operand, Level.Not);
                break;
            case SelectionNode selection:
                text.Append(selection.Name);
                break;
            case OfNode of:
                text.Append(of.Quantifier == Quantifier.All ? "all of " : "1 of ").Append(of.Pattern ?? "them");
                break;
            default:
                throw new ArgumentException($"unknown condition node {node.GetType().Name}", nameof(node));
        }
    }

    /// <summary>Operands of an n-ary node: one of the same kind nested inside was parenthesized in the source.</summary>
    private static void Join(StringBuilder text, EquatableArray<ConditionNode> operands, string separator, Level operandLevel)
    {
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0)
            {
                text.Append(separator);
            }

            Write(text, operands[i], operandLevel);
        }
    }

    private static void Group(StringBuilder text, bool parenthesize, Action write)
    {
        if (parenthesize)
        {
            text.Append('(');
        }

        write();
        if (parenthesize)
        {
            text.Append(')');
        }
    }
}
