using System.Text;

namespace SigmaSharp.Documentation.Site;

/// <summary>The HTML5 shell every site page shares: language, charset, title, the stylesheet and the navigation bar.</summary>
internal static class SiteLayout
{
    public static readonly (string File, string Label)[] IndexPages =
    [
        ("index.html", "Search"),
        ("tactics.html", "Tactics"),
        ("techniques.html", "Techniques"),
        ("matrix.html", "Matrix"),
        ("logsources.html", "Log sources"),
        ("levels.html", "Levels"),
        ("statuses.html", "Status"),
    ];

    /// <param name="root">The path from the page back to the site root: "" or "../".</param>
    public static string Page(string title, string root, string body, string? scripts = null)
    {
        var html = new StringBuilder(body.Length + 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(MarkdownHtml.Escape(title)).Append("</title>\n");
        html.Append("<link rel=\"stylesheet\" href=\"").Append(root).Append("assets/style.css\">\n</head>\n<body>\n<nav>");
        foreach (var (file, label) in IndexPages)
        {
            html.Append("<a href=\"").Append(root).Append(file).Append("\">").Append(label).Append("</a> ");
        }
        html.Append("</nav>\n<main>\n").Append(body).Append("</main>\n");
        html.Append(scripts ?? string.Empty);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>An id usable as a fragment (#T1059.001, #windows-process_creation).</summary>
    public static string Anchor(string key) => PageNames.Sanitize(key) ?? "none";
}
