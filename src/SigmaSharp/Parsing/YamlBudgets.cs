namespace SigmaSharp.Parsing;

/// <summary>
/// Limits on untrusted YAML. The defaults are far above any real rule (the largest SigmaHQ rule is a few
/// hundred KB, nests under 10 levels and uses no aliases) and far below what exhausts memory or the stack.
/// </summary>
public sealed record YamlBudgets
{
    public static YamlBudgets Default { get; } = new();

    /// <summary>Largest rule file read, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Deepest nesting of maps and lists; YamlDotNet and our walkers recurse, so this guards the stack.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most nodes a file may expand to after aliases are followed (billion-laughs guard).</summary>
    public long MaxExpandedNodes { get; init; } = 1_000_000;

    /// <summary>Most alias references in one file.</summary>
    public int MaxAliases { get; init; } = 10_000;
}
