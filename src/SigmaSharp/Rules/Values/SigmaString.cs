using System.Collections.Immutable;
using System.Text;

namespace SigmaSharp.Rules.Values;

/// <summary>One piece of a <see cref="SigmaString"/>: literal text, a wildcard or a placeholder.</summary>
public abstract record StringPart;

public sealed record LiteralPart(string Text) : StringPart;

/// <summary><c>*</c>: any number of characters.</summary>
public sealed record WildcardMultiPart : StringPart
{
    public static WildcardMultiPart Instance { get; } = new();
}

/// <summary><c>?</c>: exactly one character.</summary>
public sealed record WildcardSinglePart : StringPart
{
    public static WildcardSinglePart Instance { get; } = new();
}

/// <summary><c>%name%</c> after the <c>expand</c> modifier: replaced by a pipeline or scan-time lookup.</summary>
public sealed record PlaceholderPart(string Name) : StringPart;

/// <summary>
/// A Sigma string value. Wildcards are kept as structure, never as <c>*</c> characters inside text, so
/// that every reader (converter, evaluator) decides for itself how to spell or match them.
/// Adjacent literal parts are always merged.
/// </summary>
public sealed record SigmaString(EquatableArray<StringPart> Parts, bool Cased = false) : SigmaValue
{
    public static SigmaString Empty { get; } = new(EquatableArray<StringPart>.Empty);

    public static SigmaString FromLiteral(string text) =>
        text.Length == 0 ? Empty : new SigmaString(ImmutableArray.Create<StringPart>(new LiteralPart(text)));

    /// <summary>
    /// Parses rule text: <c>*</c> and <c>?</c> are wildcards; a backslash escapes <c>*</c>, <c>?</c> and
    /// itself; a backslash before any other character is a plain backslash (specification, "Escape Character").
    /// </summary>
    public static SigmaString Parse(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAny('*', '?') < 0 && !span.Contains(@"\\", StringComparison.Ordinal))
        {
            // Most values hold no wildcard and no escaped backslash: the text is the one literal, as is (no copy).
            return FromLiteral(text);
        }

