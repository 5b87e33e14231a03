using System.Text.RegularExpressions;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Modern;

/// <summary>Elasticsearch EQL as pySigma-backend-elasticsearch writes it: <c>any where</c>, <c>like~</c> lists, <c>regex~</c>.</summary>
internal sealed partial class EqlBackend(ModernBackendSettings settings) : ModernBackend(settings)
{
    private static readonly TextDialect EqlDialect = new()
    {
        Precedence = Precedence.NotOrAnd,
        Parenthesize = true,
        And = "and",
        Or = "or",
        Not = "not",
        Eq = ":",
        FieldQuote = "`",
        FieldQuotePattern = QuotedFields(),
        FieldQuotePatternNegation = false,
        StringQuote = "\"",
        StringQuotePattern = AnyString(),
        StringQuotePatternNegation = false,
        AddEscaped = "\n\r\t\\\"",
        RegexExpression = "{field} regex~ \"{regex}\"",
        RegexEscaped = ["/"],
        RegexEscapeEscapeChar = false,
        CasedMatch = "{field} == {value}",
        Cidr = "cidrMatch({field}, \"{network}/{prefixlen}\")",
        Compare = "{field} {op} {value}",
        FieldNull = "?{field} == null",
        OrAsIn = true,
        InAllowsWildcards = true,
        ExpansionAsIn = true,
        FieldInList = "{field}{op}({list})",
        OrInOperator = " like~ ",
        ListSeparator = ", ",
        UnboundString = "{value}",
        UnboundNumber = "{value}",
    };

    public static readonly IReadOnlyDictionary<string, string> Formats = new Dictionary<string, string>
    {
        ["default"] = "Plain EQL queries",
        ["eqlapi"] = "EQL queries as JSON bodies of the EQL search API",
    };

    public override string Name => "pysigma-eql";

    protected override TextDialect Dialect => EqlDialect;

    protected override TextQueryRenderer CreateRenderer() => new EqlRenderer(EqlDialect, Settings.PySigmaCompat);

    protected override string FinalizeQuery(SigmaRule rule, string query, int index, IReadOnlyDictionary<string, object?> state, List<SigmaDiagnostic> diagnostics) =>
        Format == "eqlapi" ? new System.Text.Json.Nodes.JsonObject { ["query"] = "any where " + query }.ToJsonString() : "any where " + query;

    [GeneratedRegex(@"^\d.*|.*\s.*|-")]
    private static partial Regex QuotedFields();

    [GeneratedRegex("^$|.*")]
    private static partial Regex AnyString();

    /// <summary>EQL compares an empty string with <c>==</c>; only the compare operators with an equals sign exist for numbers.</summary>
    private sealed class EqlRenderer(TextDialect dialect, bool pySigmaCompat) : ElasticRenderer(dialect, "?{field} != null")
    {
        /// <summary>
        /// EQL's lexer knows only the escapes <c>\b \t \n \f \r \" \' \\</c>: pySigma's backslash before a raw line
        /// break, and its <c>\*</c> / <c>\?</c> for a literal wildcard character, make a query EQL does not parse. Line
        /// breaks get their escapes; a literal <c>*</c> or <c>?</c> is refused, since <c>:</c> reads both as wildcards
        /// and the string has no way to say otherwise (<c>compat=pysigma</c> writes pySigma's text).
        /// </summary>
        public override string StringValue(SigmaString value)
        {
            var text = base.StringValue(value);
            if (pySigmaCompat)
            {
                return text;
            }

            if (value.Parts.OfType<LiteralPart>().Any(l => l.Text.AsSpan().IndexOfAny('*', '?') >= 0))
            {
                NotSupported("a literal '*' or '?' in a value (EQL's ':' reads them as wildcards and its strings cannot escape them)");
            }

            return text.Replace("\\\n", "\\n", StringComparison.Ordinal).Replace("\\\r", "\\r", StringComparison.Ordinal).Replace("\\\t", "\\t", StringComparison.Ordinal);
        }

        protected override string? StringMatch(string field, SigmaString value) =>
            value.Parts.Count == 0 || IsIpAddress(value) ? QuoteField(field) + "==" + StringValue(value) : base.StringMatch(field, value);

        /// <summary>As Python's ipaddress.ip_address: a strict dotted quad, or an IPv6 address.</summary>
        private static bool IsIpAddress(SigmaString value)
        {
            if (!value.IsPlain)
            {
                return false;
            }

            var text = value.PlainText;
            if (text.Contains(':', StringComparison.Ordinal))
            {
                return System.Net.IPAddress.TryParse(text, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !text.Contains('%', StringComparison.Ordinal);
            }

            var octets = text.Split('.');
            return octets.Length == 4 && octets.All(o => o.Length is > 0 and <= 3 && o.All(char.IsAsciiDigit) && (o.Length == 1 || o[0] != '0') && int.Parse(o, System.Globalization.CultureInfo.InvariantCulture) <= 255);
        }

        protected override string? FieldValue(CField node, bool negated)
        {
            if (node.Value is SigmaCompare { Operator: Rules.Values.CompareOperator.LessThan or Rules.Values.CompareOperator.GreaterThan })
            {
                NotSupported("strict comparisons ('lt', 'gt' modifiers) in EQL");
                return null;
            }

            return base.FieldValue(node, negated);
        }
    }
}
