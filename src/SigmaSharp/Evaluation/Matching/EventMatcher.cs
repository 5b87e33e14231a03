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
/// <see cref="Scope"/>'s fields, or in any value when <see cref="Scope"/> is null. When
/// <see cref="Exact"/>, a value equals one of them instead (ignoring case; literals made by
/// <see cref="ExactValues.Number"/> stand for a numeric value), which a hash lookup finds.
/// </summary>
internal sealed record LiteralNeed(IReadOnlyList<string> Literals, IReadOnlyList<FieldKey>? Scope, bool Exact = false)
{
    /// <summary>Selectivity for choosing among needs: a whole-value match beats any substring.</summary>
    public double Score => Exact ? 64 - Math.Log2(Math.Max(Literals.Count, 1)) : LiteralRequirement.Score(Literals);

    public static LiteralNeed? Union(IEnumerable<LiteralNeed?> needs)
    {
        var all = needs.ToList();
        if (all.Any(n => n is null))
        {
            return null;
        }
        var exact = all.All(n => n!.Exact);
        var literals = new List<string>();
        List<FieldKey>? scope = [];
        foreach (var need in all)
        {
            var part = exact ? need!.Literals : need!.AsSubstrings();
            if (part is null)
            {
                return null;
            }
            literals.AddRange(part);
            if (need.Scope is null)
            {
                scope = null;
            }
            else
            {
                scope?.AddRange(need.Scope);
            }
        }
        return new LiteralNeed(literals, scope, exact);
    }

    /// <summary>The literals as substrings (an equal value contains its literal); null when one cannot be (numbers, short text).</summary>
    public IReadOnlyList<string>? AsSubstrings()
    {
        if (!Exact)
        {
            return Literals;
        }
        var parts = new List<string>();
        foreach (var literal in Literals)
        {
            if (ExactValues.IsNumber(literal) || LiteralRequirement.Pick([literal]) is not { } part)
            {
                return null;
            }
            parts.Add(part);
        }
        return parts;
    }

    /// <summary>How many needs of one rule the prefilter tracks.</summary>
    public const int MaxPerRule = 8;

    /// <summary>The most selective distinct needs (at most <see cref="MaxPerRule"/>); null entries are dropped.</summary>
    public static IReadOnlyList<LiteralNeed> MostSelective(IEnumerable<LiteralNeed?> needs) =>
        [.. needs.OfType<LiteralNeed>().DistinctBy(n => n.Key).OrderByDescending(n => n.Score).Take(MaxPerRule)];

    private string Key => (Exact ? "=" : "~") + string.Join('\u0001', Literals.Select(l => l.ToUpperInvariant()).Order(StringComparer.Ordinal))
        + "\u0002" + (Scope is null ? "*" : string.Join('\u0001', Scope.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal)));

    public static LiteralNeed? Best(LiteralNeed? left, LiteralNeed? right) =>
        left is null ? right : right is null ? left : right.Score > left.Score ? right : left;
}

internal sealed class AndMatcher(EventMatcher[] operands) : EventMatcher
{
    public EventMatcher[] Operands { get; } = operands;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
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
    public override IReadOnlyList<LiteralNeed> Needs => LiteralNeed.MostSelective(Operands.SelectMany(o => o.Needs));
}

internal sealed class OrMatcher(EventMatcher[] operands) : EventMatcher
{
    public EventMatcher[] Operands { get; } = operands;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>
    /// Picking one need from each operand and uniting them gives a need of the disjunction, for
    /// every choice: keeping several choices lets a branch's selective need count even when another
    /// of its needs is common (<c>Image|contains: '\Windows'</c> beside a rare command line).
    /// </summary>
    public override IReadOnlyList<LiteralNeed> Needs
    {
        get
        {
            IReadOnlyList<LiteralNeed>? combined = null;
            foreach (var operand in Operands)
            {
                var needs = operand.Needs;
                if (needs.Count == 0)
                {
                    return [];
                }
                combined = combined is null
                    ? needs
                    : LiteralNeed.MostSelective(combined.SelectMany(a => needs.Select(b => LiteralNeed.Union([a, b]))));
                if (combined.Count == 0)
                {
                    return [];
                }
            }
            return combined ?? [];
        }
    }
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
