using SigmaSharp.Documentation;
using SigmaSharp.Documentation.Site;
using SigmaSharp.Web.Api;
using SigmaSharp.Web.Serving;

namespace SigmaSharp.Web.Preview;

/// <summary>
/// The "rule page" tab: the page <c>sigma docs --format rule-page</c> writes for the rule, as Markdown and as the
/// HTML the static site renders it to. Dated from the rule's own date: a request never touches git or the disk.
/// </summary>
internal static class RulePreview
{
    public static PreviewResponse Render(string text)
    {
        var collection = RuleWork.Load(text);
        string markdown;
        if (collection.Rules.Count == 0)
        {
            var problems = collection.Diagnostics.Select(d => $"* line {d.Position.Line}: {d.Code} {d.Message}");
            markdown = "# No rule to show\n\n" + string.Join("\n", problems) + "\n";
        }
        else
        {
            var options = new DocsOptions { Dates = PageDateSource.RuleDate, ReadText = _ => text };
            markdown = RulePageWriter.Write(DocumentedRules.From(collection, options)[0]);
        }

        return new PreviewResponse(markdown, MarkdownHtml.Render(markdown));
    }
}
