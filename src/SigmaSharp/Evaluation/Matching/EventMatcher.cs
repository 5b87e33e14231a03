using SigmaSharp.Events;

namespace SigmaSharp.Evaluation.Matching;

/// <summary>A compiled node of a rule's condition, search identifier or detection item, tested against one event.</summary>
internal abstract class EventMatcher
{
    public abstract bool Matches(SigmaEvent e);

    /// <summary>What must occur in an event for this node to match, or null when unknown (prefilter input).</summary>
    public virtual LiteralNeed? Need => null;

    /// <summary>Needs that must all hold (a conjunction); empty when nothing is known. AND nodes keep several.</summary>
    public virtual IReadOnlyList<LiteralNeed> Needs => Need is { } need ? [need] : [];
}

/// <summary>
/// At least one of <see cref="Literals"/> occurs (ignoring case) in a value of one of
/// <see cref="Scope"/>'s fields, or in any value when <see cref="Scope"/> is null.
/// </summary>
internal sealed record LiteralNeed(IReadOnlyList<string> Literals, IReadOnlyList<FieldKey>? Scope)
{
    public static LiteralNeed? Union(IEnumerable<LiteralNeed?> needs)
    {
        var literals = new List<string>();
        List<FieldKey>? scope = [];
        foreach (var need in needs)
        {
            if (need is null)
            {
                return null;
            }
            literals.AddRange(need.Literals);
            if (need.Scope is null)
            {
                scope = null;
            }
            else
            {
                scope?.AddRange(need.Scope);
            }
        }
        return new LiteralNeed(literals, scope);
    }

    public static LiteralNeed? Best(LiteralNeed? left, LiteralNeed? right) =>
        ReferenceEquals(LiteralRequirement.Best(left?.Literals, right?.Literals), right?.Literals) ? right : left;
}

internal sealed class AndMatcher(EventMatcher[] operands) : EventMatcher
{
    public EventMatcher[] Operands { get; } = operands;

    public override bool Matches(SigmaEvent e)
    {
        foreach (var operand in Operands)
        {
            if (!operand.Matches(e))
            {
                return false;
            }
        }
        return true;
    }

    // Any one operand's requirement holds for the conjunction; keep the most selective.
    public override LiteralNeed? Need => Operands.Select(o => o.Need).Aggregate((LiteralNeed?)null, LiteralNeed.Best);

    /// <summary>Every operand's needs must hold; the most selective few are kept (the prefilter tracks at most 8 per rule).</summary>
    public override IReadOnlyList<LiteralNeed> Needs =>
        [.. Operands.SelectMany(o => o.Needs).OrderByDescending(n => LiteralRequirement.Score(n.Literals)).Take(8)];
}

internal sealed class OrMatcher(EventMatcher[] operands) : EventMatcher
{
    public EventMatcher[] Operands { get; } = operands;

    public override bool Matches(SigmaEvent e)
    {
        foreach (var operand in Operands)
        {
            if (operand.Matches(e))
            {
                return true;
            }
        }
        return false;
    }

    public override LiteralNeed? Need => LiteralNeed.Union(Operands.Select(o => o.Need));
}

internal sealed class NotMatcher(EventMatcher operand) : EventMatcher
{
    public EventMatcher Operand { get; } = operand;

    public override bool Matches(SigmaEvent e) => !Operand.Matches(e);
}

internal sealed class ConstantMatcher(bool value) : EventMatcher
{
    public static ConstantMatcher True { get; } = new(true);

    public static ConstantMatcher False { get; } = new(false);

    public bool Value { get; } = value;

    public override bool Matches(SigmaEvent e) => Value;

    public override LiteralNeed? Need => Value ? null : new LiteralNeed([], []);
}
