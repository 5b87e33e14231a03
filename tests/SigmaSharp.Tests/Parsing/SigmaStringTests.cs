using SigmaSharp.Rules.Values;

namespace SigmaSharp.Tests.Parsing;

public class SigmaStringTests
{
    [Theory]
    [InlineData(@"a*b", "a|*|b")]
    [InlineData(@"a?b", "a|?|b")]
    [InlineData(@"a\*b", "a*b")]
    [InlineData(@"a\?b", "a?b")]
    [InlineData(@"C:\Windows\", @"C:\Windows\")]
    [InlineData(@"C:\\Windows", @"C:\Windows")]
    [InlineData(@"a\\*", @"a\|*")]
    [InlineData(@"a\\\*", @"a\*")]
    [InlineData(@"a\\\\b", @"a\\b")]
    [InlineData(@"a\\\b", @"a\\b")]
    [InlineData(@"\", @"\")]
    public void Escapes_follow_the_specification(string written, string expectedParts)
    {
        var parts = SigmaString.Parse(written).Parts.Select(p => p switch
        {
            LiteralPart l => l.Text,
            WildcardMultiPart => "*",
            WildcardSinglePart => "?",
            _ => "%",
        });
        Assert.Equal(expectedParts, string.Join("|", parts));
    }

    [Theory]
    [InlineData(@"a*b\*c?\\d")]
    [InlineData(@"C:\Windows\*")]
    [InlineData(@"trailing\")]
    [InlineData(@"\\server\share")]
    public void Printing_then_parsing_gives_the_same_string(string written)
    {
        var parsed = SigmaString.Parse(written);
        Assert.Equal(parsed, SigmaString.Parse(parsed.ToSigmaText()));
    }

    [Fact]
    public void Adjacent_literals_are_merged()
    {
        var s = SigmaString.Create([new LiteralPart("a"), new LiteralPart("b"), WildcardMultiPart.Instance]);
        Assert.Equal(2, s.Parts.Count);
        Assert.Equal("ab", Assert.IsType<LiteralPart>(s.Parts[0]).Text);
    }
}
