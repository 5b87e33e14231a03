using CsCheck;
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

    [Fact]
    public void Any_string_survives_printing_and_parsing()
    {
        var literal = Gen.Char["\\*?ab%\u00e9 "].Array[1, 5].Select(chars => (StringPart)new LiteralPart(new string(chars)));
        var part = Gen.OneOf(literal, Gen.Const<StringPart>(WildcardMultiPart.Instance), Gen.Const<StringPart>(WildcardSinglePart.Instance));
        part.Array[0, 6].Sample(parts =>
        {
            var value = SigmaString.Create(parts);
            Assert.Equal(value, SigmaString.Parse(value.ToSigmaText()));
        }, iter: 2000);
    }
}
