using SigmaSharp.Rules;
using SigmaSharp.Web.Api;
using SigmaSharp.Web.Serving;

namespace SigmaSharp.Web.Preview;

/// <summary>
/// The "rule page" tab: title, description, ATT&amp;CK tags with their names, log source, false positives,
/// references and the raw rule. HOOK: this is a stand-in until the library's documentation writer exists; when it
/// does, <see cref="Render"/> should return its Markdown (and this file's blocks go away). The API shape stays.
/// </summary>
internal static class RulePreview
{
    public static PreviewResponse Render(string text)
    {
        var collection = RuleWork.Load(text);
        var blocks = collection.Rules.Count > 0 && collection.Rules[0] is { } rule ? Blocks(rule, text) : Unreadable(collection, text);
        return new PreviewResponse(PreviewWriter.Markdown(blocks), PreviewWriter.Html(blocks));
    }

    private static List<PreviewBlock> Blocks(SigmaRuleBase rule, string text)
    {
        var info = rule.Info;
        var blocks = new List<PreviewBlock> { new HeadingBlock(1, info.Title) };
        if (info.Description is { } description)
        {
            blocks.Add(new ParagraphBlock(description));
        }

        var facts = new List<(string, string)>();
        Add("ID", info.Id);
        Add("Status", info.Status?.ToString().ToLowerInvariant());
        Add("Level", info.Level?.ToString().ToLowerInvariant());
        Add("Author", info.Author);
        Add("Date", info.Date?.Text);
        Add("Modified", info.Modified?.Text);
        Add("Log source", rule is SigmaRule { LogSource: var source } ? source.ToString() : null);
        Add("Kind", rule switch { CorrelationRule => "correlation", SigmaFilter => "filter", _ => "detection" });
        blocks.Add(new FactsBlock(facts));

        var tags = info.Tags.Select(t => RuleWork.Tag(t.ToString())).ToList();
        Section("ATT&CK", [.. tags.Where(t => t.Status is not null).Select(Describe)]);
        Section("Other tags", [.. tags.Where(t => t.Status is null).Select(t => t.Tag)]);
        Section("False positives", [.. info.FalsePositives]);
        Section("References", [.. info.References]);
        Section("Fields", [.. info.Fields]);
        blocks.Add(new HeadingBlock(2, "Rule"));
        blocks.Add(new CodeBlock("yaml", text));
        return blocks;

        void Add(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts.Add((label, value));
            }
        }

        void Section(string heading, IReadOnlyList<string> items)
        {
            if (items.Count > 0)
            {
                blocks.Add(new HeadingBlock(2, heading));
                blocks.Add(new ListBlock(items));
            }
        }
    }

    private static string Describe(ApiTag tag) => tag switch
    {
        { Name: { } name, AttackId: { } id } => $"{tag.Tag}: {id} {name} ({tag.Kind})",
        { Status: "notInBundledVersion" } => $"{tag.Tag}: not in the bundled ATT&CK version",
        { Status: "kindNotBundled" } => $"{tag.Tag}: {tag.Kind} (not checked: the bundled table has no {tag.Kind}s)",
        _ => $"{tag.Tag}: not an ATT&CK tag shape",
    };

    private static List<PreviewBlock> Unreadable(RuleCollection collection, string text) =>
    [
        new HeadingBlock(1, "No rule to show"),
        new ListBlock([.. collection.Diagnostics.Select(d => $"line {d.Position.Line}: {d.Code} {d.Message}")]),
        new CodeBlock("yaml", text),
    ];
}
