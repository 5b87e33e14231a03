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
    private readonly (string Form, int Literal)[] _forms;

    private JsonKeywordSearch(SearchValues<string> any, (string, int)[] forms)
    {
        _any = any;
        _forms = forms;
    }

    /// <summary>A search for <paramref name="literals"/>, or null when they are too many, empty or not ASCII.</summary>
    public static JsonKeywordSearch? TryBuild(IReadOnlyList<string> literals)
    {
        if (literals.Count is 0 or > MaxLiterals || literals.Any(l => l.Length == 0 || !System.Text.Ascii.IsValid(l)))
        {
            return null;
        }
        var forms = new List<(string, int)>();
        for (var i = 0; i < literals.Count; i++)
        {
            forms.Add((literals[i].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal), i));
        }
        var distinct = forms.Select(f => f.Item1).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return new JsonKeywordSearch(SearchValues.Create(distinct, StringComparison.OrdinalIgnoreCase), [.. forms]);
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
            var rest = text[at..];
            foreach (var (form, literal) in _forms)
            {
                if (rest.StartsWith(form, StringComparison.OrdinalIgnoreCase))
                {
                    hits.Add(ids[literal]);
                }
            }
            var next = rest[1..].IndexOfAny(_any);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return true;
    }

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
