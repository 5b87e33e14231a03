using System.Text.RegularExpressions;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Modern;

/// <summary>
/// Splunk SPL as pySigma-backend-splunk writes it: implicit AND binding less than OR, <c>IN</c> lists, regular
/// expressions deferred to <c>| regex</c> (or <c>| rex</c> + <c>| eval</c> under an OR), output formats
/// <c>default</c>, <c>savedsearches</c> and <c>data_model</c>.
/// </summary>
internal sealed partial class SplunkSplBackend(ModernBackendSettings settings) : ModernBackend(settings)
{
    internal static readonly TextDialect SplDialect = new()
    {
        Precedence = Precedence.NotOrAnd,
        And = " ",
        Or = "OR",
        Not = "NOT",
        Eq = "=",
        FieldQuote = "\"",
        FieldQuotePattern = FieldPattern(),
        StringQuote = "\"",
        WildcardSingle = "*",
        AddEscaped = "\\",
        RegexExpression = "{regex}",
        RegexEscaped = ["\""],
        Cidr = "{field}=\"{value}\"",
        FieldNull = "NOT {field}=*",
        FieldExists = "{field}=*",
        FieldNotExists = "NOT {field}=*",
        OrAsIn = true,
        InAllowsWildcards = true,
        FieldInList = "{field} {op} ({list})",
        OrInOperator = "IN",
        UnboundString = "{value}",
        UnboundNumber = "{value}",
        UnboundRegex = "{value}",
    };

    public static readonly IReadOnlyDictionary<string, string> Formats = new Dictionary<string, string>
    {
        ["default"] = "Plain SPL queries",
        ["savedsearches"] = "Plain SPL in a savedsearches.conf file",
        ["data_model"] = "Data model queries with tstats",
    };

    public override string Name => "pysigma-splunk";

    protected override TextDialect Dialect => SplDialect;

    protected override TextQueryRenderer CreateRenderer() => new SplunkRenderer(SplDialect);

    protected override string? FinishQuery(SigmaRule rule, string? expression, TextQueryRenderer renderer, IReadOnlyDictionary<string, object?> state)
    {
        var splunk = (SplunkRenderer)renderer;
        var query = expression ?? (renderer.Deferred.Count > 0 || splunk.RexParts.Count > 0 ? "*" : null);
        if (query is null)
        {
            return null;
        }

        if (splunk.RexParts.Count > 0)
        {
            query = MoveLeadingTermsFirst("\n| " + string.Join("\n| ", splunk.RexParts) + "\n| search " + query, splunk.RexConditionFields);
        }

        return renderer.Deferred.Count > 0 ? query + "\n| " + string.Join("\n| ", renderer.Deferred) : query;
    }

    /// <summary>Leading field=value terms that no rex/eval computes go before the rex commands (index/source first).</summary>
    private static string MoveLeadingTermsFirst(string query, HashSet<string> computed)
    {
        const string marker = "\n| search ";
        var at = query.IndexOf(marker, StringComparison.Ordinal);
        var rex = query[..at];
        var search = query[(at + marker.Length)..];
        var prefix = new List<string>();
        var position = 0;
        while (position < search.Length && LeadingTerm().Match(search, position) is { Success: true } m && m.Index == position && !computed.Contains(m.Groups[1].Value))
        {
            prefix.Add(m.Value.Trim());
            position += m.Length;
        }

        return prefix.Count == 0 ? query : string.Join(" ", prefix) + rex + marker + search[position..];
    }

    protected override string FinalizeQuery(SigmaRule rule, string query, int index, IReadOnlyDictionary<string, object?> state, List<SigmaDiagnostic> diagnostics)
    {
        var table = rule.Info.Fields.IsEmpty ? string.Empty : " | table " + string.Join(",", rule.Info.Fields);
        return Format switch
        {
            "savedsearches" => SavedSearch(rule, query),
            "data_model" => SplunkDataModel.Query(rule, query, state, diagnostics) ?? query,
            _ => query + table,
        };
    }

