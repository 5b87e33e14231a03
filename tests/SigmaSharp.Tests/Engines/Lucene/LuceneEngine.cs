using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace SigmaSharp.Tests.Engines.Lucene;

/// <summary>
/// Runs a Lucene query string (es-qs, graylog, pysigma-lucene) on an in-memory index of the events, read by
/// <see cref="EsQueryStringParser"/> over <see cref="LuceneIndexModel"/>.
/// </summary>
internal static class LuceneEngine
{
    static LuceneEngine()
    {
        // Lucene's default (1,024) is below the value lists of some rules; Elasticsearch 8 sizes its limit from the
        // heap (tens of thousands of clauses on a usual node), which this stands for.
        BooleanQuery.MaxClauseCount = 65_536;
    }

    /// <summary>One index per event list, shared by the three Lucene targets (the reader stays open with it).</summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<FlatEvent>, IndexSearcher> Indexes = [];

    /// <summary>
    /// Wildcard, prefix and regexp queries by term, shared by all rules and targets: building their automata is most
    /// of what Lucene.Net spends, and rules share many values (<c>*\powershell.exe</c>). Emptied when it grows past
    /// <see cref="MaxCachedTerms"/> so that memory stays bounded.
    /// </summary>
    private static readonly ConcurrentDictionary<string, Query> Terms = new(StringComparer.Ordinal);

    private const int MaxCachedTerms = 4_096;

    public static HashSet<int> Run(string query, IReadOnlyList<FlatEvent> events)
    {
        var searcher = Indexes.GetValue(events, Index);
        if (Terms.Count > MaxCachedTerms)
        {
            Terms.Clear();
        }

        var parsed = new EsQueryStringParser(Terms).Parse(query);
        var hits = searcher.Search(parsed, Math.Max(1, events.Count)).ScoreDocs;
        return [.. hits.Select(h => int.Parse(searcher.Doc(h.Doc).Get("id"), CultureInfo.InvariantCulture))];
    }

    private static IndexSearcher Index(IReadOnlyList<FlatEvent> events)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer())))
        {
            for (var i = 0; i < events.Count; i++)
            {
                writer.AddDocument(LuceneIndexModel.Document(i, events[i]));
            }
        }

        return new IndexSearcher(DirectoryReader.Open(directory));
    }
}
