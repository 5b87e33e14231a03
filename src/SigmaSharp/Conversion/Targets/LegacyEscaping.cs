namespace SigmaSharp.Conversion.Targets;

/// <summary>
/// How regex-based targets (powershell, grep) escape values: <see cref="Exact"/> (default) makes the value match
/// itself only; <see cref="Sigmac"/> reproduces the legacy converter's incomplete escaping, for users who must
/// reproduce old queries character for character (see docs/sigmac-differences.md).
/// </summary>
internal enum LegacyEscaping
{
    Exact,
    Sigmac,
}

internal static class LegacyEscapingOption
{
    public static readonly IReadOnlyDictionary<string, LegacyEscaping> Choices =
        new Dictionary<string, LegacyEscaping> { ["exact"] = LegacyEscaping.Exact, ["sigmac"] = LegacyEscaping.Sigmac };
}
