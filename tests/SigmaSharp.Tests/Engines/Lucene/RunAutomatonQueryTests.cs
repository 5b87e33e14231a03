using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace SigmaSharp.Tests.Engines.Lucene;

/// <summary>The proof's fast wildcard and regexp queries select exactly what Lucene's own queries select.</summary>
public sealed class RunAutomatonQueryTests
{
    private static readonly string[] Values =
    [
        "C:\\Windows\\System32\\cmd.exe", "cmd.exe", "a*b", "a?b", "axb", "a\\b", "", "ÄÖü ñ", "line\nbreak", "x\"y", "*", "?",
        "powershell.exe -enc AAAA", "\\\\server\\share", "tab\there",
    ];

    [Theory]
    [InlineData("*cmd.exe")]
    [InlineData("*\\\\cmd.exe")]
    [InlineData("a\\*b")]
    [InlineData("a?b")]
    [InlineData("a\\?b")]
    [InlineData("*")]
    [InlineData("?")]
    [InlineData("*ñ*")]
    [InlineData("\\\\\\\\*")]
    [InlineData("*\\\"*")]
    [InlineData("line*")]
    public void Wildcard_selects_what_WildcardQuery_selects(string pattern) =>
        Assert.Equal(Search(new WildcardQuery(new Term("f", pattern))), Search(RunAutomatonQuery.Wildcard("f", pattern)));

    [Theory]
    [InlineData(".*cmd\\.exe")]
    [InlineData("a.b")]
    [InlineData("[aA]\\*b")]
    [InlineData("line\nbreak")]
    [InlineData("[^\\\\]{1,8}")]
    [InlineData("(cmd|powershell)\\.exe.*")]
    [InlineData(".*[\"].*")]
    [InlineData("")]
    public void Regexp_selects_what_RegexpQuery_selects(string pattern) =>
        Assert.Equal(Search(new RegexpQuery(new Term("f", pattern))), Search(RunAutomatonQuery.Regexp("f", pattern)));

    private static int[] Search(Query query)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer())))
        {
            for (var i = 0; i < Values.Length; i++)
            {
                writer.AddDocument(new Document { new StringField("f", Values[i], Field.Store.NO), new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES) });
            }
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        return [.. searcher.Search(query, Values.Length).ScoreDocs.Select(d => int.Parse(searcher.Doc(d.Doc).Get("id"), System.Globalization.CultureInfo.InvariantCulture)).Order()];
    }
}
