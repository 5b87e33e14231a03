using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace SigmaSharp.Conversion;

/// <summary>Escapes a value in legacy text form for a dialect, exactly as the legacy converter's escape patterns did.</summary>
internal static class ValueEscaper
{
    /// <summary>Per dialect, the characters <see cref="Append"/> may change; every other character is copied as it is.</summary>
    private static readonly ConditionalWeakTable<Dialect, SearchValues<char>> Candidates = [];

    public static string Escape(string text, Dialect dialect) =>
        text.AsSpan().ContainsAny(CandidatesOf(dialect)) ? Append(new StringBuilder(text.Length + 8), text, dialect).ToString() : text;

    /// <summary>Writes the escaped text at the end of <paramref name="result"/>.</summary>
    public static StringBuilder Append(StringBuilder result, string text, Dialect dialect)
    {
        var candidates = CandidatesOf(dialect);
        for (var i = 0; i < text.Length; i++)
        {
            // Runs of characters no rule below can change are copied whole.
            var next = text.AsSpan(i).IndexOfAny(candidates);
            if (next < 0)
            {
                return result.Append(text, i, text.Length - i);
            }

            result.Append(text, i, next);
            i += next;
            var c = text[i];
            if (i + 1 < text.Length && IsEscapedPair(dialect.EscapedPairs, c, text[i + 1]))
            {
                result.Append('\\').Append(c).Append(text[i + 1]);
                i++;
            }
            else if (c == '\\')
            {
                var lone = dialect.EscapeLoneBackslash && (i == 0 || text[i - 1] != '\\') && (i + 1 == text.Length || text[i + 1] is not ('*' or '?' or '\\'));
                var unicode = dialect.EscapeUnicodeMarker && i + 1 < text.Length && text[i + 1] == 'u';
                result.Append(lone || unicode ? @"\\" : @"\");
            }
            else if (dialect.EscapedCharacters.Contains(c, StringComparison.Ordinal) || (dialect.EscapeWhitespace && IsPythonWhitespace(c)))
            {
                result.Append('\\').Append(c);
            }
            else
            {
                result.Append(c);
            }
        }

        return result;
    }

    private static SearchValues<char> CandidatesOf(Dialect dialect) =>
        Candidates.GetValue(dialect, static d =>
        {
            var chars = new StringBuilder("\\").Append(d.EscapedCharacters);
            foreach (var pair in d.EscapedPairs)
            {
                chars.Append(pair[0]);
            }

            if (d.EscapeWhitespace)
            {
                for (var c = char.MinValue; c < char.MaxValue; c++)
                {
                    if (IsPythonWhitespace(c))
                    {
                        chars.Append(c);
                    }
                }
            }

            return SearchValues.Create(chars.ToString());
        });

    /// <summary>Compares characters directly: this runs for every character of every value.</summary>
    private static bool IsEscapedPair(IReadOnlyList<string> pairs, char first, char second)
    {
        for (var p = 0; p < pairs.Count; p++)
        {
            if (pairs[p][0] == first && pairs[p][1] == second)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whitespace as Python's <c>\s</c> reads it on text.</summary>
    private static bool IsPythonWhitespace(char c) => char.IsWhiteSpace(c) || c is '\x1c' or '\x1d' or '\x1e' or '\x1f';

    /// <summary>True when the legacy text holds an unescaped <c>*</c> or <c>?</c> (or one after an escaped backslash).</summary>
    public static bool HasWildcard(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '*' or '?' && (i == 0 || text[i - 1] != '\\' || (i >= 2 && text[i - 2] == '\\')))
            {
                return true;
            }
        }

        return false;
    }
}
