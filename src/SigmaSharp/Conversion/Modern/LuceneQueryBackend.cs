using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Modern;

/// <summary>
/// Elasticsearch query strings as pySigma-backend-elasticsearch writes them: every operand grouped, values escaped
/// instead of quoted, <c>field:(a OR b)</c> lists, null as <c>NOT _exists_</c>; formats <c>default</c>,
/// <c>dsl_lucene</c> and <c>kibana_ndjson</c>.
/// </summary>
internal sealed partial class LuceneQueryBackend(ModernBackendSettings settings) : ModernBackend(settings)
{
    private static readonly TextDialect LuceneDialect = new()
    {
        Precedence = Precedence.NotOrAnd,
        Parenthesize = true,
        And = "AND",
        Or = "OR",
        Not = "NOT",
        Eq = ":",
        FieldEscape = "\\",
        FieldEscapePattern = FieldEscapes(),
        StringQuote = "\"",
        StringQuotePattern = EmptyString(),
        StringQuotePatternNegation = false,
        AddEscaped = "+-=&|!(){}[]<>^\"~*?:\\/ ",
        RegexExpression = "{field}:/{regex}/",
        RegexEscaped = ["/"],
        RegexEscapeEscapeChar = false,
        Cidr = "{field}:{network}\\/{prefixlen}",
        Compare = "{field}:{op}{value}",
        FieldNull = "NOT _exists_:{field}",
        FieldExists = "_exists_:{field}",
        FieldNotExists = "NOT _exists_:{field}",
        OrAsIn = true,
        InAllowsWildcards = true,
        ExpansionAsIn = true,
        FieldInList = "{field}{op}({list})",
        OrInOperator = ":",
        ListSeparator = " OR ",
        UnboundString = "*{value}*",
        UnboundNumber = "{value}",
    };

    /// <summary>
    /// Lucene's query parser splits terms at tabs, line feeds, carriage returns and U+3000 as at spaces, so those are
    /// escaped too; pySigma escapes only the space (<c>compat=pysigma</c> keeps that), and a value ending in a line
    /// feed then became <c>f:*</c> followed by a blank, matching everything.
    /// </summary>
    private static readonly TextDialect EscapedWhitespaceDialect = LuceneDialect with { AddEscaped = LuceneDialect.AddEscaped + "\t\n\r\u3000" };

    public static readonly IReadOnlyDictionary<string, string> Formats = new Dictionary<string, string>
    {
        ["default"] = "Plain Elasticsearch Lucene queries",
        ["dsl_lucene"] = "Elasticsearch query DSL with embedded Lucene queries",
        ["kibana_ndjson"] = "Kibana NDJSON import file with Lucene queries",
    };

    public override string Name => "pysigma-lucene";

    protected override TextDialect Dialect => LuceneDialect;

    protected override TextQueryRenderer CreateRenderer() =>
        Settings.PySigmaCompat ? new ElasticRenderer(LuceneDialect, "_exists_:{field}", escapeIpv6Colons: true) : new LuceneRenderer(EscapedWhitespaceDialect);

    protected override string FinalizeQuery(SigmaRule rule, string query, int index, IReadOnlyDictionary<string, object?> state, List<SigmaDiagnostic> diagnostics) => Format switch
    {
        "dsl_lucene" => new JsonObject
        {
            ["query"] = new JsonObject
            {
                ["bool"] = new JsonObject { ["must"] = new JsonArray(QueryString(query)) },
            },
        }.ToJsonString(),
        "kibana_ndjson" => KibanaSavedSearch(rule, query),
        _ => query,
    };

    private static readonly string[] PreTags = ["@kibana-highlighted-field@"];
    private static readonly string[] PostTags = ["@/kibana-highlighted-field@"];
    private static readonly string[] Sort = ["@timestamp", "desc"];

