using System.Collections.Frozen;

namespace SigmaSharp.Rules;

/// <summary>The spelling of each modifier in rule keys.</summary>
public static class ModifierNames
{
    private static readonly (string Name, Modifier Modifier)[] Spellings =
    [
        ("contains", Modifier.Contains), ("startswith", Modifier.StartsWith), ("endswith", Modifier.EndsWith),
        ("all", Modifier.All), ("exists", Modifier.Exists), ("cased", Modifier.Cased), ("neq", Modifier.Neq),
        ("windash", Modifier.Windash), ("re", Modifier.Re), ("i", Modifier.IgnoreCase),
        ("ignorecase", Modifier.IgnoreCase), ("m", Modifier.Multiline), ("multiline", Modifier.Multiline),
        ("s", Modifier.DotAll), ("dotall", Modifier.DotAll), ("base64", Modifier.Base64),
        ("base64offset", Modifier.Base64Offset), ("utf16le", Modifier.Utf16LE), ("utf16be", Modifier.Utf16BE),
        ("utf16", Modifier.Utf16), ("wide", Modifier.Wide), ("lt", Modifier.Lt), ("lte", Modifier.Lte),
        ("gt", Modifier.Gt), ("gte", Modifier.Gte), ("minute", Modifier.Minute), ("hour", Modifier.Hour),
        ("day", Modifier.Day), ("week", Modifier.Week), ("month", Modifier.Month), ("year", Modifier.Year),
        ("cidr", Modifier.Cidr), ("expand", Modifier.Expand), ("fieldref", Modifier.FieldRef),
    ];

    private static readonly FrozenDictionary<string, Modifier> ByName =
        Spellings.ToFrozenDictionary(s => s.Name, s => s.Modifier, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Modifier, string> NameByModifier =
        Spellings.GroupBy(s => s.Modifier).ToFrozenDictionary(g => g.Key, g => g.First().Name);

    public static IReadOnlyList<string> AllNames { get; } = Spellings.Select(s => s.Name).ToArray();

    public static bool TryParse(string name, out Modifier modifier) => ByName.TryGetValue(name, out modifier);

    public static string NameOf(Modifier modifier) => NameByModifier[modifier];
}
