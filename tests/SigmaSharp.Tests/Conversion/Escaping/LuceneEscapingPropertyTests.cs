using System.Text.Json;
using CsCheck;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace SigmaSharp.Tests.Conversion.Escaping;

/// <summary>
/// es-qs, graylog and the watcher's query_string: the query, parsed by Lucene's classic query parser, finds a document
/// whose field holds the value and none of the near misses the rule excludes.
/// </summary>
public sealed class LuceneEscapingPropertyTests
{
    [Theory]
    [InlineData("es-qs")]
    [InlineData("graylog")]
    [InlineData("xpack-watcher")]
    public void Query_string_matches_exactly_the_value(string target)
    {
        EscapingSample.Gen().Sample(sample =>
        {
            var query = QueryString(target, sample.Query(target));
            var candidates = sample.Candidates();
            var expected = candidates.Select((c, i) => (c, i)).Where(p => sample.Matches(p.c)).Select(p => p.i).ToHashSet();
            var found = Search(query, candidates);
            Assert.True(expected.SetEquals(found), $"{sample}: query {query} found [{string.Join(",", found)}], expected [{string.Join(",", expected)}] of {JsonSerializer.Serialize(candidates)}");
        }, iter: EscapingSample.Iterations);
    }

    /// <summary>The watcher embeds the query in JSON after a curl command; the others are the query.</summary>
    private static string QueryString(string target, string output)
    {
        if (target != "xpack-watcher")
        {
            return output;
        }

        var json = output[(output.IndexOf("<<EOF\n", StringComparison.Ordinal) + 6)..output.LastIndexOf("\nEOF", StringComparison.Ordinal)];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("input").GetProperty("search").GetProperty("request").GetProperty("body")
            .GetProperty("query").GetProperty("bool").GetProperty("must")[0].GetProperty("query_string").GetProperty("query").GetString()!;
    }

    /// <summary>Indexes each text unanalysed in <c>f</c> and <c>f.keyword</c> and returns the documents the query finds.</summary>
    private static List<int> Search(string query, IReadOnlyList<string> texts)
    {
        using var directory = new RAMDirectory();
        var analyzer = new KeywordAnalyzer();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)))
        {
            foreach (var (text, i) in texts.Select((t, i) => (t, i)))
            {
                writer.AddDocument([new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                    new StringField("f", text, Field.Store.NO), new StringField("f.keyword", text, Field.Store.NO)]);
            }
        }

        var parser = new QueryParser(LuceneVersion.LUCENE_48, "none", analyzer) { AllowLeadingWildcard = true, LowercaseExpandedTerms = false };
        var parsed = parser.Parse(query);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        return [.. searcher.Search(parsed, texts.Count + 1).ScoreDocs.Select(d => int.Parse(searcher.Doc(d.Doc).Get("id"), System.Globalization.CultureInfo.InvariantCulture))];
    }
}
