using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Modern;

/// <summary>
/// SQLite SQL as pySigma-backend-sqlite (the Zircolite backend) writes it: <c>LIKE ... ESCAPE '\'</c> for
/// wildcards, <c>GLOB</c> for cased strings, <c>REGEXP</c>; formats <c>default</c> (table from the <c>table</c>
/// option, <c>&lt;TABLE_NAME&gt;</c> by default) and <c>zircolite</c>.
/// </summary>
internal sealed partial class SqliteBackend(ModernBackendSettings settings) : ModernBackend(settings)
{
    internal static readonly TextDialect SqlDialect = new()
    {
        Parenthesize = true,
        And = "AND",
        Or = "OR",
        Not = "NOT",
        Eq = "=",
        FieldQuote = "`",
        FieldQuotePattern = PlainField(),
        StringQuote = "'",
        WildcardMulti = "%",
        WildcardSingle = "_",
        AddEscaped = "\\",
        StartsWith = "{field} LIKE '{value}%' ESCAPE '\\'",
        EndsWith = "{field} LIKE '%{value}' ESCAPE '\\'",
        Contains = "{field} LIKE '%{value}%' ESCAPE '\\'",
        WildcardMatch = "{field} LIKE '{value}' ESCAPE '\\'",
        CasedMatch = "{field} GLOB {value} ESCAPE '\\'",
        RegexExpression = "{field} REGEXP '{regex}'",
        RegexEscapeChar = string.Empty,
        Compare = "{field} {op} {value}",
        FieldEqualsField = "{field1}={field2}",
        FieldNull = "{field} IS NULL",
        FieldExists = "{field} = {field}",
        TimePartExpression = "CAST(strftime('{timestamp_part}', {field}) AS INTEGER)",
        TimePartNames = new Dictionary<TimePart, string>
        {
            [TimePart.Minute] = "%M",
            [TimePart.Hour] = "%H",
            [TimePart.Day] = "%d",
            [TimePart.Week] = "%W",
            [TimePart.Month] = "%m",
            [TimePart.Year] = "%Y",
        },
    };

    public static readonly IReadOnlyDictionary<string, string> Formats = new Dictionary<string, string>
    {
        ["default"] = "Plain SQLite queries",
        ["zircolite"] = "Zircolite JSON format",
    };

    public override string Name => "pysigma-sqlite";

    protected override TextDialect Dialect => SqlDialect;

    protected override TextQueryRenderer CreateRenderer() => new SqlRenderer(SqlDialect, Settings.PySigmaCompat);

    internal string Table => Options.String("table", "<TABLE_NAME>");

    protected override string FinalizeQuery(SigmaRule rule, string query, int index, IReadOnlyDictionary<string, object?> state, List<SigmaDiagnostic> diagnostics) =>
        Format == "zircolite" ? Zircolite(rule, $"SELECT * FROM logs WHERE {query}") : $"SELECT * FROM {Table} WHERE {query}";

