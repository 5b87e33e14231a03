using System.Text;
using SigmaSharp.Evaluation.Prefilter;

namespace SigmaSharp.Tests.Evaluation;

/// <summary>The keyword prefilter's search over whole event JSON finds every keyword a value holds.</summary>
public class JsonKeywordSearchTests
{
    private static readonly string[] Keywords = ["\\mimilib.dll", "sekurlsa::", "say \"hi\"", "kiwi legit", "a\\\\b"];

    [Theory]
    [InlineData("""{"CommandLine":"C:\\Temp\\MIMILIB.DLL"}""", new[] { 0 })]
    [InlineData("""{"a":"x SEKURLSA::logonpasswords","b":1}""", new[] { 1 })]
    [InlineData("""{"a":"say \"HI\" now"}""", new[] { 2 })]
    [InlineData("""{"a":["Kiwi Legit Printer"]}""", new[] { 3 })]
    [InlineData("""{"a":"a\\\\b"}""", new[] { 4 })]
    [InlineData("""{"a":"C:\\Temp\\users\\new\\sekurlsa::x"}""", new[] { 1 })]
    [InlineData("""{"a":"a\\b"}""", new int[0])]
    [InlineData("""{"mimilib.dll":"nothing"}""", new int[0])]
    public void Finds_keywords_as_json_escapes_them(string json, int[] expected)
    {
        var search = JsonKeywordSearch.TryBuild(Keywords)!;
        var hits = new LiteralHits(Keywords.Length);
        var chars = Array.Empty<char>();
        Assert.True(search.TryScan(Encoding.UTF8.GetBytes(json), ref chars, hits, [.. Enumerable.Range(0, Keywords.Length)]));
        Assert.Equal(expected, hits.Found.Order().ToArray());
    }

    [Theory]
    [InlineData("""{"a":"EVENT::CLEAR"}""", new[] { 0 })]
    [InlineData("""{"Event":{"EventData":{"a":"event::drop"}}}""", new int[0])]
    [InlineData("""{"a":"t::clear event:clear"}""", new int[0])]
    [InlineData("""{"a":"xxevent::clearevent::clear privilege::debug"}""", new[] { 0, 1 })]
    public void Keywords_found_from_a_window_inside_them_are_checked_whole(string json, int[] expected)
    {
        // "event::clear" is looked for from "t::", so a hit must also hold the "even" before it.
        string[] keywords = ["event::clear", "privilege::debug"];
        var search = JsonKeywordSearch.TryBuild(keywords)!;
        var hits = new LiteralHits(keywords.Length);
        var chars = Array.Empty<char>();
        Assert.True(search.TryScan(Encoding.UTF8.GetBytes(json), ref chars, hits, [0, 1]));
        Assert.Equal(expected, hits.Found.Order().ToArray());
    }

    [Theory]
    [InlineData("""{"a":"\u00e4 sekurlsa::"}""")]
    [InlineData("""{"a":"line\nsekurlsa::"}""")]
    [InlineData("""{"a":"C:\/mimilib.dll"}""")]
    [InlineData("""{"a":"C:\\\\\u0041 sekurlsa::"}""")]
    public void Declines_json_with_other_escapes(string json)
    {
        var search = JsonKeywordSearch.TryBuild(Keywords)!;
        var chars = Array.Empty<char>();
        Assert.False(search.TryScan(Encoding.UTF8.GetBytes(json), ref chars, new LiteralHits(Keywords.Length), [.. Enumerable.Range(0, Keywords.Length)]));
    }

    [Fact]
    public void Too_many_or_non_ascii_keywords_are_left_to_the_automaton()
    {
        Assert.Null(JsonKeywordSearch.TryBuild([.. Enumerable.Range(0, JsonKeywordSearch.MaxLiterals + 1).Select(i => $"kw{i}")]));
        Assert.Null(JsonKeywordSearch.TryBuild(["straße"]));
    }
}
