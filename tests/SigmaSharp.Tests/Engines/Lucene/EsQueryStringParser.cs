using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SigmaSharp.Tests.Engines.Lucene;

/// <summary>
/// Lucene's classic query parser with the few things Elasticsearch's <c>query_string</c> adds on top of it, so that
/// the targets' queries are read as Elasticsearch (and Graylog, which hands them to Elasticsearch) reads them:
/// <list type="bullet">
/// <item><c>_exists_:f</c> is an existence test (a term of the <c>_field_names</c> field, as Elasticsearch indexes it);</item>
/// <item><c>f:&gt;n</c>, <c>f:&lt;=n</c> are numeric ranges;</item>
/// <item>a boolean query with only negated clauses matches every document but those (Elasticsearch adds a match-all
/// clause to each such query; plain Lucene would match nothing);</item>
/// <item>an unqualified term searches every field (<c>index.query.default_field: *</c>), as do <c>*</c> and
/// <c>*.keyword</c>;</item>
/// <item>a CIDR network (<c>10.0.0.0/8</c>) matches the addresses it contains, as on an <c>ip</c> field.</item>
/// </list>
/// Field semantics (which indexed view each query reads) are <see cref="LuceneIndexModel"/>'s.
/// </summary>
internal sealed class EsQueryStringParser : QueryParser
{
    private readonly ConcurrentDictionary<string, Query> _terms;

    /// <param name="terms">
    /// Wildcard, prefix and regexp queries already built (their automata are what parsing costs), shared by the
    /// queries of all rules and targets; the queries are not changed after parsing, so sharing is safe. Wildcards and
    /// regexps are <see cref="RunAutomatonQuery"/>s: Lucene's automata, run term by term.
    /// </param>
    public EsQueryStringParser(ConcurrentDictionary<string, Query>? terms = null)
        : base(LuceneVersion.LUCENE_48, LuceneIndexModel.AllFields, new KeywordAnalyzer())
    {
        _terms = terms ?? new ConcurrentDictionary<string, Query>(StringComparer.Ordinal);
        AllowLeadingWildcard = true;
        LowercaseExpandedTerms = false;
        DefaultOperator = OR_OPERATOR;
    }

    protected override Query GetFieldQuery(string field, string queryText, bool quoted)
    {
        if (field == "_exists_")
        {
            return new TermQuery(new Term(LuceneIndexModel.FieldNames, LuceneIndexModel.Name(queryText)));
        }

        if (!quoted && Range(field, queryText) is { } range)
        {
            return range;
        }

        if (!quoted && Network(queryText) is { } network)
        {
            var (low, high) = LuceneIndexModel.AddressRange(network);
            return new TermRangeQuery(LuceneIndexModel.View("ip", field), new BytesRef(low), new BytesRef(high), true, true);
        }

        return new TermQuery(new Term(LuceneIndexModel.View("t", field), LuceneIndexModel.Fold(queryText)));
    }

    protected override Query GetWildcardQuery(string field, string termStr) =>
        Cached("w", LuceneIndexModel.View("t", field), LuceneIndexModel.Fold(termStr), term => RunAutomatonQuery.Wildcard(term.Field, term.Text));

    protected override Query GetPrefixQuery(string field, string termStr) =>
        Cached("p", LuceneIndexModel.View("t", field), LuceneIndexModel.Fold(termStr), term => new PrefixQuery(term));

    /// <summary>Regular expressions are matched against the value as written: Sigma's are case-sensitive.</summary>
    protected override Query GetRegexpQuery(string field, string termStr) =>
        Cached("r", LuceneIndexModel.View("r", field), termStr, term => RunAutomatonQuery.Regexp(term.Field, term.Text));

    private Query Cached(string kind, string view, string text, Func<Term, Query> create) =>
        _terms.GetOrAdd(kind + "\0" + view + "\0" + text, _ => create(new Term(view, text)));

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
        throw new ParseException("fuzzy query in a converted query: " + termStr);

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive) =>
        TermRangeQuery.NewStringRange(LuceneIndexModel.View("t", field), part1 is null ? null : LuceneIndexModel.Fold(part1), part2 is null ? null : LuceneIndexModel.Fold(part2), startInclusive, endInclusive);

    protected override Query GetBooleanQuery(IList<BooleanClause> clauses, bool disableCoord)
    {
        var query = base.GetBooleanQuery(clauses, disableCoord);
        if (query is BooleanQuery boolean && boolean.Clauses.Count > 0 && boolean.Clauses.All(c => c.Occur == Occur.MUST_NOT))
        {
            boolean.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return query;
    }

    private static NumericRangeQuery<double>? Range(string field, string text)
    {
        var op = text.StartsWith(">=", StringComparison.Ordinal) || text.StartsWith("<=", StringComparison.Ordinal) ? text[..2]
            : text.StartsWith('>') || text.StartsWith('<') ? text[..1] : null;
        if (op is null || !double.TryParse(text[op.Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var bound))
        {
            return null;
        }

        var view = LuceneIndexModel.View("n", field);
        return op switch
        {
            ">" => NumericRangeQuery.NewDoubleRange(view, bound, null, false, false),
            ">=" => NumericRangeQuery.NewDoubleRange(view, bound, null, true, false),
            "<" => NumericRangeQuery.NewDoubleRange(view, null, bound, false, false),
            _ => NumericRangeQuery.NewDoubleRange(view, null, bound, false, true),
        };
    }

    private static IPNetwork? Network(string text) =>
        text.Contains('/', StringComparison.Ordinal) && IPNetwork.TryParse(text, out var network) ? network : null;
}
