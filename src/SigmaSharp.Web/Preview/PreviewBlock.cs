namespace SigmaSharp.Web.Preview;

/// <summary>
/// The few shapes a rule page is made of. Each is written both as Markdown (to copy) and as HTML (to show); the
/// HTML is built from escaped text only, so nothing in a rule can become markup or script.
/// </summary>
internal abstract record PreviewBlock;

internal sealed record HeadingBlock(int Level, string Text) : PreviewBlock;

internal sealed record ParagraphBlock(string Text) : PreviewBlock;

/// <summary>Rows of label and value; a value may be a link.</summary>
internal sealed record FactsBlock(IReadOnlyList<(string Label, string Value)> Rows) : PreviewBlock;

/// <summary>A bullet list; items that are http(s) URLs are shown as links.</summary>
internal sealed record ListBlock(IReadOnlyList<string> Items) : PreviewBlock;

internal sealed record CodeBlock(string Language, string Text) : PreviewBlock;
