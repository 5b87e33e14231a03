using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;

namespace SigmaSharp.Tests.Conversion.Escaping;

/// <summary>
/// powershell: the query is the fixed pipeline around one double-quoted string (no unescaped quote or <c>$</c>: no
/// expansion, no code), and that string, read as PowerShell reads it, is a .NET regex that <c>-match</c> (case-insensitive)
/// accepts on "f: text" exactly when "f" is followed somewhere by the value, as sigmac's message matching means.
/// </summary>
public sealed class PowerShellEscapingPropertyTests
{
    private const string Before = "Get-WinEvent | where {$_.message -match ";
    private const string After = " } | select TimeCreated,Id,RecordId,ProcessId,MachineName,Message";

    [Fact]
    public void Message_pattern_matches_exactly_the_value()
    {
        EscapingSample.Gen().Sample(sample =>
        {
            var query = sample.Query("powershell");
            Assert.StartsWith(Before, query, StringComparison.Ordinal);
            Assert.EndsWith(After, query, StringComparison.Ordinal);
            var literal = query[Before.Length..^After.Length];
            var pattern = PowerShellString(literal);
            var reference = "f.*" + Regex.Escape(sample.Value);
            foreach (var candidate in sample.Candidates())
            {
                var message = "f: " + candidate;
                var expected = Regex.IsMatch(message, reference, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                var actual = Regex.IsMatch(message, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                Assert.True(expected == actual, $"{sample}: {literal} on {JsonSerializer.Serialize(message)}: {actual}, expected {expected}");
            }
        }, iter: EscapingSample.Iterations);
    }

    /// <summary>
    /// Reads a whole PowerShell expandable string: a backtick escapes the next character, a quote (straight or
    /// typographic) may appear only escaped, and so may '$' (variables and subexpressions).
    /// </summary>
    private static string PowerShellString(string literal)
    {
        Assert.True(literal.Length >= 2 && literal[0] == '"' && literal[^1] == '"', "not one string: " + literal);
        var text = new StringBuilder();
        for (var i = 1; i < literal.Length - 1; i++)
        {
            var c = literal[i];
            if (c == '`')
            {
                i++;
                Assert.True(i < literal.Length - 1, "backtick escapes the closing quote: " + literal);
                text.Append(literal[i] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'a' => '\a', 'b' => '\b', 'f' => '\f', 'v' => '\v', '0' => '\0', 'e' => '\u001b', var other => other });
                continue;
            }

            Assert.False(c is '"' or '\u201C' or '\u201D' or '\u201E' or '$', $"unescaped {c} at {i} in {literal}");
            text.Append(c);
        }

        return text.ToString();
    }
}
