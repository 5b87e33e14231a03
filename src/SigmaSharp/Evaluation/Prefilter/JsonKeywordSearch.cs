using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace SigmaSharp.Evaluation.Prefilter;

/// <summary>
/// Keyword literals (a few dozen at most) searched in an event's whole JSON, instead of an automaton
/// stepping through every value's bytes. A literal is looked for as JSON writes it (<c>\</c> as
/// <c>\\</c>, <c>"</c> as <c>\"</c>: JSON must escape both); JSON holding any other escape (<c>\n</c>,
/// <c>\u00e4</c>, <c>\/</c>) is declined and scanned value by value, so no occurrence is missed.
/// </summary>
/// <remarks>
/// The search runs on the UTF-8 bytes: a few anchors (windows of two or three characters that the
/// keywords share, e.g. <c>::</c> for <c>sekurlsa::</c> and <c>privilege::debug</c>) are compared at
/// every position, 32 at a time, in the same pass that looks for other escapes, and the keywords
/// behind an anchor are checked where it matches. This finds what a case-insensitive (ordinal)
/// search of the decoded text finds, because the keywords are ASCII and ASCII bytes in UTF-8 are
/// always whole characters; the only text where the two could differ holds a non-ASCII character
/// with an ASCII case mapping (U+0130, U+0131, U+017F, U+212A), and such JSON is searched as decoded
/// text, as are keyword sets needing too many anchors.
/// /// </remarks>
internal sealed class JsonKeywordSearch
{
    /// <summary>More literals than this leave the vectorised (Teddy) search for a slower one.</summary>
    public const int MaxLiterals = 48;

    // Each anchor adds compares to every block: beyond this many, the multi-string search over the text is cheaper.
    private const int MaxAnchors = 8;

    // ASCII letters compared with this bit set compare ignoring case (other bytes may then compare
    // equal too: hits are checked exactly).
    private const byte CaseBit = 0x20;

    // A backslash before one of these letters starts an escape other than \\ and \" when the run of
    // backslashes it ends is odd (C:\\Temp holds \T, but as the second of an escaped pair).
    private static readonly SearchValues<string> OtherEscapes =
        SearchValues.Create(["\\u", "\\n", "\\t", "\\r", "\\b", "\\f", "\\/"], StringComparison.Ordinal);

    private static readonly SearchValues<byte> OtherEscapeLetters = SearchValues.Create("untrbf/"u8);

    private readonly SearchValues<string> _any;
    private readonly Keyword[] _keywords;
    private readonly Anchor[]? _anchors;
    private readonly bool[] _anchorStarts = new bool[256]; // by byte with the case bit set

    private JsonKeywordSearch(SearchValues<string> any, Keyword[] keywords, Anchor[]? anchors)
    {
        _any = any;
        _keywords = keywords;
        _anchors = anchors;
        foreach (var anchor in anchors ?? [])
        {
            _anchorStarts[anchor.Bytes[0]] = true;
        }
    }

    /// <summary>How many byte passes a search makes (0: it searches the decoded text); for tests and tools.</summary>
    internal int AnchorCount => _anchors?.Length ?? 0;

