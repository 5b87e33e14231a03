using SigmaSharp.Events;
using SigmaSharp.Rules;

namespace SigmaSharp.Evaluation.Matching;

/// <summary>
/// A field compared with values. OR-linking: some value of the field matches some value matcher;
/// AND-linking (<c>|all</c>): every value matcher matches some value of the field (arrays are
/// tested element-wise). A missing field and JSON nulls match no value.
/// </summary>
internal sealed class FieldValueMatcher(FieldKey field, ValueMatcher[] values, Linking linking) : EventMatcher
{
    public FieldKey Field { get; } = field;

    public ValueMatcher[] Values { get; } = values;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public override bool Matches(SigmaEvent e)
    {
        var found = e.Get(Field);
        if (!found.Exists)
        {
            return false;
        }
        if (linking == Linking.Or)
        {
            foreach (var value in Values)
            {
                if (AnyElement(found, value))
                {
                    return true;
                }
            }
            return false;
        }
        foreach (var value in Values)
        {
            if (!AnyElement(found, value))
            {
                return false;
            }
        }
        return Values.Length > 0;
    }

    private static bool AnyElement(FieldValues found, ValueMatcher matcher)
    {
        var elements = found.GetEnumerator();
        while (elements.MoveNext())
        {
            if (elements.Current is { } text && matcher.Matches(text, elements.CurrentKind))
            {
                return true;
            }
        }
        return false;
    }

    public override LiteralNeed? Need =>
        linking == Linking.Or && ExactValues.Union(Values) is { } exact ? new LiteralNeed(exact, [Field], Exact: true)
        : ValueNeed(Values, linking) is { } literals ? new LiteralNeed(literals, [Field]) : null;

    // With |all every value must occur: each one's literals are a need of their own.
    public override IReadOnlyList<LiteralNeed> Needs => linking == Linking.And
        ? LiteralNeed.MostSelective(Values.Select(v => v.RequiredLiterals is { } literals ? new LiteralNeed(literals, [Field]) : null))
        : base.Needs;

    internal static IReadOnlyList<string>? ValueNeed(ValueMatcher[] values, Linking linking) => linking == Linking.Or
        ? LiteralRequirement.Union(values.Select(v => v.RequiredLiterals))
        : values.Select(v => v.RequiredLiterals).Aggregate((IReadOnlyList<string>?)null, LiteralRequirement.Best);
}

/// <summary>
/// <c>field: null</c> and <c>field|exists: false</c>: the field is missing or holds no non-null
/// value (JSON null, empty array/object). An empty string is a value, so it is not null.
/// </summary>
internal sealed class FieldAbsentMatcher(FieldKey field) : EventMatcher
{
    public FieldKey Field { get; } = field;

    public override bool Matches(SigmaEvent e) => !HasValue(e.Get(Field));

    internal static bool HasValue(FieldValues found)
    {
        var elements = found.GetEnumerator();
        while (elements.MoveNext())
        {
            if (elements.Current is not null)
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary><c>field|exists: true</c>: the field holds at least one non-null value.</summary>
internal sealed class FieldPresentMatcher(FieldKey field) : EventMatcher
{
    public FieldKey Field { get; } = field;

    public override bool Matches(SigmaEvent e) => FieldAbsentMatcher.HasValue(e.Get(Field));
}

/// <summary>
/// <c>fieldref</c>: some value of the field equals (or starts/ends with, or contains) some value of
/// the referenced field, ignoring case. Either field missing means no match.
/// </summary>
internal sealed class FieldRefMatcher(FieldKey field, FieldKey reference, bool startsWith, bool endsWith) : EventMatcher
{
    public FieldKey Field { get; } = field;

    public FieldKey Reference { get; } = reference;

    public override bool Matches(SigmaEvent e)
    {
        var left = e.Get(Field).GetEnumerator();
        while (left.MoveNext())
        {
            if (left.Current is not { } value)
            {
                continue;
            }
            var right = e.Get(Reference).GetEnumerator();
            while (right.MoveNext())
            {
                if (right.Current is { } other && Compare(value, other))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private bool Compare(string value, string other) => (startsWith, endsWith) switch
    {
        (true, true) => value.Contains(other, StringComparison.OrdinalIgnoreCase),
        (true, false) => value.StartsWith(other, StringComparison.OrdinalIgnoreCase),
        (false, true) => value.EndsWith(other, StringComparison.OrdinalIgnoreCase),
        _ => value.Equals(other, StringComparison.OrdinalIgnoreCase),
    };
}

/// <summary>
/// Keywords (no field): each value matcher is tried on every non-null value of the event. The
/// compiler has already turned each keyword into a substring test (<c>*keyword*</c>).
/// </summary>
internal sealed class KeywordMatcher(ValueMatcher[] values, Linking linking) : EventMatcher
{
    public ValueMatcher[] Values { get; } = values;

    public override bool Matches(SigmaEvent e)
    {
        if (linking == Linking.Or)
        {
            foreach (var value in Values)
            {
                if (AnyValue(e, value))
                {
                    return true;
                }
            }
            return false;
        }
        foreach (var value in Values)
        {
            if (!AnyValue(e, value))
            {
                return false;
            }
        }
        return Values.Length > 0;
    }

    private static bool AnyValue(SigmaEvent e, ValueMatcher matcher)
    {
        for (var i = 0; i < e.FieldCount; i++)
        {
            if (e.ValueAt(i) is { } text && matcher.Matches(text, e.KindAt(i)))
            {
                return true;
            }
        }
        return false;
    }

    public override LiteralNeed? Need =>
        FieldValueMatcher.ValueNeed(Values, linking) is { } literals ? new LiteralNeed(literals, null) : null;

    public override IReadOnlyList<LiteralNeed> Needs => linking == Linking.And
        ? LiteralNeed.MostSelective(Values.Select(v => v.RequiredLiterals is { } literals ? new LiteralNeed(literals, null) : null))
        : base.Needs;
}
