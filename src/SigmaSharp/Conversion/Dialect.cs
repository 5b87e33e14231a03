namespace SigmaSharp.Conversion;

/// <summary>
/// What a text query language looks like, as data: tokens, grouping, lists, values, null tests, and which characters
/// of a value are escaped. <c>{0}</c>/<c>{1}</c> in the expressions are field and value.
/// </summary>
internal sealed record Dialect
{
    public required string And { get; init; }

    public required string Or { get; init; }

    public required string Not { get; init; }

    public string Group { get; init; } = "({0})";

    public string List { get; init; } = "({0})";

    public required string ListSeparator { get; init; }

    public string Value { get; init; } = "\"{0}\"";

    public required string Null { get; init; }

    public required string NotNull { get; init; }

    public required string FieldValue { get; init; }

    /// <summary>When set, a field with a list of values uses this form instead of <see cref="FieldValue"/> with a list.</summary>
    public string? FieldList { get; init; }

    /// <summary>Characters preceded by a backslash in values.</summary>
    public string EscapedCharacters { get; init; } = "\"";

    /// <summary>Every whitespace character is escaped too (Lucene).</summary>
    public bool EscapeWhitespace { get; init; }

    /// <summary>
    /// A backslash not before <c>*</c>, <c>?</c> or another backslash (and not after one) is doubled, so that
    /// the target reads it as one literal backslash, while <c>\*</c> stays an escaped wildcard.
    /// </summary>
    public bool EscapeLoneBackslash { get; init; } = true;

    /// <summary>Two-character operators escaped as a whole (Lucene's <c>&amp;&amp;</c>, <c>||</c>).</summary>
    public IReadOnlyList<string> EscapedPairs { get; init; } = [];

    /// <summary>A backslash before <c>u</c> is escaped even after another backslash (Lucene unicode escapes).</summary>
    public bool EscapeUnicodeMarker { get; init; }

    /// <summary>Field = number comparisons; null when the language has none. {0} field, {1} operator, {2} number.</summary>
    public string? Compare { get; init; }

    /// <summary>Field exists / does not exist; null when not expressible.</summary>
    public string? Exists { get; init; }

    public string? NotExists { get; init; }

    /// <summary>A CIDR network test; {0} field, {1} escaped network text. Null when not expressible.</summary>
    public string? Cidr { get; init; }
}