    /// <summary>A search for <paramref name="literals"/>, or null when they are too many, empty or not ASCII.</summary>
    public static JsonKeywordSearch? TryBuild(IReadOnlyList<string> literals)
    {
        if (literals.Count is 0 or > MaxLiterals || literals.Any(l => l.Length == 0 || !Ascii.IsValid(l)))
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
        return new JsonKeywordSearch(
            SearchValues.Create(anchors, StringComparison.OrdinalIgnoreCase), [.. keywords], ByteAnchors(keywords));
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

    // Few, rare windows covering every keyword, chosen greedily: each round takes the window (2 or 3
    // characters, as the vectorised filter compares up to three bytes) of an uncovered keyword with
    // the most uncovered keywords times its rarity, longer then earlier on ties. Null when that takes
    // more than MaxAnchors, or a keyword is a single character.
    private static Anchor[]? ByteAnchors(List<Keyword> keywords)
    {
        var forms = keywords.Select(k => k.Form.ToLowerInvariant()).ToArray();
        if (forms.Any(f => f.Length < 2))
        {
            return null;
        }
        var uncovered = Enumerable.Range(0, forms.Length).ToList();
        var anchors = new List<Anchor>();
        while (uncovered.Count > 0)
        {
            if (anchors.Count == MaxAnchors)
            {
                return null;
            }
            var best = string.Empty;
            var bestValue = -1.0;
            foreach (var k in uncovered)
            {
                var form = forms[k];
                for (var length = 3; length >= 2; length--)
                {
                    for (var start = 0; start + length <= form.Length; start++)
                    {
                        var window = form.Substring(start, length);
                        var value = uncovered.Count(u => forms[u].Contains(window, StringComparison.Ordinal)) * Rarity(window);
                        if (value > bestValue)
                        {
                            best = window;
                            bestValue = value;
                        }
                    }
                }
            }
            var covered = uncovered.Where(u => forms[u].Contains(best, StringComparison.Ordinal)).ToList();
            var folded = best.Select(c => (byte)(c | CaseBit)).ToArray();
            anchors.Add(new Anchor(
                Vector256.Create(folded[0]), Vector256.Create(folded[1]), Vector256.Create(folded.Length == 3 ? folded[2] : (byte)0),
                folded,
                [.. covered.Select(u => new AnchoredKeyword(
                    Encoding.ASCII.GetBytes(forms[u]), forms[u].IndexOf(best, StringComparison.Ordinal), keywords[u].Literal))]));
            uncovered.RemoveAll(covered.Contains);
        }
        return [.. anchors];
    }

    // How seldom a window is expected in event JSON: letters are everywhere, backslashes fill paths,
    // punctuation other than '.' and '\' is rare inside values.
    private static double Rarity(string window) =>
        window.Sum(c => char.IsAsciiLetter(c) ? 1.0 : char.IsAsciiDigit(c) ? 1.5 : c == '\\' ? 0.5 : c == '.' ? 1.0 : c == ' ' ? 2.0 : 2.5);

    /// <summary>
    /// Reports the literals occurring in <paramref name="json"/> (as <paramref name="ids"/>[literal]);
    /// false, having reported nothing, when the JSON holds an escape other than <c>\\</c> and <c>\"</c>.
    /// </summary>
    /// <param name="chars">Scratch for the decoded text, grown when needed.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool TryScan(ReadOnlySpan<byte> json, ref char[] chars, LiteralHits hits, int[] ids)
    {
        if (_anchors is null)
        {
            return TryScanText(json, ref chars, hits, ids);
        }
        // One pass over the bytes finds where an anchor may start (letters compared with their case
        // bit set, checked exactly on each hit) and where a backslash precedes an escape letter, and
        // whether any byte is not ASCII. Literals are kept aside until no other escape turned up.
        var found = 0UL;
        var notAscii = false;
        var p = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var high = Vector256<byte>.Zero;
            while (true)
            {
                p = NextBlockOfInterest(json, p, ref high, out var hitBits, out var escapeBits);
                if ((hitBits | escapeBits) == 0)
                {
                    break;
                }
                for (; escapeBits != 0; escapeBits &= escapeBits - 1)
                {
                    if (EndsOddRun(json, p + System.Numerics.BitOperations.TrailingZeroCount(escapeBits)))
                    {
                        return false;
                    }
                }
                for (; hitBits != 0; hitBits &= hitBits - 1)
                {
                    found |= KeywordsAt(json, p + System.Numerics.BitOperations.TrailingZeroCount(hitBits));
                }
                p += Vector256<byte>.Count;
            }
            notAscii = (high & Vector256.Create((byte)0x80)) != Vector256<byte>.Zero;
        }
        for (; p < json.Length; p++)
        {
            var b = json[p];
            notAscii |= b >= 0x80;
            if (b == '\\' && p + 1 < json.Length && OtherEscapeLetters.Contains(json[p + 1]) && EndsOddRun(json, p))
            {
                return false;
            }
            if (_anchorStarts[b | CaseBit])
            {
                found |= KeywordsAt(json, p);
            }
        }
        if (notAscii && HasCharacterFoldingToAscii(json))
        {
            return TryScanText(json, ref chars, hits, ids);
        }
        for (; found != 0; found &= found - 1)
        {
            hits.Add(ids[System.Numerics.BitOperations.TrailingZeroCount(found)]);
        }
        return true;
    }

