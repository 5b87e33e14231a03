using System.Text;
using CsCheck;

namespace SigmaSharp.Tests.Conversion.Escaping;

/// <summary>
/// splunk, logpoint and pysigma-splunk: the query is <c>f="..."</c> and nothing else (the value cannot close the string or add
/// terms), and the string, read with the dialect's escapes (<c>\\</c>, <c>\"</c>, <c>\*</c>, <c>\?</c>; other
/// backslashes literal; bare <c>*</c> a wildcard), gives back the rule's value with wildcards where the modifier put them.
/// </summary>
public sealed class QuotedValueEscapingPropertyTests
{
    [Theory]
    [InlineData("splunk")]
    [InlineData("logpoint")]
    [InlineData("pysigma-splunk")]
    public void Quoted_value_reads_back_as_the_value(string target)
    {
        EscapingSample.Gen().Sample(sample =>
        {
            var query = sample.Query(target);
            Assert.StartsWith("f=\"", query, StringComparison.Ordinal);
            var (parts, end) = Read(query, 3);
            Assert.True(end == query.Length, $"{sample}: the value ends the string early in {query}");
            var expected = (sample.Mode is MatchMode.Contains or MatchMode.EndsWith ? "\u0000*" : string.Empty)
                + sample.Value + (sample.Mode is MatchMode.Contains or MatchMode.StartsWith ? "\u0000*" : string.Empty);
            Assert.True(expected == parts, $"{sample}: {query} reads as {parts.Replace("\u0000*", "<*>", StringComparison.Ordinal)}");
        }, iter: EscapingSample.Iterations);
    }

    /// <summary>Reads a double-quoted value from <paramref name="start"/>; a wildcard comes back as NUL + '*'.</summary>
    private static (string Text, int End) Read(string query, int start)
    {
        var text = new StringBuilder();
        for (var i = start; i < query.Length; i++)
        {
            var c = query[i];
            if (c == '"')
            {
                return (text.ToString(), i + 1);
            }

            if (c == '\\' && i + 1 < query.Length && query[i + 1] is '\\' or '"' or '*' or '?')
            {
                text.Append(query[++i]);
            }
            else if (c == '*')
            {
                text.Append("\u0000*");
            }
            else
            {
                text.Append(c);
            }
        }

        Assert.Fail("unterminated string: " + query);
        return (string.Empty, query.Length);
    }
}
