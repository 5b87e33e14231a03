using CsCheck;

namespace SigmaSharp.Tests.Conversion.Escaping;

/// <summary>
/// pysigma-kusto: the condition is one of <c>f =~ "..."</c>, <c>f startswith "..."</c>, <c>f endswith "..."</c>,
/// <c>f contains "..."</c> (all case-insensitive in KQL); its string is read as KQL reads a double-quoted literal
/// (backslash escapes for the quotes, <c>\t</c>, <c>\n</c>, <c>\r</c> and itself; no raw line break), and the test
/// so read must accept the value and reject exactly the near misses the rule rejects.
/// </summary>
public sealed class KustoEscapingPropertyTests
{
    private static readonly (string Operator, Func<string, string, bool> Test)[] Shapes =
    [
        (" =~ ", (v, c) => string.Equals(c, v, StringComparison.OrdinalIgnoreCase)),
        (" startswith ", (v, c) => c.StartsWith(v, StringComparison.OrdinalIgnoreCase)),
        (" endswith ", (v, c) => c.EndsWith(v, StringComparison.OrdinalIgnoreCase)),
        (" contains ", (v, c) => c.Contains(v, StringComparison.OrdinalIgnoreCase)),
    ];

    [Fact]
    public void Query_reads_back_as_the_rule_test_under_kql_string_rules()
    {
        EscapingSample.Gen().Sample(sample =>
        {
            var query = sample.Query("pysigma-kusto");
            var shape = Shapes.FirstOrDefault(s => query.StartsWith("f" + s.Operator + "\"", StringComparison.Ordinal));
            Assert.True(shape.Operator is not null, $"{sample}: unexpected query {query}");
            var (text, end) = BackslashQuotedString.Read(query, 1 + shape.Operator.Length + 1, "tnr\"'\\", "KQL", sample);
            Assert.True(end == query.Length, $"{sample}: the value ends the string early in {query}");
            foreach (var candidate in sample.Candidates())
            {
                Assert.True(sample.Matches(candidate, StringComparison.OrdinalIgnoreCase) == shape.Test(text, candidate),
                    $"{sample}: {query} on {System.Text.Json.JsonSerializer.Serialize(candidate)}");
            }
        }, iter: EscapingSample.Iterations);
    }

    /// <summary>Found by the property: pySigma wrote a line feed raw inside the string, which KQL does not parse.</summary>
    [Fact]
    public void A_line_feed_in_a_value_is_written_as_its_escape()
    {
        Assert.Equal("f contains \"a\\nb\\tc\"", new EscapingSample("a\nb\tc", MatchMode.Contains).Query("pysigma-kusto"));
    }
}
