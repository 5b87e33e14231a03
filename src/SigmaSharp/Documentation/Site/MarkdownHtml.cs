using System.Net;
using System.Text;

namespace SigmaSharp.Documentation.Site;

/// <summary>
/// Renders the Markdown subset our pages use — ATX headings, paragraphs, "* " lists, fenced code blocks, pipe
/// tables, [links](url) and bare http(s) URLs — to HTML. Everything else, raw HTML included, is shown as text:
/// every character of the input is escaped, and only http, https and relative links become links.
/// </summary>
public static class MarkdownHtml
{
    public static string Render(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var html = new StringBuilder(markdown.Length * 2);
        var paragraph = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                Flush(paragraph, html);
                i = CodeBlock(lines, i, html);
            }
            else if (trimmed.Length == 0 || (trimmed.StartsWith("<!--", StringComparison.Ordinal) && trimmed.EndsWith("-->", StringComparison.Ordinal)))
            {
                Flush(paragraph, html);
            }
            else if (Heading(trimmed) is var (level, text) && level > 0)
            {
                Flush(paragraph, html);
                html.Append($"<h{level}>").Append(Inline(text)).Append($"</h{level}>\n");
            }
            else if (trimmed.StartsWith("* ", StringComparison.Ordinal) || trimmed.StartsWith("- ", StringComparison.Ordinal))
            {
                Flush(paragraph, html);
                html.Append("<ul>\n");
                for (; i < lines.Length && (lines[i].TrimStart().StartsWith("* ", StringComparison.Ordinal) || lines[i].TrimStart().StartsWith("- ", StringComparison.Ordinal)); i++)
                {
                    html.Append("<li>").Append(Inline(lines[i].TrimStart()[2..].Trim())).Append("</li>\n");
                }
                i--;
                html.Append("</ul>\n");
            }
            else if (trimmed.StartsWith('|') && i + 1 < lines.Length && IsSeparatorRow(lines[i + 1]))
            {
                Flush(paragraph, html);
                i = Table(lines, i, html);
            }
            else
            {
                paragraph.Add(trimmed);
            }
        }
        Flush(paragraph, html);
        return html.ToString();
    }

    /// <summary>Escapes text for HTML element content and attribute values alike.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>Inline text: escaped, with [text](url) and bare http(s) URLs as links when the URL is safe.</summary>
    public static string Inline(string text)
    {
        var html = new StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '|' or '\\' or '[' or ']' or '*' or '`')
            {
                html.Append(Escape(text[i + 1].ToString()));
                i += 2;
            }
            else if (text[i] == '[' && LinkAt(text, i) is var (label, url, end) && end > 0)
            {
                html.Append(Anchor(url, Inline(label)));
                i = end;
            }
            else if (StartsUrl(text, i))
            {
                var stop = i;
                while (stop < text.Length && !char.IsWhiteSpace(text[stop]) && text[stop] is not ('<' or '>' or '"'))
                {
                    stop++;
                }
                var bare = text[i..stop].TrimEnd('.', ',', ';', ')');
                html.Append(Anchor(bare, Escape(bare)));
                i += bare.Length;
            }
            else
            {
                var next = i + 1;
                while (next < text.Length && text[next] is not ('\\' or '[' or 'h'))
                {
                    next++;
                }
                html.Append(Escape(text[i..next]));
                i = next;
            }
        }
        return html.ToString();
    }

    /// <summary>http(s) and relative links become anchors; javascript:, data: and the rest stay text.</summary>
    internal static bool IsSafeUrl(string url)
    {
        if (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var slash = url.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (slash >= 0 && slash < colon);
    }

    private static string Anchor(string url, string labelHtml) =>
        IsSafeUrl(url) ? $"<a href=\"{Escape(url)}\">{labelHtml}</a>" : labelHtml + " (" + Escape(url) + ")";

    private static bool StartsUrl(string text, int i) =>
        (i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1]))
        && (string.CompareOrdinal(text, i, "https://", 0, 8) == 0 || string.CompareOrdinal(text, i, "http://", 0, 7) == 0);

    private static (string Label, string Url, int End) LinkAt(string text, int start)
    {
        var close = text.IndexOf("](", start + 1, StringComparison.Ordinal);
        if (close < 0 || text.IndexOf('[', start + 1, close - start - 1) >= 0)
        {
            return (string.Empty, string.Empty, -1);
        }
        var end = text.IndexOf(')', close + 2);
        return end < 0 ? (string.Empty, string.Empty, -1) : (text[(start + 1)..close], text[(close + 2)..end].Trim(), end + 1);
    }

    private static (int Level, string Text) Heading(string line)
    {
        var level = 0;
        while (level < line.Length && level < 7 && line[level] == '#')
        {
            level++;
        }
        return level is >= 1 and <= 6 && level < line.Length && line[level] == ' ' ? (level, line[(level + 1)..].Trim()) : (0, string.Empty);
    }

    private static int CodeBlock(string[] lines, int start, StringBuilder html)
    {
        var opening = lines[start].TrimStart();
        var fenceLength = opening.TakeWhile(c => c == '`').Count();
        var language = opening[fenceLength..].Trim();
        html.Append(language.Length > 0 ? $"<pre><code class=\"language-{Escape(language)}\">" : "<pre><code>");
        var i = start + 1;
        var first = true;
        for (; i < lines.Length; i++)
        {
            var candidate = lines[i].Trim();
            if (candidate.Length >= fenceLength && candidate.All(c => c == '`'))
            {
                break;
            }
            html.Append(first ? string.Empty : "\n").Append(Escape(lines[i]));
            first = false;
        }
        html.Append("</code></pre>\n");
        return i;
    }

    private static bool IsSeparatorRow(string line)
    {
        var t = line.Trim();
        return t.StartsWith('|') && t.Contains('-', StringComparison.Ordinal) && t.All(c => c is '|' or '-' or ':' or ' ');
    }

    private static int Table(string[] lines, int start, StringBuilder html)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (var cell in Cells(lines[start]))
        {
            html.Append("<th>").Append(Inline(cell)).Append("</th>");
        }
        html.Append("</tr></thead>\n<tbody>\n");
        var i = start + 2;
        for (; i < lines.Length && lines[i].TrimStart().StartsWith('|'); i++)
        {
            html.Append("<tr>");
            foreach (var cell in Cells(lines[i]))
            {
                html.Append("<td>").Append(Inline(cell)).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        return i - 1;
    }

    /// <summary>Splits a table row at unescaped '|'.</summary>
    private static List<string> Cells(string row)
    {
        var cells = new List<string>();
        var t = row.Trim();
        var current = new StringBuilder();
        for (var i = 1; i < t.Length; i++)
        {
            if (t[i] == '\\' && i + 1 < t.Length && t[i + 1] == '|')
            {
                current.Append("\\|");
                i++;
            }
            else if (t[i] == '|')
            {
                cells.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(t[i]);
            }
        }
        if (current.ToString().Trim().Length > 0)
        {
            cells.Add(current.ToString().Trim());
        }
        return cells;
    }

    private static void Flush(List<string> paragraph, StringBuilder html)
    {
        if (paragraph.Count > 0)
        {
            html.Append("<p>").Append(string.Join("\n", paragraph.Select(Inline))).Append("</p>\n");
            paragraph.Clear();
        }
    }
}
