using System.Text.RegularExpressions;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Modern;

/// <summary>
/// Kusto (KQL) for Microsoft Sentinel / Defender as pySigma-backend-kusto writes it: <c>=~</c>, <c>in~</c>,
/// startswith/endswith/contains, <c>matches regex</c>, <c>not(...)</c>. The table comes from the pipeline state
/// <c>query_table</c> (<c>-O table=...</c> overrides), giving <c>Table\n| where ...</c>.
/// </summary>
internal sealed partial class KustoBackend(ModernBackendSettings settings) : ModernBackend(settings)
{
    private static readonly TextDialect KqlDialect = new()
    {
        And = "and",
        Or = "or",
        Not = "not",
        Eq = " =~ ",
        FieldQuote = "'",
        FieldQuotePattern = WordField(),
        FieldEscape = string.Empty,
        FieldEscapePattern = Whitespace(),
        StringQuote = "\"",
        WildcardSingle = "*",
        AddEscaped = "\\",
        StartsWith = "{field} startswith {value}",
        EndsWith = "{field} endswith {value}",
        Contains = "{field} contains {value}",
        WildcardMatch = "{field} matches regex \"{regex}\"",
        RegexExpression = "{field} matches regex \"{regex}\"",
        RegexEscaped = ["\""],
        Cidr = "ipv4_is_in_range({field}, \"{value}\")",
        Compare = "{field} {op} {value}",
        FieldNull = "isnull({field})",
        FieldExists = "isnotempty({field})",
        FieldNotExists = "isempty({field})",
        OrAsIn = true,
        AndAsIn = true,
        InAllowsWildcards = true,
        FieldInList = "{field} {op} ({list})",
        OrInOperator = "in~",
        AndInOperator = "has_all",
        UnboundString = "{value}",
        UnboundNumber = "{value}",
        UnboundRegex = "_=~{value}",
    };

    public static readonly IReadOnlyDictionary<string, string> Formats = new Dictionary<string, string>
    {
        ["default"] = "KQL queries (Microsoft Sentinel / Defender advanced hunting)",
    };

    public override string Name => "pysigma-kusto";

    protected override TextDialect Dialect => KqlDialect;

    protected override TextQueryRenderer CreateRenderer() => new KqlRenderer(KqlDialect);

    protected override string FinalizeQuery(SigmaRule rule, string query, int index, IReadOnlyDictionary<string, object?> state, List<SigmaDiagnostic> diagnostics)
    {
        var table = Options.OptionalString("table") ?? state.GetValueOrDefault("query_table") switch
        {
            IEnumerable<string> list => list.FirstOrDefault(),
            string text => text,
            _ => null,
        };
        if (!Settings.PySigmaCompat)
        {
            query = EscapeLineBreaks(query);
        }

        return table is null ? query : $"{table}\n| where {query}";
    }

    /// <summary>
    /// KQL string literals cannot hold a raw line feed or carriage return (pySigma wrote them as they were, so the
    /// query did not parse); <c>compat=pysigma</c> keeps them. The renderer writes no such character outside a quoted
    /// string or field name, so each one found in the condition is inside a literal, where its escape means itself.
    /// </summary>
    private static string EscapeLineBreaks(string condition) =>
        condition.AsSpan().IndexOfAny('\n', '\r', '\t') < 0
            ? condition
            : condition.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);

    [GeneratedRegex(@"^\w+$")]
    private static partial Regex WordField();

    [GeneratedRegex(@"\s")]
    private static partial Regex Whitespace();

    /// <summary>KQL has no wildcards: lists keep plain values in <c>in~</c> and test wildcard values one by one.</summary>
    private sealed partial class KqlRenderer(TextDialect dialect) : TextQueryRenderer(dialect)
    {
        public override string StringValue(SigmaString value) => base.StringValue(value).Replace("\\*", "*", StringComparison.Ordinal);

        protected override string? FieldValue(CField node, bool negated) =>
            node.Value is SigmaNumber n ? QuoteField(node.Field) + " == " + n.Text : base.FieldValue(node, negated);

        protected override string? Negated(CNot not)
        {
            var inner = not.Item is CAnd or COr or CNot ? GroupOf(not.Item) : Render(not.Item);
            return inner is null ? null : Dialect.Not + "(" + inner + ")";
        }

        protected override string? InExpression(IReadOnlyList<CNode> items, string op)
        {
            var field = QuoteField(((CField)items[0]).Field);
            var joiner = op == Dialect.OrInOperator ? " or " : " and ";
            var plain = items.Select(i => ((CField)i).Value).Where(v => v is SigmaNumber || v is SigmaString { HasWildcards: false, HasPlaceholders: false }).ToList();
            var parts = new List<string>();
            if (plain.Count > 0)
            {
                parts.Add(Template.Format(Dialect.FieldInList!, ("field", field), ("op", op), ("list", string.Join(Dialect.ListSeparator, plain.Select(v => v is SigmaString s ? StringValue(s) : StringValue(SigmaString.FromLiteral(((SigmaNumber)v).Text)))))));
            }

            foreach (var value in items.Select(i => ((CField)i).Value).OfType<SigmaString>().Where(s => s.HasWildcards))
            {
                var middle = value.Parts.Skip(1).Take(Math.Max(value.Parts.Count - 2, 0)).Any(p => p is not LiteralPart);
                parts.Add(middle
                    ? "(" + string.Join(" and ", value.Parts.OfType<LiteralPart>().Select(l => Template.Format(Dialect.Contains!, ("field", field), ("value", StringValue(SigmaString.FromLiteral(l.Text)))))) + ")"
                    : StringMatch(((CField)items[0]).Field, value) ?? string.Empty);
            }

            return string.Join(joiner, parts);
        }
    }
}
