using System.Net;
using System.Text;

namespace SigmaSharp.Web.Preview;

/// <summary>Writes preview blocks as Markdown and as escaped HTML.</summary>
internal static class PreviewWriter
{
    public static string Markdown(IEnumerable<PreviewBlock> blocks)
    {
        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    text.Append('#', h.Level).Append(' ').AppendLine(h.Text);
                    break;
                case ParagraphBlock p:
                    text.AppendLine(p.Text);
                    break;
                case FactsBlock f:
                    text.AppendLine("| | |").AppendLine("|:--|:--|");
                    foreach (var (label, value) in f.Rows)
                    {
                        text.Append("| **").Append(label).Append("** | ").Append(value.Replace("|", "\\|", StringComparison.Ordinal)).AppendLine(" |");
                    }

                    break;
                case ListBlock l:
                    foreach (var item in l.Items)
                    {
                        text.Append("- ").AppendLine(item);
                    }

                    break;
                case CodeBlock c:
                    var fence = c.Text.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
                    text.Append(fence).AppendLine(c.Language).AppendLine(c.Text.TrimEnd('\n')).AppendLine(fence);
                    break;
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    public static string Html(IEnumerable<PreviewBlock> blocks)
    {
        var html = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    html.Append("<h").Append(h.Level + 1).Append('>').Append(E(h.Text)).Append("</h").Append(h.Level + 1).AppendLine(">");
                    break;
                case ParagraphBlock p:
                    html.Append("<p>").Append(E(p.Text)).AppendLine("</p>");
                    break;
                case FactsBlock f:
                    html.AppendLine("<table class=\"facts\">");
                    foreach (var (label, value) in f.Rows)
                    {
                        html.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th><td>").Append(Inline(value)).AppendLine("</td></tr>");
                    }

                    html.AppendLine("</table>");
                    break;
                case ListBlock l:
                    html.AppendLine("<ul>");
                    foreach (var item in l.Items)
                    {
                        html.Append("<li>").Append(Inline(item)).AppendLine("</li>");
                    }

                    html.AppendLine("</ul>");
                    break;
                case CodeBlock c:
                    html.Append("<pre><code>").Append(E(c.Text)).AppendLine("</code></pre>");
                    break;
            }
        }

        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Plain http(s) URLs become links that open outside the app; everything else is text.</summary>
    private static string Inline(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !text.Contains(' ', StringComparison.Ordinal)
            ? $"<a href=\"{E(uri.AbsoluteUri)}\" rel=\"noopener noreferrer\" target=\"_blank\">{E(text)}</a>"
            : E(text);
}
