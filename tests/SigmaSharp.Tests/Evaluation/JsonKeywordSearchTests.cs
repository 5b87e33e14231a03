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

    private static readonly string[] Mimikatz =
    [
        "dpapi::masterkey", "eo.oe.kiwi", "event::clear", "event::drop", "gentilkiwi.com", "kerberos::golden",
        "kerberos::ptc", "kerberos::ptt", "kerberos::tgt", "Kiwi Legit Printer", "lsadump::", "mimidrv.sys",
        "\\mimilib.dll", "misc::printnightmare", "misc::shadowcopies", "misc::skeleton", "privilege::backup",
        "privilege::debug", "privilege::driver", "sekurlsa::",
    ];

    [Theory]
    [InlineData("""{"Product":"Microsoft® Windows®","c":"x sekurlsa::logonpasswords"}""")]
    [InlineData("""{"a":"C:\\Témp\\MIMILIB.dll"}""")]
    [InlineData("""{"a":"ſekurlsa::"}""")]
    [InlineData("""{"a":"KIWI LEGIT ıs","b":"Kiwi legit"}""")]
    public void Non_ascii_json_finds_what_a_case_insensitive_text_search_finds(string json)
    {
        // Raw UTF-8, not JSON \u escapes. U+017F (long s) and U+0131 (dotless i) have ASCII case mappings
        // (though ordinal comparison ignoring case does not equate them with s and i): such JSON is
        // searched as decoded text, so it finds exactly what that search finds.
        var search = JsonKeywordSearch.TryBuild(Keywords)!;
        var hits = new LiteralHits(Keywords.Length);
        var chars = Array.Empty<char>();
        Assert.True(search.TryScan(Encoding.UTF8.GetBytes(json), ref chars, hits, [.. Enumerable.Range(0, Keywords.Length)]));
        Assert.Equal(FoundInText(Keywords, json), hits.Found.Order().ToArray());
        Assert.NotEmpty(FoundInText(Keywords, json.Replace('ſ', 's').Replace('ı', 'i')));
    }

    [Fact]
    public void Keywords_needing_many_byte_passes_are_searched_as_text()
    {
        // Nine keywords sharing no window need nine anchors.
        string[] keywords = ["abc", "def", "ghi", "jkl", "mno", "pqr", "stu", "vwx", "yz0"];
        var search = JsonKeywordSearch.TryBuild(keywords)!;
        Assert.Equal(0, search.AnchorCount);
        var hits = new LiteralHits(keywords.Length);
        var chars = Array.Empty<char>();
        Assert.True(search.TryScan("""{"a":"GHI and Mno"}"""u8, ref chars, hits, [.. Enumerable.Range(0, keywords.Length)]));
        Assert.Equal([2, 4], hits.Found.Order().ToArray());
    }

    [Fact]
    public void Mimikatz_keywords_need_few_byte_passes() =>
        Assert.InRange(JsonKeywordSearch.TryBuild(Mimikatz)!.AnchorCount, 1, 3);

    [Fact]
    public void Byte_search_agrees_with_a_case_insensitive_search_of_the_decoded_text()
    {
        string[] pieces =
        [
            "sekurlsa", "SEKURLSA", "::", ":", "kiwi", "KiWi", " legit", " printer", "mimi", "lib.dll", "drv.sys",
            "\\\\", "\\", "\\n", "\\\\n", "\\\\\\u", "\\\"", "\\/", "event", "privilege", "debug",
            "®", "ä", "ſ", "ı", "K", "x", " ", "eo.oe.", "gentil", ".com", "dpapi", "misc",
            "sekurlsa::", "KIWI legit printer", "\\\\mimilib.DLL", "Privilege::Debug", "eo.oe.kiwi", "gentilkiwi.com",
        ];
        var random = new Random(20261123);
        var search = JsonKeywordSearch.TryBuild(Mimikatz)!;
        var ids = Enumerable.Range(0, Mimikatz.Length).ToArray();
        var chars = Array.Empty<char>();
        var (checkedCount, found, declinedCount) = (0, 0, 0);
        for (var round = 0; round < 3000; round++)
        {
            var value = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var json = "{\"a\":\"" + value + "\",\"b\":[\"" + pieces[random.Next(pieces.Length)] + "\"]}";
            var utf8 = Encoding.UTF8.GetBytes(json);
            if (!IsValidJson(utf8))
            {
                continue;
            }
            var hits = new LiteralHits(Mimikatz.Length);
            var scanned = search.TryScan(utf8, ref chars, hits, ids);
            var declined = System.Text.RegularExpressions.Regex.IsMatch(json, @"(?<!\\)(\\\\)*\\[untrbf/]");
            Assert.Equal(!declined, scanned);
            checkedCount++;
            declinedCount += declined ? 1 : 0;
            found += hits.Found.Count > 0 ? 1 : 0;
            if (scanned)
            {
                Assert.Equal(FoundInText(Mimikatz, json), hits.Found.Order().ToArray());
            }
        }
        // The mix must exercise all three outcomes, not just one.
        Assert.True(checkedCount > 1000 && found > 100 && declinedCount > 100, $"{checkedCount} {found} {declinedCount}");
    }

    private static bool IsValidJson(byte[] utf8)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(utf8);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    // What the search must find: each keyword as JSON writes it, in the JSON text, ignoring case (ordinal).
    private static int[] FoundInText(string[] keywords, string json) =>
        [.. Enumerable.Range(0, keywords.Length).Where(i => json.Contains(
            keywords[i].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal),
            StringComparison.OrdinalIgnoreCase))];
}
