using System.Text;
using System.Text.RegularExpressions;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Modern;

/// <summary>Elasticsearch ES|QL as pySigma-backend-elasticsearch writes it: <c>from * metadata ... | where</c>.</summary>
internal sealed partial class EsqlBackend(ModernBackendSettings settings) : ModernBackend(settings)
{
    internal static readonly TextDialect EsqlDialect = new()
    {
        And = "and",
        Or = "or",
        Not = "not",
        Eq = "==",
        FieldQuote = "`",
        FieldQuotePattern = PlainField(),
        StringQuote = "\"",
        AddEscaped = "\\",
        StartsWith = "starts_with({field}, {value})",
        EndsWith = "ends_with({field}, {value})",
        WildcardMatch = "{field} like {value}",
        RegexExpression = "{field} rlike \"{regex}\"",
        RegexEscaped = ["\""],
        Cidr = "cidr_match({field}, \"{value}\")",
        FieldEqualsField = "{field1}=={field2}",
        FieldNull = "{field} is null",
        FieldExists = "{field} is not null",
        FieldNotExists = "{field} is null",
        OrAsIn = true,
        FieldInList = "{field} {op} ({list})",
        OrInOperator = "in",
    };

    public static readonly IReadOnlyDictionary<string, string> Formats = new Dictionary<string, string>
    {
        ["default"] = "Plain ES|QL queries",
    };

    public override string Name => "pysigma-esql";

    protected override TextDialect Dialect => EsqlDialect;

    protected override TextQueryRenderer CreateRenderer() => Settings.PySigmaCompat ? base.CreateRenderer() : new EsqlRenderer(EsqlDialect);

    protected override string FinalizeQuery(SigmaRule rule, string query, int index, IReadOnlyDictionary<string, object?> state, List<SigmaDiagnostic> diagnostics)
    {
        var source = state.GetValueOrDefault("index") switch
        {
            IEnumerable<string> list => string.Join(",", list),
            string text => text,
            _ => "*",
        };
        var metadata = state.GetValueOrDefault("metadata")?.ToString() ?? "_id, _index, _version";
        return $"from {source} metadata {metadata} | where {query}";
    }

    protected override List<string> ConvertCorrelation(CorrelationRule rule, IReadOnlyDictionary<string, object?> state, List<SigmaDiagnostic> diagnostics) =>
        [.. CorrelationQueries.Esql(this, rule, diagnostics).Select(q => $"from * metadata _id, _index, _version | where {q}")];

    [GeneratedRegex(@"^[\w.]+$")]
    private static partial Regex PlainField();

    /// <summary>
    /// ES|QL string literals as its lexer reads them: only <c>\t \n \r \" \\</c> are escapes, and a raw line
    /// break ends nothing but the query. In a <c>like</c> pattern (a value with wildcards) a literal <c>\ * ?</c>
    /// is escaped for LIKE first, and that backslash is itself written <c>\\</c> in the string. pySigma escaped
    /// both with one backslash: <c>\*</c> is not a string escape, and <c>"C:\\Windows\\*"</c> reached LIKE
    /// as <c>C:\Windows\*</c>, whose <c>\*</c> is a literal star (<c>compat=pysigma</c> writes that).
    /// </summary>
    private sealed class EsqlRenderer(TextDialect dialect) : TextQueryRenderer(dialect)
    {
        public override string StringValue(SigmaString value)
        {
            var like = value.HasWildcards;
            var text = WildcardPattern.Append(new StringBuilder().Append('"'), value, "*", "?", (into, c) =>
            {
                if (like && c is '\\' or '*' or '?')
                {
                    into.Append(@"\\");
                }

                into.Append(c switch
                {
                    '\\' => @"\\",
                    '"' => "\\\"",
                    '\n' => @"\n",
                    '\r' => @"\r",
                    '\t' => @"\t",
                    _ => c.ToString(),
                });
            });

            return text.Append('"').ToString();
        }
    }
}