    private static string SavedSearch(SigmaRule rule, string query)
    {
        var title = rule.Title.Replace("[", string.Empty, StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal);
        var search = query + (rule.Info.Fields.IsEmpty ? string.Empty : "\n| table " + string.Join(",", rule.Info.Fields));
        return $"\n[{title}]" + ConfSettings(
        [
            ("description", rule.Info.Description?.Trim() ?? string.Empty),
            ("search", search),
        ]);
    }

    private static string ConfSettings(IEnumerable<(string Key, string Value)> settings) =>
        string.Concat(settings.Select(s => $"\n{s.Key} = " + string.Join(" \\\n", s.Value.Split('\n'))));

    protected override string? FinalizeOutput(IReadOnlyList<string> queries) => Format switch
    {
        "savedsearches" => "\n[default]" + ConfSettings([("dispatch.earliest_time", Options.String("min_time", "-30d")), ("dispatch.latest_time", Options.String("max_time", "now"))]) + "\n" + string.Join("\n", queries),
        _ => null,
    };

    protected override List<string> ConvertCorrelation(CorrelationRule rule, IReadOnlyDictionary<string, object?> state, List<SigmaDiagnostic> diagnostics) =>
        CorrelationQueries.Splunk(this, rule, diagnostics);

    [GeneratedRegex(@"^[\w.]+$")]
    private static partial Regex FieldPattern();

    [GeneratedRegex(@"\G([\w.]+)(?:=""[^""]*""|=[^\s"")]+)\s*")]
    private static partial Regex LeadingTerm();

    /// <summary>Regular expressions are not part of Splunk's search syntax: they go to commands after the search.</summary>
    private sealed partial class SplunkRenderer(TextDialect dialect) : TextQueryRenderer(dialect)
    {
        private readonly Dictionary<string, int> _rexCounts = new(StringComparer.Ordinal);
        private bool _inOrScope;

        public List<string> RexParts { get; } = [];

        public HashSet<string> RexConditionFields { get; } = new(StringComparer.Ordinal);

        protected override string? Negated(CNot not)
        {
            if (not.Item is CField { Value: SigmaRegex regex, InOrScope: false } field && OrDepth == 0)
            {
                Deferred.Add($"regex {field.Field}!=\"{RegexText(regex)}\"");
                return null;
            }

            if (not.Item is CField { Value: SigmaFieldRef reference } refField && OrDepth == 0)
            {
                Deferred.Add($"where NOT '{refField.Field}'='{QuoteField(reference.Field)}'");
                return null;
            }

            return base.Negated(not);
        }

        protected override string? FieldValue(CField node, bool negated)
        {
            _inOrScope = node.InOrScope;
            return base.FieldValue(node, negated);
        }

        protected override string? FieldReference(string field, SigmaFieldRef reference)
        {
            if (OrDepth > 0 || _inOrScope || reference.StartsWith || reference.EndsWith)
            {
                NotSupported("comparing two fields ('fieldref' modifier) under OR, or with startswith/endswith");
                return null;
            }

            Deferred.Add($"where '{field}'='{QuoteField(reference.Field)}'");
            return null;
        }

        protected override string? RegexMatch(string field, SigmaRegex regex)
        {
            if (OrDepth == 0 && !_inOrScope)
            {
                Deferred.Add($"regex {field}=\"{RegexText(regex)}\"");
                return null;
            }

            var count = _rexCounts[field] = _rexCounts.GetValueOrDefault(field) + 1;
            var cleaned = CleanField().Replace(field, string.Empty);
            var suffix = count == 1 ? string.Empty : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var match = cleaned + "Match" + suffix;
            if (match.Length > 32)
            {
                var digest = System.Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(cleaned)))[..8];
                match = cleaned[..Math.Max(32 - ("Match" + suffix).Length - digest.Length, 0)] + digest + "Match" + suffix;
            }

            var condition = cleaned + "Condition" + suffix;
            RexConditionFields.Add(condition);
            RexParts.Add($"rex field={field} \"(?<{match}>{RegexText(regex)})\"\n| eval {condition}=if(isnotnull({match}), \"true\", \"false\")");
            return StringValue(SigmaString.FromLiteral("true")) is var value ? QuoteField(condition) + "=" + value : null;
        }

        [GeneratedRegex(@"^.*\.")]
        private static partial Regex CleanField();
    }
}