        var parts = ImmutableArray.CreateBuilder<StringPart>();
        StringBuilder? escaped = null; // only for literals holding an escape; others are cut from the text
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '*' or '?' or '\\')
            {
                (escaped ??= new StringBuilder()).Append(span[start..i]).Append(text[i + 1]);
                i++;
                start = i + 1;
            }
            else if (c is '*' or '?')
            {
                Flush(parts, text, start, i, escaped);
                parts.Add(c == '*' ? WildcardMultiPart.Instance : WildcardSinglePart.Instance);
                start = i + 1;
            }
        }

        Flush(parts, text, start, text.Length, escaped);
        return new SigmaString(parts.ToImmutable());
    }

    /// <summary>Adds the literal ending at <paramref name="end"/>: what <paramref name="escaped"/> holds, then the text from <paramref name="start"/>.</summary>
    private static void Flush(ImmutableArray<StringPart>.Builder parts, string text, int start, int end, StringBuilder? escaped)
    {
        if (escaped is { Length: > 0 })
        {
            parts.Add(new LiteralPart(escaped.Append(text.AsSpan(start, end - start)).ToString()));
            escaped.Clear();
        }
        else if (end > start)
        {
            parts.Add(new LiteralPart(text[start..end]));
        }
    }

    // Loops, not LINQ: converters ask these for every value of every rule, once per target.

    /// <summary>True when the string has no wildcard and no placeholder.</summary>
    public bool IsPlain
    {
        get
        {
            foreach (var part in Parts)
            {
                if (part is not LiteralPart)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public bool HasWildcards
    {
        get
        {
            foreach (var part in Parts)
            {
                if (part is WildcardMultiPart or WildcardSinglePart)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public bool HasPlaceholders
    {
        get
        {
            foreach (var part in Parts)
            {
                if (part is PlaceholderPart)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public bool StartsWithWildcard => Parts.Count > 0 && Parts[0] is WildcardMultiPart;

    public bool EndsWithWildcard => Parts.Count > 0 && Parts[^1] is WildcardMultiPart;

    /// <summary>The literal text only (wildcards and placeholders dropped).</summary>
    public string PlainText => string.Concat(Parts.OfType<LiteralPart>().Select(p => p.Text));

    public SigmaString Prepend(StringPart part) => part is LiteralPart || !IsMerged ? Create([part, .. Parts], Cased) : WithPart(part, first: true);

    public SigmaString Append(StringPart part) => part is LiteralPart || !IsMerged ? Create([.. Parts, part], Cased) : WithPart(part, first: false);

    /// <summary>True when <see cref="Create"/> would keep the parts as they are: no empty literal, no two literals side by side.</summary>
    private bool IsMerged
    {
        get
        {
            for (var i = 0; i < Parts.Count; i++)
            {
                if (Parts[i] is LiteralPart literal && (literal.Text.Length == 0 || i > 0 && Parts[i - 1] is LiteralPart))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>A wildcard or placeholder added at one end of merged parts: nothing to merge, so one copy of the parts.</summary>
    private SigmaString WithPart(StringPart part, bool first)
    {
        var builder = ImmutableArray.CreateBuilder<StringPart>(Parts.Count + 1);
        if (first)
        {
            builder.Add(part);
        }

        foreach (var existing in Parts)
        {
            builder.Add(existing);
        }

        if (!first)
        {
            builder.Add(part);
        }

        return new SigmaString(builder.MoveToImmutable(), Cased);
    }

    public SigmaString WithCased(bool cased) => this with { Cased = cased };

    /// <summary>Builds a string from parts, merging adjacent literals.</summary>
    public static SigmaString Create(IEnumerable<StringPart> parts, bool cased = false)
    {
        var builder = ImmutableArray.CreateBuilder<StringPart>();
        foreach (var part in parts)
        {
            if (part is LiteralPart { Text.Length: 0 })
            {
                continue;
            }

            if (part is LiteralPart next && builder.Count > 0 && builder[^1] is LiteralPart previous)
            {
                builder[^1] = new LiteralPart(previous.Text + next.Text);
            }
            else
            {
                builder.Add(part);
            }
        }

        return new SigmaString(builder.ToImmutable(), cased);
    }

    /// <summary>The value as Sigma would write it again: wildcards bare, literal wildcards and backslashes escaped where needed.</summary>
    public string ToSigmaText()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Parts.Count; i++)
        {
            switch (Parts[i])
            {
                case LiteralPart literal:
                    AppendEscaped(text, literal.Text, nextIsWildcard: i + 1 < Parts.Count && Parts[i + 1] is WildcardMultiPart or WildcardSinglePart);
                    break;
                case WildcardMultiPart:
                    text.Append('*');
                    break;
                case WildcardSinglePart:
                    text.Append('?');
                    break;
                case PlaceholderPart placeholder:
                    text.Append('%').Append(placeholder.Name).Append('%');
                    break;
            }
        }

        return text.ToString();
    }

    private static void AppendEscaped(StringBuilder text, string literal, bool nextIsWildcard)
    {
        for (var i = 0; i < literal.Length; i++)
        {
            var c = literal[i];
            if (c is '*' or '?')
            {
                text.Append('\\').Append(c);
            }
            else if (c == '\\' && (i + 1 < literal.Length ? literal[i + 1] is '*' or '?' or '\\' : nextIsWildcard))
            {
                // A backslash is only ambiguous before a wildcard or another backslash (in this literal or at the
                // start of the next wildcard part); doubling it there keeps parse(print(x)) == x.
                text.Append("\\\\");
            }
            else
            {
                text.Append(c);
            }
        }
    }

    public override string ToString() => ToSigmaText();
}
