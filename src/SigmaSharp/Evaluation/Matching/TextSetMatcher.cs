using System.Buffers;
using SigmaSharp.Events;

namespace SigmaSharp.Evaluation.Matching;

/// <summary>
/// Many plain text tests of one field, OR-linked (the long value lists of real rules): equals,
/// startswith and endswith literals go into hash sets probed by span (one probe per distinct
/// literal length), contains literals into one multi-string <see cref="SearchValues{T}"/> search
/// (made when first needed).
/// Decides exactly what the individual <see cref="TextMatcher"/>s would.
/// </summary>
internal sealed class TextSetMatcher : ValueMatcher
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _equals;
    private readonly int[] _equalLengths;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixes;
    private readonly int[] _prefixLengths;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _suffixes;
    private readonly int[] _suffixLengths;
    private readonly string[] _containsLiterals;
    private readonly bool _cased;
    private SearchValues<string>? _contains; // built on first use: most rules never get past the prefilter
    private readonly bool _anything;
    private readonly IReadOnlyList<string>? _need;
    private readonly IReadOnlyList<string>? _exact;

    public TextSetMatcher(IReadOnlyList<TextMatcher> tests, bool cased)
    {
        var comparer = cased ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        (_equals, _equalLengths) = Set(tests, TextShape.Equals, comparer);
        (_prefixes, _prefixLengths) = Set(tests, TextShape.StartsWith, comparer);
        (_suffixes, _suffixLengths) = Set(tests, TextShape.EndsWith, comparer);
        var contains = tests.Where(t => t.Shape == TextShape.Contains).Select(t => t.Literal).Distinct(comparer).ToArray();
        _anything = tests.Any(t => t.Shape == TextShape.Anything || (t.Shape == TextShape.Contains && t.Literal.Length == 0));
        _containsLiterals = contains;
        _cased = cased;
        _need = LiteralRequirement.Union(tests.Select(t => t.RequiredLiterals));
        _exact = Matching.ExactValues.Union(tests);
        Count = tests.Count;
    }

    public int Count { get; }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public override bool Matches(string value, EventValueKind kind)
    {
        if (_anything)
        {
            return true;
        }
        var span = value.AsSpan();
        foreach (var length in _equalLengths)
        {
            if (length == span.Length)
            {
                return _equals.Contains(span);
            }
        }
        foreach (var length in _prefixLengths)
        {
            if (length <= span.Length && _prefixes.Contains(span[..length]))
            {
                return true;
            }
        }
        foreach (var length in _suffixLengths)
        {
            if (length <= span.Length && _suffixes.Contains(span[^length..]))
            {
                return true;
            }
        }
        return _containsLiterals.Length > 0 && span.ContainsAny(_contains ?? BuildContains());
    }

    // Two threads may both build it; either is the same search, and one is kept.
    private SearchValues<string> BuildContains()
    {
        var built = SearchValues.Create(_containsLiterals, _cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
        return Interlocked.CompareExchange(ref _contains, built, null) ?? built;
    }

    public override IReadOnlyList<string>? RequiredLiterals => _need;

    public override IReadOnlyList<string>? ExactValues => _exact;

    private static (HashSet<string>.AlternateLookup<ReadOnlySpan<char>>, int[]) Set(
        IReadOnlyList<TextMatcher> tests, TextShape shape, StringComparer comparer)
    {
        var set = new HashSet<string>(tests.Where(t => t.Shape == shape).Select(t => t.Literal), comparer);
        return (set.GetAlternateLookup<ReadOnlySpan<char>>(), [.. set.Select(s => s.Length).Distinct().Order()]);
    }
}
