using System.Globalization;
using System.Text;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Printing;

/// <summary>
/// Spells strings as YAML scalars that read back as exactly the same text, under the YAML 1.1 resolution our
/// parser shares with PyYAML (<see cref="ScalarResolver"/>): plain only where nothing could re-type or cut it,
/// single-quoted for printable text, double-quoted with escapes for control characters and line breaks.
/// </summary>
internal static class YamlScalarText
{
    /// <summary>Characters that start YAML syntax (indicators) when they open a plain scalar.</summary>
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    /// <summary>Text read back as the string itself: plain when safe, otherwise quoted.</summary>
    public static string Text(string text) => IsPlainString(text) ? text : Quoted(text);

    /// <summary>
    /// A mapping key: plain only for names made of letters, digits and a few punctuation marks, because a key's
    /// end is found by ": " and parsers differ on colons and quotes inside an unquoted key.
    /// </summary>
    public static string Key(string text) =>
        IsPlainString(text) && text.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or '|' or '/' or '\\' or ' ' or '(' or ')' or '@' or '$')
            ? text
            : Quoted(text);

    /// <summary>Text read back as a string, always quoted (detection values, where the quotes say "string").</summary>
    public static string Quoted(string text) => NeedsEscapes(text) ? DoubleQuoted(text) : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// Whether <paramref name="text"/> written plain reads back as the same text and as a string, not as a null,
    /// boolean or number (<c>yes</c>, <c>~</c>, <c>0x10</c>, <c>1_000</c>, <c>1:30</c> are not strings in YAML 1.1).
    /// </summary>
    public static bool IsPlainString(string text) =>
        IsPlainSafe(text) && ScalarResolver.Resolve(new YamlScalar(text, ScalarStyle.Plain, null, SourcePosition.None)) is SigmaString;

    /// <summary>Whether <paramref name="text"/> written plain is read back as the same characters (whatever its type).</summary>
    public static bool IsPlainSafe(string text)
    {
        if (text.Length == 0 || NeedsEscapes(text) || Indicators.Contains(text[0], StringComparison.Ordinal)
            || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text[^1] == ':' || text is "=" or "<<")
        {
            return false;
        }

        return !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal)
            && !text.Contains('\t', StringComparison.Ordinal) && !text.Contains(":\t", StringComparison.Ordinal);
    }

    /// <summary>Characters a single-quoted or plain scalar cannot hold as themselves: YAML would fold, drop or reject them.</summary>
    private static bool NeedsEscapes(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c != '\t' || c is '\u007f' or '\u0085' or '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff'
                || c is >= '\u0080' and <= '\u009f' || char.IsSurrogate(c) && !IsPairAt(text, i, out _))
            {
                return true;
            }

            if (char.IsHighSurrogate(c))
            {
                i++;
            }
        }

        // A tab would survive single quotes, but a leading or trailing one is easy to lose in an editor.
        return text.Length > 0 && (text[0] == '\t' || text[^1] == '\t');
    }

    private static bool IsPairAt(string text, int i, out int codePoint)
    {
        codePoint = 0;
        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
            return true;
        }

        return false;
    }

    private static string DoubleQuoted(string text)
    {
        var output = new StringBuilder(text.Length + 8).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': output.Append("\\\\"); break;
                case '"': output.Append("\\\""); break;
                case '\0': output.Append("\\0"); break;
                case '\a': output.Append("\\a"); break;
                case '\b': output.Append("\\b"); break;
                case '\t': output.Append("\\t"); break;
                case '\n': output.Append("\\n"); break;
                case '\v': output.Append("\\v"); break;
                case '\f': output.Append("\\f"); break;
                case '\r': output.Append("\\r"); break;
                case '\u001b': output.Append("\\e"); break;
                default:
                    if (IsPairAt(text, i, out _))
                    {
                        output.Append(c).Append(text[i + 1]);
                        i++;
                    }
                    else if (c < ' ' || c is >= '\u007f' and <= '\u009f' || c is '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff' || char.IsSurrogate(c))
                    {
                        output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        return output.Append('"').ToString();
    }
}
