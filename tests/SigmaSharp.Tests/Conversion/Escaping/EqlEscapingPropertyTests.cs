using CsCheck;
using SigmaSharp.Conversion.Modern;
using SigmaSharp.Parsing;

namespace SigmaSharp.Tests.Conversion.Escaping;

/// <summary>
/// pysigma-eql: the query is <c>any where f:"..."</c> (or <c>f=="..."</c>); its string is read as Elasticsearch's EQL
/// lexer reads it (escapes <c>\b \t \n \f \r \" \' \\</c> only, no raw line break), <c>*</c> and <c>?</c> in it are
/// the wildcards of <c>:</c> (case-insensitive), and the test so read must accept the value and reject exactly the
/// near misses the rule rejects. A value holding a literal <c>*</c> or <c>?</c> cannot be written: it must be refused.
/// </summary>
public sealed class EqlEscapingPropertyTests
{
    private const string Prefix = "any where ";

    [Fact]
    public void Query_reads_back_as_the_rule_test_under_the_eql_lexer_or_is_refused()
    {
        EscapingSample.Gen().Sample(sample =>
        {
            var result = Convert(sample);
            if (sample.Value.AsSpan().IndexOfAny('*', '?') >= 0)
            {
                Assert.False(result.IsConverted, $"{sample}: a literal wildcard character was written as {string.Join(" ", result.Queries)}");
                return;
            }

            Assert.True(result.IsConverted, $"{sample}: {string.Join("; ", result.Diagnostics)}");
            var query = Assert.Single(result.Queries);
            Assert.StartsWith(Prefix, query, StringComparison.Ordinal);
            var wildcard = query.StartsWith(Prefix + "f:\"", StringComparison.Ordinal);
            Assert.True(wildcard || query.StartsWith(Prefix + "f==\"", StringComparison.Ordinal), $"{sample}: unexpected query {query}");
            var start = Prefix.Length + (wildcard ? 3 : 4);
            var (text, end) = BackslashQuotedString.Read(query, start, "btnfr\"'\\", "EQL", sample);
            Assert.True(end == query.Length, $"{sample}: the value ends the string early in {query}");
            var pattern = new System.Text.RegularExpressions.Regex(
                "^" + string.Concat(text.Select(c => wildcard && c == '*' ? "[\\s\\S]*" : wildcard && c == '?' ? "[\\s\\S]" : System.Text.RegularExpressions.Regex.Escape(c.ToString()))) + @"\z",
                System.Text.RegularExpressions.RegexOptions.NonBacktracking | (wildcard ? System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant : 0));
            foreach (var candidate in sample.Candidates())
            {
                var expected = sample.Matches(candidate, wildcard ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
                Assert.True(expected == pattern.IsMatch(candidate), $"{sample}: {query} on {System.Text.Json.JsonSerializer.Serialize(candidate)}");
            }
        }, iter: EscapingSample.Iterations);
    }

    /// <summary>Found by the property: pySigma wrote a line feed as a backslash and the raw character, which EQL does not lex.</summary>
    [Fact]
    public void A_line_feed_is_written_as_its_escape()
    {
        var result = Convert(new EscapingSample("a\nb", MatchMode.Contains));
        Assert.Equal(Prefix + "f:\"*a\\nb*\"", Assert.Single(result.Queries));
    }

    private static SigmaSharp.Conversion.ConversionResult Convert(EscapingSample sample)
    {
        var collection = RuleLoader.LoadTexts([("t.yml", sample.RuleText())]);
        var (backend, _) = ModernTargets.Create("pysigma-eql");
        return backend!.Convert(collection.Rules.Single());
    }
}
