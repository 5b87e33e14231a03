using System.Text;

namespace SigmaSharp.Documentation;

/// <summary>Small text rules shared by the Markdown writers.</summary>
internal static class MarkdownText
{
    /// <summary>
    /// A code fence longer than any backtick run in the text, so a rule that itself holds ``` cannot end
    /// the block early (CommonMark closes a fence only with one at least as long).
    /// </summary>
    public static string FenceFor(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return new string('`', Math.Max(3, longest + 1));
    }

    /// <summary>Appends a verbatim block body, ending it with exactly the line break it lacks.</summary>
    public static void AppendBody(StringBuilder builder, string text)
    {
        builder.Append(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (text.Length > 0 && text[^1] != '\n')
        {
            builder.Append('\n');
        }
    }

    /// <summary>A YAML double-quoted scalar (front matter), escaping what YAML and JSON both require.</summary>
    public static string YamlQuoted(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ': builder.Append($"\\x{(int)c:X2}"); break;
                default: builder.Append(c); break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>A front-matter list item: plain when it is a simple tag, quoted otherwise.</summary>
    public static string YamlItem(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') && !char.IsAsciiDigit(text[0]) && text[0] != '-'
            ? text
            : YamlQuoted(text);

    /// <summary>Text on one line: line breaks become spaces (YAML folded descriptions, multi-line authors).</summary>
    public static string OneLine(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
