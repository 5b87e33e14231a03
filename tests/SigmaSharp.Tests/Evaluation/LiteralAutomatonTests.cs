using CsCheck;
using SigmaSharp.Evaluation.Prefilter;

namespace SigmaSharp.Tests.Evaluation;

public class LiteralAutomatonTests
{
    // A small alphabet makes literals overlap, share prefixes and end inside each other.
    private static readonly Gen<string> Text = Gen.String[Gen.Char['a', 'd'].Select(c => c), 0, 12];

    private static HashSet<int> Found(LiteralAutomaton automaton, string text, int literals)
    {
        var hits = new LiteralHits(literals);
        hits.Reset();
        automaton.Scan(text.AsSpan(), hits, [.. Enumerable.Range(0, literals)]);
        return [.. hits.Found];
    }

    [Fact]
    public void Finds_exactly_the_ascii_literals_a_text_contains_ignoring_case()
    {
        Gen.Select(Text.Array[1, 30], Gen.String[Gen.Char["abcdABCD!"], 0, 60]).Sample((literals, text) =>
        {
            var automaton = LiteralAutomaton.Build(literals, out var accepted);
            var expected = Enumerable.Range(0, literals.Length)
                .Where(i => literals[i].Length > 0 && text.Contains(literals[i], StringComparison.OrdinalIgnoreCase))
                .ToHashSet();
            Assert.Equal(expected, Found(automaton, text, literals.Length));
            Assert.Equal(literals.Select(l => l.Length > 0), accepted);
        }, iter: 2_000);
    }

    [Fact]
    public void A_literal_inside_another_is_reported_with_it()
    {
        string[] literals = ["\\cmd.exe", "cmd", "md.e", "xyz"];
        var automaton = LiteralAutomaton.Build(literals, out _);
        Assert.Equal([0, 1, 2], Found(automaton, "C:\\Windows\\System32\\CMD.EXE /c", literals.Length).Order());
    }

    [Fact]
    public void An_automaton_past_32767_states_uses_the_wide_table_and_still_finds_its_literals()
    {
        var random = new Random(7);
        var literals = Enumerable.Range(0, 6_000).Select(_ => new string([.. Enumerable.Range(0, 8).Select(_ => (char)('a' + random.Next(26)))])).ToArray();
        var automaton = LiteralAutomaton.Build(literals, out _);
        Assert.True(automaton.StateCount > 32_767);
        var text = "xx" + literals[5_999].ToUpperInvariant() + "--" + literals[17] + "+" + literals[17][..7];
        var found = Found(automaton, text, literals.Length);
        Assert.Contains(5_999, found);
        Assert.Contains(17, found);
        Assert.All(found, i => Assert.Contains(literals[i], text, StringComparison.OrdinalIgnoreCase));
        var hits = new LiteralHits(literals.Length);
        hits.Reset();
        Assert.True(automaton.ScanJsonAscii(System.Text.Encoding.ASCII.GetBytes(text), hits, [.. Enumerable.Range(0, literals.Length)]));
        Assert.Equal(found, [.. hits.Found]);
    }

    // Short values are scanned in one pass, values of 64 bytes and more in two halves at once; escape
    // pairs and literals fall on and around the split point.
    [Theory]
    [InlineData(6, 0, 40)]
    [InlineData(8, 64, 300)]
    public void Json_bytes_with_backslash_and_quote_escapes_give_what_the_decoded_text_holds(int longestLiteral, int shortestText, int longestText)
    {
        Gen.Select(Gen.String[Gen.Char["ab\\\"c"], 1, longestLiteral].Array[1, 20], Gen.String[Gen.Char["ab\\\"cx"], shortestText, longestText]).Sample((literals, text) =>
        {
            var automaton = LiteralAutomaton.Build(literals, out _);
            var raw = System.Text.Encoding.ASCII.GetBytes(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal));
            var hits = new LiteralHits(literals.Length);
            hits.Reset();
            Assert.True(automaton.ScanJsonAscii(raw, hits, [.. Enumerable.Range(0, literals.Length)]));
            var expected = Enumerable.Range(0, literals.Length).Where(i => text.Contains(literals[i], StringComparison.OrdinalIgnoreCase));
            Assert.Equal(expected.Order(), hits.Found.Order());
        }, iter: 1_500);
    }

    [Fact]
    public void A_long_value_with_an_escape_other_than_backslash_quote_or_slash_is_handed_back()
    {
        var automaton = LiteralAutomaton.Build(["abc"], out _);
        var hits = new LiteralHits(1);
        hits.Reset();
        Assert.False(automaton.ScanJsonAscii(System.Text.Encoding.ASCII.GetBytes(new string('x', 100) + "\\n" + new string('y', 100)), hits, [0]));
    }
}
