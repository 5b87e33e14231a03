using System.Text;

namespace SigmaSharp.Tests.Conversion.Escaping;

/// <summary>
/// Reads a double-quoted string literal of a query language whose escapes are a backslash before one of a fixed set of
/// characters (<c>b t n f r</c> stand for their control characters, the others for themselves), and which cannot hold
/// a raw line break: what ES|QL, EQL and KQL lexers accept. Anything else fails the test with the query.
/// </summary>
internal static class BackslashQuotedString
{
    /// <param name="start">The index just after the opening quote.</param>
    /// <returns>The string's text and the index just after its closing quote.</returns>
    public static (string Text, int End) Read(string query, int start, string escapes, string language, EscapingSample sample)
    {
        var text = new StringBuilder();
        for (var i = start; i < query.Length; i++)
        {
            var c = query[i];
            Assert.True(c is not ('\r' or '\n'), $"{sample}: a raw line break inside a {language} string: {query}");
            if (c == '"')
            {
                return (text.ToString(), i + 1);
            }

            if (c == '\\')
            {
                Assert.True(i + 1 < query.Length && escapes.Contains(query[i + 1], StringComparison.Ordinal), $"{sample}: not a {language} escape at {i} in {query}");
                text.Append(query[++i] switch { 'b' => '\b', 't' => '\t', 'n' => '\n', 'f' => '\f', 'r' => '\r', var e => e });
            }
            else
            {
                text.Append(c);
            }
        }

        Assert.Fail($"{sample}: unterminated {language} string: {query}");
        return (string.Empty, query.Length);
    }
}
