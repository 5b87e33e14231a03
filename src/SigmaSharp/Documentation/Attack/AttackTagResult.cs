namespace SigmaSharp.Documentation.Attack;

/// <summary>The outcome of resolving one Sigma attack.* tag.</summary>
/// <param name="Tag">The tag as written in the rule.</param>
/// <param name="Status">Found, newer than the table, unchecked kind, or malformed.</param>
/// <param name="Kind">What the tag names — from the entry when found, from the tag's shape otherwise; null when malformed.</param>
/// <param name="Entry">The table row when found.</param>
/// <param name="BundledVersion">The ATT&amp;CK version of the table consulted, for messages ("not in the bundled ATT&amp;CK v18.1").</param>
public sealed record AttackTagResult(
    string Tag,
    AttackTagStatus Status,
    AttackObjectKind? Kind,
    AttackEntry? Entry,
    string BundledVersion)
{
    /// <summary>The name to show for the tag, when the table knows it.</summary>
    public string? Name => Entry?.Name;
}
