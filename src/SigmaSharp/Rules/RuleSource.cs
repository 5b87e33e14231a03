namespace SigmaSharp.Rules;

/// <summary>Where a rule came from: the file, the YAML document index within it, and the document's first line.</summary>
public sealed record RuleSource(string File, int DocumentIndex, SourcePosition Position);