    // The vectorised part of TryScan, from block p on (32 bytes, and two of look-ahead): the first block
    // where an anchor may start or a backslash precedes an escape letter, with those positions as
    // bits; else where whole blocks end, with no bits. Calls nothing, so that its vectors stay in registers.
    private int NextBlockOfInterest(ReadOnlySpan<byte> json, int p, ref Vector256<byte> high, out uint hitBits, out uint escapeBits)
    {
        var anchors = _anchors!;
        ref var start = ref MemoryMarshal.GetReference(json);
        var caseBit = Vector256.Create(CaseBit);
        var backslash = Vector256.Create((byte)'\\');
        var seen = high;
        for (; p + Vector256<byte>.Count + 2 <= json.Length; p += Vector256<byte>.Count)
        {
            var v0 = Vector256.LoadUnsafe(ref start, (nuint)p);
            var v1 = Vector256.LoadUnsafe(ref start, (nuint)p + 1);
            seen |= v0;
            var f0 = v0 | caseBit;
            var f1 = v1 | caseBit;
            var f2 = Vector256.LoadUnsafe(ref start, (nuint)p + 2) | caseBit;
            var hit = Vector256<byte>.Zero;
            for (var a = 0; a < anchors.Length; a++)
            {
                var anchor = anchors[a];
                var both = Vector256.Equals(f0, anchor.First) & Vector256.Equals(f1, anchor.Second);
                hit |= anchor.Three ? both & Vector256.Equals(f2, anchor.Third) : both;
            }
            var escape = Vector256.Equals(v0, backslash)
                & (Vector256.Equals(v1, Vector256.Create((byte)'u')) | Vector256.Equals(v1, Vector256.Create((byte)'n'))
                   | Vector256.Equals(v1, Vector256.Create((byte)'t')) | Vector256.Equals(v1, Vector256.Create((byte)'r'))
                   | Vector256.Equals(v1, Vector256.Create((byte)'b')) | Vector256.Equals(v1, Vector256.Create((byte)'f'))
                   | Vector256.Equals(v1, Vector256.Create((byte)'/')));
            if ((hit | escape) != Vector256<byte>.Zero)
            {
                high = seen;
                hitBits = hit.ExtractMostSignificantBits();
                escapeBits = escape.ExtractMostSignificantBits();
                return p;
            }
        }
        high = seen;
        hitBits = 0;
        escapeBits = 0;
        return p;
    }

    // The keywords (as bits by literal) occurring where an anchor starts at position p, if one does.
    private ulong KeywordsAt(ReadOnlySpan<byte> json, int p)
    {
        var found = 0UL;
        foreach (var anchor in _anchors!)
        {
            var bytes = anchor.Bytes;
            if (p + bytes.Length > json.Length || (json[p] | CaseBit) != bytes[0] || (json[p + 1] | CaseBit) != bytes[1]
                || (bytes.Length == 3 && (json[p + 2] | CaseBit) != bytes[2]))
            {
                continue;
            }
            foreach (var keyword in anchor.Keywords)
            {
                var start = p - keyword.Offset;
                if (start >= 0 && start + keyword.Form.Length <= json.Length
                    && Ascii.EqualsIgnoreCase(json.Slice(start, keyword.Form.Length), keyword.Form))
                {
                    found |= 1UL << keyword.Literal;
                }
            }
        }
        return found;
    }

    // Whether the backslash at p ends an odd run of backslashes, i.e. escapes the byte after it.
    private static bool EndsOddRun(ReadOnlySpan<byte> json, int p)
    {
        var run = 1;
        while (p - run >= 0 && json[p - run] == '\\')
        {
            run++;
        }
        return run % 2 == 1;
    }

    private static bool HasCharacterFoldingToAscii(ReadOnlySpan<byte> json)
    {
        for (var at = json.IndexOfAnyExceptInRange((byte)0, (byte)0x7F); at >= 0;)
        {
            Rune.DecodeFromUtf8(json[at..], out var rune, out var length);
            if (rune.IsBmp && AsciiFolding.ToAscii.Contains((char)rune.Value))
            {
                return true;
            }
            at += length;
            var next = json[at..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            at = next < 0 ? -1 : at + next;
        }
        return false;
    }

    // The search over the decoded text, for JSON and keyword sets the byte search does not take.
    private bool TryScanText(ReadOnlySpan<byte> json, ref char[] chars, LiteralHits hits, int[] ids)
    {
        if (chars.Length < json.Length)
        {
            chars = new char[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)json.Length)];
        }
        var text = chars.AsSpan(0, Encoding.UTF8.GetChars(json, chars));
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

    /// <summary>A literal as JSON writes it, where its anchor starts in it, and its index.</summary>
    private readonly record struct Keyword(string Form, int Anchor, int Literal);

    /// <summary>A window searched as bytes (case bit set, also broadcast), and the keywords (lowered)
    /// checked where it is found.</summary>
    private sealed record Anchor(
        Vector256<byte> First, Vector256<byte> Second, Vector256<byte> Third, byte[] Bytes, AnchoredKeyword[] Keywords)
    {
        public bool Three { get; } = Bytes.Length == 3;
    }

    private readonly record struct AnchoredKeyword(byte[] Form, int Offset, int Literal);
}
