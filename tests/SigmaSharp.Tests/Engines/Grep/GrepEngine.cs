using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SigmaSharp.Tests.Engines.Grep;

/// <summary>
/// Runs a grep target command with the system's <c>grep</c> (GNU grep's <c>-P</c>, PCRE2) over the events' lines,
/// one event per line: the command is read as the POSIX shell would split it (it must be <c>grep</c>, its flags and
/// one single-quoted pattern), then the flags and pattern are passed to grep as arguments, without a shell.
/// </summary>
internal static class GrepEngine
{
    public const string Grep = "/usr/bin/grep";

    public static bool Available => File.Exists(Grep);

    public static HashSet<int> Run(string command, IReadOnlyList<FlatEvent> events)
    {
        var words = ShellWords(command);
        if (words.Count < 3 || words[0] != "grep" || words.Skip(1).SkipLast(1).Any(w => !w.StartsWith('-')))
        {
            throw new InvalidOperationException("unexpected command shape: " + command);
        }

        var start = new ProcessStartInfo(Grep)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var flag in words.Skip(1).SkipLast(1))
        {
            start.ArgumentList.Add(flag);
        }

        // -n: line numbers identify the events; -a: never "binary file matches"; -e: a pattern starting with '-'.
        foreach (var argument in new[] { "-n", "-a", "-e", words[^1] })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C.UTF-8";
        // Linux refuses one argument over 128 KiB (MAX_ARG_STRLEN): such a command cannot run from any shell either.
        if (Encoding.UTF8.GetByteCount(words[^1]) >= 128 * 1024)
        {
            throw new EngineLimitException($"the pattern is {Encoding.UTF8.GetByteCount(words[^1]) / 1024} KiB, over Linux's 128 KiB limit for one argument");
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            process.StandardInput.Write(string.Concat(events.Select(e => e.Line + "\n")));
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // grep stopped before reading its input (a pattern it refused): its exit code and message say why.
        }

        process.WaitForExit();
        if (process.ExitCode == 2 && stderr.Result.Contains("regular expression is too large", StringComparison.Ordinal))
        {
            // PCRE2's compiled-pattern size limit (a rule with thousands of hashes).
            throw new EngineLimitException(stderr.Result.Trim());
        }

        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"grep failed ({process.ExitCode}): {stderr.Result.Trim()}");
        }

        return [.. stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => int.Parse(l[..l.IndexOf(':', StringComparison.Ordinal)], CultureInfo.InvariantCulture) - 1)];
    }

    /// <summary>POSIX shell word splitting for what the grep target writes: blanks, single and double quotes.</summary>
    public static List<string> ShellWords(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            switch (c)
            {
                case ' ' or '\t':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    break;
                case '\'':
                    var end = command.IndexOf('\'', i + 1);
                    if (end < 0)
                    {
                        throw new InvalidOperationException("unterminated single quote in " + command);
                    }

                    word.Append(command, i + 1, end - i - 1);
                    i = end;
                    inWord = true;
                    break;
                case '"':
                    var close = command.IndexOf('"', i + 1);
                    var part = close < 0 ? throw new InvalidOperationException("unterminated double quote in " + command) : command[(i + 1)..close];
                    if (part.IndexOfAny(['$', '`', '\\', '!']) >= 0)
                    {
                        throw new InvalidOperationException("double-quoted part the shell would expand: " + part);
                    }

                    word.Append(part);
                    i = close;
                    inWord = true;
                    break;
                case '\\' or '$' or '`' or ';' or '|' or '&' or '<' or '>' or '(' or ')':
                    throw new InvalidOperationException($"shell metacharacter {c} outside quotes in " + command);
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
