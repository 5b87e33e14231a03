using System.Buffers;

namespace SigmaSharp.Evaluation.Prefilter;

/// <summary>
/// Keyword literals (a few dozen at most) searched in an event's whole JSON with one vectorised
/// <see cref="SearchValues{T}"/> pass, instead of an automaton stepping through every value's bytes.
/// A literal is looked for as JSON writes it (<c>\</c> as <c>\\</c>, <c>"</c> as <c>\"</c>: JSON
/// must escape both); JSON holding any other escape (<c>\n</c>, <c>\u00e4</c>, <c>\/</c>) is declined and
/// scanned value by value, so no occurrence is missed.
/// </summary>
internal sealed class JsonKeywordSearch
{
    /// <summary>More literals than this leave the vectorised (Teddy) search for a slower one.</summary>
    public const int MaxLiterals = 48;

    // A backslash before one of these letters starts an escape other than \\ and \" when the run of
    // backslashes it ends is odd (C:\\Temp holds \T, but as the second of an escaped pair).
    private static readonly SearchValues<string> OtherEscapes =
        SearchValues.Create(["\\u", "\\n", "\\t", "\\r", "\\b", "\\f", "\\/"], StringComparison.Ordinal);

    private readonly SearchValues<string> _any;
    private readonly Keyword[] _keywords;

    private JsonKeywordSearch(SearchValues<string> any, Keyword[] keywords)
    {
        _any = any;
        _keywords = keywords;
    }

    /// <summary>A search for <paramref name="literals"/>, or null when they are too many, empty or not ASCII.</summary>
    public static JsonKeywordSearch? TryBuild(IReadOnlyList<string> literals)
    {
        if (literals.Count is 0 or > MaxLiterals || literals.Any(l => l.Length == 0 || !System.Text.Ascii.IsValid(l)))
        {
            return null;
        }
        var keywords = new List<Keyword>();
        for (var i = 0; i < literals.Count; i++)
        {
            var form = literals[i].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            keywords.Add(new Keyword(form, AnchorOf(form), i));
        }
        var anchors = keywords.Select(k => k.Form[k.Anchor..]).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return new JsonKeywordSearch(SearchValues.Create(anchors, StringComparison.OrdinalIgnoreCase), [.. keywords]);
    }

    // The vectorised search keys on the first three characters of what it looks for, and every hit on
    // them is verified. Event JSON is full of letters ("Event", "EventData", "events/event"), so each
    // keyword is looked for from the three-character window richest in rarer characters (':', '.',
    // digits, spaces; a backslash counts half, JSON paths are full of them), leftmost on ties; the
    // part before the window is checked on each hit.
    private static int AnchorOf(string form)
    {
        if (form.Length <= 3)
        {
            return 0;
        }
        var best = 0;
        var bestScore = -1.0;
        for (var start = 0; start + 3 <= form.Length; start++)
        {
            var score = 0.0;
            for (var j = start; j < start + 3; j++)
            {
                score += char.IsAsciiLetter(form[j]) ? 0 : form[j] == '\\' ? 0.5 : 1;
            }
            if (score > bestScore)
            {
                best = start;
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>
    /// Reports the literals occurring in <paramref name="json"/> (as <paramref name="ids"/>[literal]);
    /// false, having reported nothing, when the JSON holds an escape other than <c>\\</c> and <c>\"</c>.
    /// </summary>
    public bool TryScan(ReadOnlySpan<byte> json, ref char[] chars, LiteralHits hits, int[] ids)
    {
        if (chars.Length < json.Length)
        {
            chars = new char[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)json.Length)];
        }
        var text = chars.AsSpan(0, System.Text.Encoding.UTF8.GetChars(json, chars));
        if (HasOtherEscape(text))
        {
            return false;
        }
        for (var at = text.IndexOfAny(_any); at >= 0;)
        {
            foreach (var keyword in _keywords)
            {
                var start = at - keyword.Anchor;
                if (start >= 0 && text[start..].StartsWith(keyword.Form, StringComparison.OrdinalIgnoreCase))
                {
                    hits.Add(ids[keyword.Literal]);
                }
            }
            var next = text[(at + 1)..].IndexOfAny(_any);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return true;
    }

    /// <summary>A literal as JSON writes it, where its anchor starts in it, and its index.</summary>
    private readonly record struct Keyword(string Form, int Anchor, int Literal);

    private static bool HasOtherEscape(ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOfAny(OtherEscapes); at >= 0;)
        {
            var run = 1;
            while (at - run >= 0 && text[at - run] == '\\')
            {
                run++;
            }
            if (run % 2 == 1)
            {
                return true;
            }
            var next = text[(at + 2)..].IndexOfAny(OtherEscapes);
            at = next < 0 ? -1 : at + 2 + next;
        }
        return false;
    }
}
