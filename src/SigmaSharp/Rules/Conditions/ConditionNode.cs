namespace SigmaSharp.Rules.Conditions;

/// <summary>A node of a parsed condition expression. <see cref="Position"/> points into the rule file.</summary>
public abstract record ConditionNode(SourcePosition Position);

public sealed record AndNode(EquatableArray<ConditionNode> Operands, SourcePosition Position) : ConditionNode(Position);

public sealed record OrNode(EquatableArray<ConditionNode> Operands, SourcePosition Position) : ConditionNode(Position);

public sealed record NotNode(ConditionNode Operand, SourcePosition Position) : ConditionNode(Position);

/// <summary>A reference to one search identifier by name.</summary>
public sealed record SelectionNode(string Name, SourcePosition Position) : ConditionNode(Position);

public enum Quantifier
{
    /// <summary><c>1 of</c> / <c>any of</c>: OR over the matched identifiers.</summary>
    Any,

    /// <summary><c>all of</c>: AND over the matched identifiers.</summary>
    All,
}

/// <summary>
/// <c>1 of x*</c>, <c>all of them</c>, ... <see cref="Pattern"/> is null for <c>them</c>.
/// <see cref="Matches"/> lists the identifiers the pattern selected, in detection order.
/// </summary>
public sealed record OfNode(Quantifier Quantifier, string? Pattern, EquatableArray<string> Matches, SourcePosition Position)
    : ConditionNode(Position);
