using System.Text;
using CsCheck;

namespace SigmaSharp.Tests.Conversion.Escaping;

/// <summary>
/// pysigma-esql: the condition is one of <c>f=="..."</c>, <c>starts_with(f, "...")</c>, <c>ends_with(f, "...")</c>,
/// <c>f like "..."</c>; its string is read as Elasticsearch's ES|QL lexer reads it (escapes <c>\t \n \r \" \\</c>
/// only, no raw line break), a <c>like</c> pattern as LIKE reads it (<c>*</c>, <c>?</c>, <c>\</c> escaping the next
/// character), and the test so read must accept the value and reject exactly the near misses the rule rejects.
/// </summary>
public sealed class EsqlEscapingPropertyTests
{
    private const string Prefix = "from * metadata _id, _index, _version | where ";

    [Fact]
    public void Query_reads_back_as_the_rule_test_under_the_esql_lexer_and_like()
    {
        EscapingSample.Gen().Sample(sample =>
        {
            var query = sample.Query("pysigma-esql");
            Assert.StartsWith(Prefix, query, StringComparison.Ordinal);
            var test = Read(query[Prefix.Length..], sample);
            foreach (var candidate in sample.Candidates())
            {
                // ES|QL compares case-sensitively; the case question is not one of escaping.
                Assert.True(sample.Matches(candidate) == test(candidate), $"{sample}: {query} on {System.Text.Json.JsonSerializer.Serialize(candidate)}");
            }
        }, iter: EscapingSample.Iterations);
    }

    /// <summary>Found by the property: pySigma's <c>like "*a\*b*"</c> is not an ES|QL string (<c>\*</c> is no escape).</summary>
    [Fact]
    public void A_literal_star_in_a_like_pattern_is_escaped_for_like_inside_the_string()
    {
        var query = new EscapingSample("a*b\\c", MatchMode.Contains).Query("pysigma-esql");
        Assert.Equal(Prefix + @"f like ""*a\\*b\\\\c*""", query);
    }

    private static Func<string, bool> Read(string condition, EscapingSample sample)
    {
        (string Head, Func<string, string, bool> Test, bool Like)[] shapes =
        [
            ("f==\"", (v, c) => c == v, false),
            ("starts_with(f, \"", (v, c) => c.StartsWith(v, StringComparison.Ordinal), false),
            ("ends_with(f, \"", (v, c) => c.EndsWith(v, StringComparison.Ordinal), false),
            ("f like \"", (_, _) => false, true),
        ];
        var shape = shapes.FirstOrDefault(s => condition.StartsWith(s.Head, StringComparison.Ordinal));
        Assert.True(shape.Head is not null, $"{sample}: unexpected condition {condition}");
        var (text, end) = BackslashQuotedString.Read(condition, shape.Head.Length, "tnr\"\\", "ES|QL", sample);
        var tail = shape.Head.StartsWith('f') ? string.Empty : ")";
        Assert.True(condition[end..] == tail, $"{sample}: the value ends the string early in {condition}");
        if (!shape.Like)
        {
            return candidate => shape.Test(text, candidate);
        }

        var pattern = LikePattern(text, sample);
        return candidate => pattern.IsMatch(candidate);
    }

    /// <summary>A LIKE pattern as a whole-value regular expression: <c>*</c> any run, <c>?</c> one character, <c>\x</c> x.</summary>
    private static System.Text.RegularExpressions.Regex LikePattern(string like, EscapingSample sample)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < like.Length; i++)
        {
            if (like[i] == '\\')
            {
                Assert.True(i + 1 < like.Length, $"{sample}: LIKE pattern ends with its escape: {like}");
                regex.Append(System.Text.RegularExpressions.Regex.Escape(like[++i].ToString()));
            }
            else
            {
                regex.Append(like[i] switch { '*' => "[\\s\\S]*", '?' => "[\\s\\S]", var c => System.Text.RegularExpressions.Regex.Escape(c.ToString()) });
            }
        }

        return new System.Text.RegularExpressions.Regex(regex.Append(@"\z").ToString(), System.Text.RegularExpressions.RegexOptions.NonBacktracking);
    }
}