    private static JsonObject QueryString(string query) =>
        new() { ["query_string"] = new JsonObject { ["query"] = query, ["analyze_wildcard"] = true } };

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)v)];

    private static string KibanaSavedSearch(SigmaRule rule, string query)
    {
        const string index = "beats-*";
        var source = new JsonObject
        {
            ["index"] = index,
            ["filter"] = new JsonArray(),
            ["highlight"] = new JsonObject
            {
                ["pre_tags"] = Strings(PreTags),
                ["post_tags"] = Strings(PostTags),
                ["fields"] = new JsonObject { ["*"] = new JsonObject() },
                ["require_field_match"] = false,
                ["fragment_size"] = 2147483647,
            },
            ["query"] = QueryString(query),
        }.ToJsonString();
        return new JsonObject
        {
            ["id"] = rule.Id ?? string.Empty,
            ["type"] = "search",
            ["attributes"] = new JsonObject
            {
                ["title"] = "SIGMA - " + rule.Title,
                ["description"] = rule.Info.Description,
                ["hits"] = 0,
                ["columns"] = new JsonArray(),
                ["sort"] = Strings(Sort),
                ["version"] = 1,
                ["kibanaSavedObjectMeta"] = new JsonObject { ["searchSourceJSON"] = source },
            },
            ["references"] = new JsonArray(new JsonObject { ["id"] = index, ["name"] = "kibanaSavedObjectMeta.searchSourceJSON.index", ["type"] = "index-pattern" }),
        }.ToJsonString();
    }

    protected override string? FinalizeOutput(IReadOnlyList<string> queries) => Format switch
    {
        "dsl_lucene" => "[" + string.Join(",", queries) + "]",
        "kibana_ndjson" => string.Join("\n", queries),
        _ => null,
    };

    [GeneratedRegex(@"[\s*]")]
    private static partial Regex FieldEscapes();

    [GeneratedRegex("^$")]
    private static partial Regex EmptyString();
}

/// <summary>
/// pySigma's Lucene output with the rule's regular expressions translated to Lucene's syntax
/// (<see cref="Conversion.LuceneRegex"/>): pySigma writes them as written, which Lucene reads as a match of the whole
/// value with other meanings for <c>\d</c>, <c>\s</c>, <c>(?:</c>, <c>"</c>, <c>@</c> ... (<c>compat=pysigma</c> keeps
/// pySigma's form).
/// </summary>
internal sealed class LuceneRenderer(TextDialect dialect) : ElasticRenderer(dialect, "_exists_:{field}", escapeIpv6Colons: true)
{
    protected override string? RegexMatch(string field, SigmaRegex regex)
    {
        var translated = Conversion.LuceneRegex.Translate(regex, out var unsupported);
        if (translated is null)
        {
            NotSupported("this regular expression in Lucene's syntax: " + unsupported);
            return null;
        }

        return QuoteField(field) + ":/" + translated + "/";
    }
}

/// <summary>
/// The Elasticsearch backends' shared quirks: a negated null test is an existence test without NOT, a null test is
/// always grouped, field references are not expressible, IPv6 networks have their colons escaped (Lucene).
/// </summary>
internal class ElasticRenderer(TextDialect dialect, string notNull, bool escapeIpv6Colons = false) : TextQueryRenderer(dialect)
{
    protected override string? Negated(CNot not) =>
        not.Item is CField { Value: SigmaNull } field ? Template.Format(notNull, ("field", field.Field)) : base.Negated(not);

    protected override bool NeedsNoGroup(CNode outer, CNode inner) => inner switch
    {
        CNot { Item: CField { Value: SigmaNull } } => true,
        CField { Value: SigmaNull } => false,
        _ => base.NeedsNoGroup(outer, inner),
    };

    protected override string? CidrMatch(string field, SigmaCidr cidr)
    {
        var text = base.CidrMatch(field, cidr);
        if (text is null || !escapeIpv6Colons || !cidr.Network.BaseAddress.ToString().Contains(':', StringComparison.Ordinal))
        {
            return text;
        }

        var first = text.IndexOf(':', StringComparison.Ordinal);
        return text[..(first + 1)] + text[(first + 1)..].Replace(":", "\\:", StringComparison.Ordinal);
    }

    protected override string? FieldReference(string field, SigmaFieldRef reference)
    {
        NotSupported("comparing two fields ('fieldref' modifier)");
        return null;
    }
}
