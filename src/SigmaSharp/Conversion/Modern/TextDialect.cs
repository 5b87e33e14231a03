using System.Text.RegularExpressions;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Modern;

/// <summary>Operator precedence, strongest first; an operand binding less strongly than its parent is grouped.</summary>
internal enum Precedence
{
    /// <summary>NOT, AND, OR (SQL, EQL, ES|QL, KQL).</summary>
    NotAndOr,

    /// <summary>NOT, OR, AND (Splunk, Lucene query strings: OR binds more tightly than the implicit AND).</summary>
    NotOrAnd,
}

/// <summary>
/// What one pySigma-family query language looks like, as data — the counterpart of pySigma's TextQueryBackend
/// class attributes. Templates use <c>{field}</c>, <c>{value}</c>, <c>{list}</c>, <c>{op}</c>, <c>{regex}</c>,
/// <c>{expr}</c> ... as named placeholders; a null template means the language cannot express that test.
/// </summary>
internal sealed record TextDialect
{
    public Precedence Precedence { get; init; } = Precedence.NotAndOr;

    /// <summary>Every AND/OR/NOT operand is grouped, whatever the precedence (languages without strict rules).</summary>
    public bool Parenthesize { get; init; }

    public string Group { get; init; } = "({expr})";

    public string TokenSeparator { get; init; } = " ";

    public required string And { get; init; }

    public required string Or { get; init; }

    public required string Not { get; init; }

    public required string Eq { get; init; }

    public string EqExpression { get; init; } = "{field}{eq}{value}";

    public string? FieldQuote { get; init; }

    /// <summary>Matched at the start of the field name; the field is quoted when it does not match (see negation).</summary>
    public Regex? FieldQuotePattern { get; init; }

    public bool FieldQuotePatternNegation { get; init; } = true;

    public string? FieldEscape { get; init; }

    public Regex? FieldEscapePattern { get; init; }

    public string StringQuote { get; init; } = "\"";

    public Regex? StringQuotePattern { get; init; }

    public bool StringQuotePatternNegation { get; init; } = true;

    public string EscapeChar { get; init; } = "\\";

    public string WildcardMulti { get; init; } = "*";

    public string WildcardSingle { get; init; } = "?";

    /// <summary>Characters escaped in addition to the wildcards and the string quote.</summary>
    public string AddEscaped { get; init; } = "\\";

    public string FilterChars { get; init; } = string.Empty;

    public string? StartsWith { get; init; }

    public string? EndsWith { get; init; }

    public string? Contains { get; init; }

    public string? WildcardMatch { get; init; }

    public bool StartsWithAllowSpecial { get; init; }

    public bool EndsWithAllowSpecial { get; init; }

    public bool ContainsAllowSpecial { get; init; }

    public string? CasedMatch { get; init; }

    public string? CasedStartsWith { get; init; }

    public string? CasedEndsWith { get; init; }

    public string? CasedContains { get; init; }

    public (string True, string False) BoolValues { get; init; } = ("true", "false");

    public string? RegexExpression { get; init; }

    public string RegexEscapeChar { get; init; } = "\\";

    public IReadOnlyList<string> RegexEscaped { get; init; } = [];

    public bool RegexEscapeEscapeChar { get; init; } = true;

    /// <summary>Flags as a <c>(?ims)</c> prefix of the pattern; when false, <see cref="RegexFlagTemplates"/> fill <c>{flag_i}</c>...</summary>
    public bool RegexFlagPrefix { get; init; } = true;

    public IReadOnlyDictionary<RegexFlags, string>? RegexFlagTemplates { get; init; }

    public string? Cidr { get; init; }

    public string? Compare { get; init; } = "{field}{op}{value}";

    public string? FieldNull { get; init; }

    public string? FieldExists { get; init; }

    public string? FieldNotExists { get; init; }

    public string? FieldEqualsField { get; init; }

    public bool OrAsIn { get; init; }

    public bool AndAsIn { get; init; }

    public bool InAllowsWildcards { get; init; }

    /// <summary>Expansions (windash, base64offset) become an in-expression when they qualify (Elasticsearch backends).</summary>
    public bool ExpansionAsIn { get; init; }

    public string? FieldInList { get; init; }

    public string? OrInOperator { get; init; }

    public string? AndInOperator { get; init; }

    public string ListSeparator { get; init; } = ", ";

    public string? UnboundString { get; init; }

    public string? UnboundNumber { get; init; }

    public string? UnboundRegex { get; init; }

    public string? TimePartExpression { get; init; }

    public IReadOnlyDictionary<TimePart, string>? TimePartNames { get; init; }
}