    private static string Zircolite(SigmaRule rule, string query) => new JsonObject
    {
        ["title"] = rule.Title,
        ["id"] = rule.Id ?? string.Empty,
        ["status"] = rule.Info.Status?.ToString().ToLowerInvariant() ?? string.Empty,
        ["description"] = rule.Info.Description ?? string.Empty,
        ["author"] = rule.Info.Author ?? string.Empty,
        ["tags"] = Strings(rule.Info.Tags.Select(t => t.ToString())),
        ["falsepositives"] = Strings(rule.Info.FalsePositives),
        ["level"] = rule.Level?.ToString().ToLowerInvariant() ?? string.Empty,
        ["rule"] = new JsonArray(query),
        ["filename"] = string.Empty,
        ["channel"] = FieldValues(rule, "Channel"),
        ["eventid"] = FieldValues(rule, "EventID"),
    }.ToJsonString();

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)v)];

    /// <summary>The distinct values the rule compares a field with, numbers kept as JSON numbers, in ordinal text order.</summary>
    private static JsonArray FieldValues(SigmaRule rule, string field) =>
        [.. Pipelines.Processing.DetectionItems.All(rule)
            .Where(i => string.Equals(i.Field, field, StringComparison.OrdinalIgnoreCase))
            .SelectMany(i => i.Values)
            .Select(v => v is SigmaNumber n ? (Key: n.Value.ToString(CultureInfo.InvariantCulture), Number: (SigmaNumber?)n) : (Key: v.ToString() ?? string.Empty, Number: null))
            .DistinctBy(v => v.Number is null ? "s:" + v.Key : "n:" + v.Key)
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => v.Number is { } n ? JsonValue.Create(n.Value) : (JsonNode)JsonValue.Create(v.Key))];

    protected override string? FinalizeOutput(IReadOnlyList<string> queries) =>
        Format == "zircolite" ? "[" + string.Join(", ", queries) + "]" : null;

    protected override List<string> ConvertCorrelation(CorrelationRule rule, IReadOnlyDictionary<string, object?> state, List<SigmaDiagnostic> diagnostics) =>
        CorrelationQueries.Sqlite(this, rule, diagnostics);

    [GeneratedRegex("^[a-zA-Z0-9_]*$")]
    private static partial Regex PlainField();

    /// <summary>
    /// SQL doubles the quote, LIKE templates carry their own quotes, CIDR becomes prefix patterns, and a negation is
    /// <c>(x) IS NOT TRUE</c>: a test of a NULL column (a field the event lacks) is NULL, which <c>NOT (x)</c> keeps
    /// NULL, so pySigma's <c>NOT</c> drops every event without the field, where the rule's NOT matches it
    /// (<c>compat=pysigma</c> writes <c>NOT</c>).
    /// </summary>
    private sealed class SqlRenderer(TextDialect dialect, bool pySigmaCompat) : TextQueryRenderer(dialect)
    {
        /// <summary>SQLite refuses expressions nested deeper than 1,000; a longer AND/OR chain is cut into groups.</summary>
        private const int MaxChain = 500;

        public override string? Render(CNode node)
        {
            if (!pySigmaCompat && node is COr { Items.Count: > MaxChain } or)
            {
                return Render(new COr([.. or.Items.Chunk(MaxChain).Select(c => c.Length == 1 ? c[0] : (CNode)new COr(c))]));
            }

            if (!pySigmaCompat && node is CAnd { Items.Count: > MaxChain } and)
            {
                return Render(new CAnd([.. and.Items.Chunk(MaxChain).Select(c => c.Length == 1 ? c[0] : (CNode)new CAnd(c))]));
            }

            return base.Render(node);
        }

        /// <summary>
        /// A regular expression is an SQL string: its quotes are doubled (pySigma left them, ending the string).
        /// </summary>
        protected override string? RegexMatch(string field, SigmaRegex regex) =>
            !pySigmaCompat && base.RegexMatch(field, regex) is { } text
                ? text[..(text.IndexOf(" REGEXP '", StringComparison.Ordinal) + 9)] + RegexText(regex).Replace("'", "''", StringComparison.Ordinal) + "'"
                : base.RegexMatch(field, regex);

        /// <summary>
        /// A boolean is compared as the text Zircolite stores (EVTX fields hold "true"/"false"); pySigma's bare
        /// <c>true</c> is the integer 1 in SQLite and never equals that text.
        /// </summary>
        protected override string? FieldValue(CField node, bool negated) =>
            !pySigmaCompat && node.Value is SigmaBool b
                ? QuoteField(node.Field) + "=" + (b.Value ? "'true'" : "'false'")
                : base.FieldValue(node, negated);

        protected override string? Negated(CNot not)
        {
            if (pySigmaCompat)
            {
                return base.Negated(not);
            }

            var inner = not.Item switch
            {
                CAnd or COr or CNot => GroupOf(not.Item),
                CField field => FieldValue(field, negated: true) is { } test ? "(" + test + ")" : null,
                _ => Render(not.Item) is { } text ? "(" + text + ")" : null,
            };
            return inner is null ? null : inner + " IS NOT TRUE";
        }

        public override string StringValue(SigmaString value) => Quoted(value, quote: true, glob: false);

        private string Quoted(SigmaString value, bool quote, bool glob)
        {
            var converted = Escape(value, Dialect.EscapeChar, glob ? "*" : "%", glob ? "?" : "_", Dialect.AddEscaped).Replace("'", "''", StringComparison.Ordinal);
            return quote ? "'" + converted + "'" : converted;
        }

        protected override string? StringMatch(string field, SigmaString value)
        {
            if (value.HasPlaceholders)
            {
                NotSupported("placeholders ('expand' modifier) must be replaced by a pipeline before conversion");
                return null;
            }

            var parts = value.Parts;
            string template;
            SigmaString shown;
            if (value.EndsWithWildcard && !HasSpecial(parts, 0, parts.Count - 1))
            {
                (template, shown) = (Dialect.StartsWith!, Slice(value, 0, parts.Count - 1));
            }
            else if (value.StartsWithWildcard && !HasSpecial(parts, 1, parts.Count))
            {
                (template, shown) = (Dialect.EndsWith!, Slice(value, 1, parts.Count));
            }
            else if (parts.Count >= 2 && value.StartsWithWildcard && value.EndsWithWildcard && !HasSpecial(parts, 1, parts.Count - 1))
            {
                (template, shown) = (Dialect.Contains!, Slice(value, 1, parts.Count - 1));
            }
            else if (value.HasWildcards || value.PlainText.AsSpan().IndexOfAny("%_\\") >= 0)
            {
                (template, shown) = (Dialect.WildcardMatch!, value);
            }
            else
            {
                return QuoteField(field) + "=" + Quoted(value, quote: true, glob: false);
            }

            return Template.Format(template, ("field", QuoteField(field)), ("value", Quoted(shown, quote: false, glob: false)));
        }

        /// <summary>
        /// GLOB takes no ESCAPE clause (SQLite: "wrong number of arguments to function GLOB()") and has no escape
        /// character: a literal <c>*</c>, <c>?</c> or <c>[</c> is written as a one-character class. pySigma writes
        /// <c>GLOB ... ESCAPE '\'</c>, which <c>compat=pysigma</c> keeps.
        /// </summary>
        protected override string? CasedString(string field, SigmaString value)
        {
            if (pySigmaCompat)
            {
                return Template.Format(Dialect.CasedMatch!, ("field", QuoteField(field)), ("value", Quoted(value, quote: true, glob: true)));
            }

            if (value.HasPlaceholders)
            {
                NotSupported("placeholders ('expand' modifier) must be replaced by a pipeline before conversion");
                return null;
            }

            return QuoteField(field) + " GLOB '" + GlobPattern(value).Replace("'", "''", StringComparison.Ordinal) + "'";
        }

        private static string GlobPattern(SigmaString value) =>
            WildcardPattern.Append(new System.Text.StringBuilder(), value, "*", "?", (pattern, c) =>
                pattern.Append(c is '*' or '?' or '[' ? "[" + c + "]" : c.ToString())).ToString();

        protected override string? CidrMatch(string field, SigmaCidr cidr)
        {
            var prefixes = cidr.Network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? Ipv4Prefixes(cidr.Network) : Ipv6Prefixes(cidr.Network);
            var items = prefixes.Select(p => (CNode)new CField(field, SigmaString.Parse(p))).ToList();
            return items.Count == 1 ? Render(items[0]) : Render(new COr(items));
        }

        /// <summary>The network as wildcard patterns on whole octets, as pySigma's SigmaCIDRExpression.expand.</summary>
        private static List<string> Ipv4Prefixes(IPNetwork network)
        {
            var octets = (network.PrefixLength + 7) / 8;
            if (octets == 0)
            {
                return ["*"];
            }

            var bytes = network.BaseAddress.GetAddressBytes();
            var start = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
            var count = 1u << ((octets * 8) - network.PrefixLength);
            var step = octets == 4 ? 1u : 1u << (32 - (octets * 8));
            var result = new List<string>();
            for (var i = 0u; i < count && result.Count < 65_536; i++)
            {
                var address = start + (i * step);
                var parts = Enumerable.Range(0, octets).Select(o => ((address >> (24 - (8 * o))) & 0xFF).ToString(CultureInfo.InvariantCulture));
                result.Add(string.Join(".", parts) + (octets < 4 ? ".*" : string.Empty));
            }

            return result;
        }

        /// <summary>
        /// IPv6 networks as pySigma expands them: aligned to whole hex digits, each subnet written compressed and cut
        /// where its first and last addresses differ, then a wildcard.
        /// </summary>
        private static List<string> Ipv6Prefixes(IPNetwork network)
        {
            var extra = (4 - (network.PrefixLength % 4)) % 4;
            var result = new List<string>();
            var baseValue = new System.Numerics.BigInteger(network.BaseAddress.GetAddressBytes(), isUnsigned: true, isBigEndian: true);
            var prefix = network.PrefixLength + extra;
            var size = System.Numerics.BigInteger.One << (128 - prefix);
            for (var i = 0; i < (1 << extra); i++)
            {
                var first = baseValue + (i * size);
                var last = first + size - 1;
                var firstText = Address(first);
                var lastText = Address(last);
                var cut = 0;
                while (cut < firstText.Length && cut < lastText.Length && firstText[cut] == lastText[cut])
                {
                    cut++;
                }

                result.Add(cut == firstText.Length && cut == lastText.Length ? firstText : $"{firstText}/{prefix}"[..cut] + "*");
            }

            return result;
        }

        private static string Address(System.Numerics.BigInteger value)
        {
            var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
            var full = new byte[16];
            bytes.CopyTo(full, 16 - bytes.Length);
            return new IPAddress(full).ToString();
        }

        protected override string? FieldReference(string field, SigmaFieldRef reference)
        {
            var (f1, f2) = (QuoteField(field), QuoteField(reference.Field));
            return (reference.StartsWith, reference.EndsWith) switch
            {
                (true, true) => $"{f1} LIKE '%' || {f2} || '%' ESCAPE '\\'",
                (true, false) => $"{f1} LIKE {f2} || '%' ESCAPE '\\'",
                (false, true) => $"{f1} LIKE '%' || {f2} ESCAPE '\\'",
                _ => $"{f1}={f2}",
            };
        }

        protected override string? Keyword(SigmaValue value)
        {
            NotSupported("keyword (field-less) values: SQLite has no full-text search on plain tables");
            return null;
        }
    }
}
