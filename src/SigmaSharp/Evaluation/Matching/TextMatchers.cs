using SigmaSharp.Events;

namespace SigmaSharp.Evaluation.Matching;

/// <summary>How a compiled string pattern is tested; the common shapes avoid the general glob.</summary>
internal enum TextShape
{
    Equals,
    StartsWith,
    EndsWith,
    Contains,

    /// <summary>A lone <c>*</c>: any value, including the empty string.</summary>
    Anything,
}

/// <summary>
/// A Sigma string without inner wildcards: plain, <c>x*</c>, <c>*x</c> or <c>*x*</c>, tested with
/// vectorised span comparisons (OrdinalIgnoreCase unless the value is <c>cased</c>).
/// </summary>
internal sealed class TextMatcher(string literal, TextShape shape, bool cased) : ValueMatcher
{
    private readonly StringComparison _comparison = cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    public string Literal { get; } = literal;

    public TextShape Shape { get; } = shape;

    public bool Cased { get; } = cased;

    public override bool Matches(string value, EventValueKind kind) => Shape switch
    {
        TextShape.Equals => value.Equals(Literal, _comparison),
        TextShape.StartsWith => value.StartsWith(Literal, _comparison),
        TextShape.EndsWith => value.EndsWith(Literal, _comparison),
        TextShape.Contains => value.Contains(Literal, _comparison),
        _ => true,
    };

    public override IReadOnlyList<string>? RequiredLiterals =>
        LiteralRequirement.Pick([Literal]) is { } literal ? [literal] : null;

    public override IReadOnlyList<string>? ExactValues => Shape == TextShape.Equals ? [Literal] : null;
}

/// <summary>
/// A general wildcard pattern (<c>a*b?c*d</c>). The pattern is cut at each <c>*</c> into segments
/// (literal characters and <c>?</c>); the first segment is anchored at the start, the last at the
/// end, and each middle segment is searched once, leftmost, after the previous one. Leftmost
/// placement is always safe for globs, so nothing is ever retried: time is at most
/// O(value length × segment length), never exponential.
/// </summary>
internal sealed class GlobMatcher : ValueMatcher
{
    private readonly Segment[] _segments;
    private readonly bool _anchoredStart;
    private readonly bool _anchoredEnd;
    private readonly bool _cased;
    private readonly StringComparison _comparison;
    private readonly int _minLength;

    /// <param name="segments">Text between <c>*</c>s, with '?' positions marked in the masks.</param>
    public GlobMatcher(IReadOnlyList<(string Text, bool[] Single)> segments, bool anchoredStart, bool anchoredEnd, bool cased)
    {
        _cased = cased;
        _comparison = cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        _anchoredStart = anchoredStart;
        _anchoredEnd = anchoredEnd;
        _segments = [.. segments.Select(s => new Segment(cased ? s.Text : s.Text.ToUpperInvariant(), s.Single))];
        _minLength = _segments.Sum(s => s.Text.Length);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public override bool Matches(string value, EventValueKind kind)
    {
        if (value.Length < _minLength)
        {
            return false;
        }
        var span = value.AsSpan();
        var start = 0;
        var end = span.Length;
        var first = 0;
        var last = _segments.Length - 1;
        if (_anchoredStart && _anchoredEnd && _segments.Length == 1)
        {
            return span.Length == _segments[0].Text.Length && MatchesAt(_segments[0], span, 0);
        }
        if (_anchoredStart)
        {
            if (!MatchesAt(_segments[0], span, 0))
            {
                return false;
            }
            start = _segments[0].Text.Length;
            first = 1;
        }
        if (_anchoredEnd)
        {
            var tail = _segments[last];
            end = span.Length - tail.Text.Length;
            if (end < start || !MatchesAt(tail, span, end))
            {
                return false;
            }
            last--;
        }
        for (var i = first; i <= last; i++)
        {
            var found = Find(_segments[i], span[start..end]);
            if (found < 0)
            {
                return false;
            }
            start += found + _segments[i].Text.Length;
        }
        return true;
    }

    public override IReadOnlyList<string>? RequiredLiterals =>
        LiteralRequirement.Pick(_segments.SelectMany(s => s.LiteralRuns())) is { } literal ? [literal] : null;

    private int Find(Segment segment, ReadOnlySpan<char> text)
    {
        if (!segment.HasSingle)
        {
            return text.IndexOf(segment.Text, _comparison);
        }
        for (var i = 0; i + segment.Text.Length <= text.Length; i++)
        {
            if (MatchesAt(segment, text, i))
            {
                return i;
            }
        }
        return -1;
    }

    private bool MatchesAt(Segment segment, ReadOnlySpan<char> text, int at)
    {
        if (at + segment.Text.Length > text.Length)
        {
            return false;
        }
        if (!segment.HasSingle)
        {
            return text.Slice(at, segment.Text.Length).Equals(segment.Text, _comparison);
        }
        for (var j = 0; j < segment.Text.Length; j++)
        {
            if (segment.Single[j])
            {
                continue;
            }
            var c = text[at + j];
            if ((_cased ? c : char.ToUpperInvariant(c)) != segment.Text[j])
            {
                return false;
            }
        }
        return true;
    }

    private sealed class Segment(string text, bool[] single)
    {
        public string Text { get; } = text;

        public bool[] Single { get; } = single;

        public bool HasSingle { get; } = single.Contains(true);

        public IEnumerable<string> LiteralRuns()
        {
            var from = 0;
            for (var i = 0; i <= Text.Length; i++)
            {
                if (i == Text.Length || Single[i])
                {
                    if (i > from)
                    {
                        yield return Text[from..i];
                    }
                    from = i + 1;
                }
            }
        }
    }
}
