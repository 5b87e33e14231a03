using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace SigmaSharp.Tests.Conversion.Escaping;

/// <summary>
/// grep: the command is one shell word after <c>grep -P -i</c>; its pattern, run by the system's <c>grep -P -i</c>, finds
/// the line holding the value and exactly the near misses the rule's meaning for grep admits (grep ignores field
/// names and anchors at the line start: an exact or startswith value is a line prefix, the others occur anywhere).
/// </summary>
public sealed class GrepEscapingPropertyTests(ITestOutputHelper output)
{
    private const string Grep = "/usr/bin/grep";

    [Fact]
    public void Grep_pattern_matches_exactly_the_value()
    {
        if (!File.Exists(Grep))
        {
            output.WriteLine("skipped: " + Grep + " not found");
            return;
        }

        // Lines cannot hold a line break, and grep reads text; both are outside what a grep query can express.
        EscapingSample.Gen(excluded: "\n\r").Sample(sample =>
        {
            var command = sample.Query("grep");
            var pattern = ShellWord(command, "grep -P -i ");
            var candidates = sample.Candidates().Where(c => c.Length > 0).ToList();
            var expected = candidates.Select((c, i) => (c, i)).Where(p => GrepMeaning(sample, p.c)).Select(p => p.i).ToHashSet();
            var found = Run(pattern, candidates);
            Assert.True(expected.SetEquals(found), $"{sample}: {command} found [{string.Join(",", found)}], expected [{string.Join(",", expected)}] of {JsonSerializer.Serialize(candidates)}");
        }, iter: EscapingSample.Iterations, threads: 1);
    }

    private static bool GrepMeaning(EscapingSample sample, string line) => sample.Mode is MatchMode.Exact or MatchMode.StartsWith
        ? line.StartsWith(sample.Value, StringComparison.OrdinalIgnoreCase)
        : line.Contains(sample.Value, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the rest of the command as POSIX shell quoting and insists that it is one word.</summary>
    private static string ShellWord(string command, string prefix)
    {
        Assert.StartsWith(prefix, command, StringComparison.Ordinal);
        var word = new StringBuilder();
        var i = prefix.Length;
        while (i < command.Length)
        {
            var quote = command[i];
            Assert.True(quote is '\'' or '"', $"unquoted character {quote} at {i} in {command}");
            var end = command.IndexOf(quote, i + 1);
            Assert.True(end > i, "unterminated quoting in " + command);
            var part = command[(i + 1)..end];
            Assert.False(quote == '"' && part.IndexOfAny(['$', '`', '\\', '!']) >= 0, "double-quoted part would expand: " + part);
            word.Append(part);
            i = end + 1;
        }

        return word.ToString();
    }

    private static HashSet<int> Run(string pattern, List<string> lines)
    {
        var start = new ProcessStartInfo(Grep) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-P", "-i", "-n", "-a", "-e", pattern })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C.UTF-8";
        start.StandardInputEncoding = new UTF8Encoding(false);
        start.StandardOutputEncoding = Encoding.UTF8;
        using var process = Process.Start(start)!;
        process.StandardInput.Write(string.Concat(lines.Select(l => l + "\n")));
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode is 0 or 1, $"grep failed ({process.ExitCode}): {stderr} for pattern {pattern}");
        return [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => int.Parse(l[..l.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture) - 1)];
    }
}
