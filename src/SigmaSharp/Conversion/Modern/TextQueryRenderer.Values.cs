using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Modern;

/// <summary>How values and field names are spelled: pySigma's string conversion, quoting, regex escaping, field quoting.</summary>
internal partial class TextQueryRenderer
{
    /// <summary>Escapes and quotes a string value (pySigma's convert_value_str).</summary>
    public virtual string StringValue(SigmaString value)
    {
        var converted = Escape(value, Dialect.EscapeChar, Dialect.WildcardMulti, Dialect.WildcardSingle, Dialect.StringQuote + Dialect.AddEscaped);
        return DecideQuoting(value) ? Dialect.StringQuote + converted + Dialect.StringQuote : converted;
    }

    protected bool DecideQuoting(SigmaString value)
    {
        if (Dialect.StringQuote.Length == 0)
        {
            return false;
        }

        if (Dialect.StringQuotePattern is null)
        {
            return true;
        }

        var match = Dialect.StringQuotePattern.Match(value.ToSigmaText()) is { Success: true, Index: 0 };
        return Dialect.StringQuotePatternNegation ? !match : match;
    }

    protected string Escape(SigmaString value, string escapeChar, string multi, string single, string addEscaped)
    {
        var escaped = EscapedCharacters(multi, single, addEscaped);
        var text = new StringBuilder();
        foreach (var part in value.Parts)
        {
            switch (part)
            {
                case LiteralPart literal when Dialect.FilterChars.Length == 0 && literal.Text.AsSpan().IndexOfAny(escaped) < 0:
                    text.Append(literal.Text);
                    break;
                case LiteralPart literal:
                    foreach (var c in literal.Text)
                    {
                        if (Dialect.FilterChars.Contains(c, StringComparison.Ordinal))
                        {
                            continue;
                        }

                        if (escaped.Contains(c))
                        {
                            text.Append(escapeChar);
                        }

                        text.Append(c);
                    }

                    break;
                case WildcardMultiPart:
                    text.Append(multi);
                    break;
                case WildcardSinglePart:
                    text.Append(single);
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The characters escaped for a wildcard spelling, built once per combination (the renderer runs per value).</summary>
    private static SearchValues<char> EscapedCharacters(string multi, string single, string addEscaped)
    {
        var key = multi + "\0" + single + "\0" + addEscaped;
        return EscapedCache.GetOrAdd(key, static (_, chars) => SearchValues.Create(chars), multi + single + addEscaped);
    }

    private static readonly ConcurrentDictionary<string, SearchValues<char>> EscapedCache = new(StringComparer.Ordinal);

    /// <summary>A string as a regular expression (pySigma's to_regex): wildcards as <c>.*</c>/<c>.</c>, the rest escaped.</summary>
    protected string ToRegex(SigmaString value) =>
        RegexText(new SigmaRegex(Escape(value, "\\", ".*", ".", ".*+?^$[](){}\\|"), RegexFlags.None));

    /// <summary>pySigma's escape of a regular expression for the target, with the flags as a prefix group.</summary>
    protected string RegexText(SigmaRegex regex)
    {
        var escaped = Dialect.RegexEscaped.ToList();
        if (Dialect.RegexEscapeEscapeChar && Dialect.RegexEscapeChar.Length > 0)
        {
            escaped.Add(Dialect.RegexEscapeChar);
        }

        var text = new StringBuilder();
        var pattern = regex.Pattern;
        for (var i = 0; i < pattern.Length;)
        {
            var match = escaped.FirstOrDefault(e => e.Length > 0 && string.CompareOrdinal(pattern, i, e, 0, e.Length) == 0);
            if (match is not null)
            {
                text.Append(Dialect.RegexEscapeChar).Append(match);
                i += match.Length;
            }
            else
            {
                text.Append(pattern[i]);
                i++;
            }
        }

        var prefix = Dialect.RegexFlagPrefix && regex.Flags != RegexFlags.None ? "(?" + FlagLetters(regex.Flags) + ")" : string.Empty;
        return prefix + text;
    }

    private static string FlagLetters(RegexFlags flags) =>
        (flags.HasFlag(RegexFlags.IgnoreCase) ? "i" : string.Empty) + (flags.HasFlag(RegexFlags.Multiline) ? "m" : string.Empty) + (flags.HasFlag(RegexFlags.DotAll) ? "s" : string.Empty);

    /// <summary>pySigma's escape_and_quote_field.</summary>
    public string QuoteField(string field) => FieldCache.GetOrAdd(field, static (f, renderer) => renderer.SpellField(f), this);

    /// <summary>Field names repeat across rules; their spelling depends only on the dialect, so it is kept per dialect.</summary>
    private ConcurrentDictionary<string, string> FieldCache =>
        FieldCaches.GetOrAdd(Dialect, static _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal));

    private static readonly ConditionalWeakTable<TextDialect, ConcurrentDictionary<string, string>> FieldCaches = [];

    private string SpellField(string field)
    {
        var escaped = field;
        if (Dialect.FieldEscape is not null)
        {
            var positions = new SortedSet<int>();
            if (Dialect.FieldEscapePattern is not null)
            {
                foreach (Match m in Dialect.FieldEscapePattern.Matches(field))
                {
                    positions.Add(m.Index);
                }
            }

            if (Dialect.FieldQuote is { Length: > 0 } quote)
            {
                for (var i = field.IndexOf(quote, StringComparison.Ordinal); i >= 0; i = field.IndexOf(quote, i + 1, StringComparison.Ordinal))
                {
                    positions.Add(i);
                }
            }

            if (positions.Count > 0)
            {
                var builder = new StringBuilder();
                var last = 0;
                foreach (var p in positions)
                {
                    builder.Append(field, last, p - last).Append(Dialect.FieldEscape);
                    last = p;
                }

                escaped = builder.Append(field, last, field.Length - last).ToString();
            }
        }

        if (Dialect.FieldQuote is null)
        {
            return escaped;
        }

        var quoteIt = true;
        if (Dialect.FieldQuotePattern is not null)
        {
            quoteIt = Dialect.FieldQuotePattern.Match(escaped) is { Success: true, Index: 0 };
            if (Dialect.FieldQuotePatternNegation)
            {
                quoteIt = !quoteIt;
            }
        }

        return quoteIt ? Dialect.FieldQuote + escaped + Dialect.FieldQuote : escaped;
    }
}
