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

/// <summary>One line per modifier for <c>sigma list modifiers</c>.</summary>
public static class ModifierDescriptions
{
    public static IReadOnlyList<(string Name, string Description)> All { get; } =
    [
        ("contains", "value matched anywhere in the field (wildcards around it)"),
        ("startswith", "value matched at the start of the field"),
        ("endswith", "value matched at the end of the field"),
        ("all", "the values of the list are AND-linked instead of OR-linked"),
        ("exists", "the field exists (true) or does not exist (false)"),
        ("cased", "match case-sensitively (default is case-insensitive)"),
        ("neq", "the field differs from every one of the values"),
        ("windash", "a word-leading '-' or '/' also matches '/', '-', en dash, em dash and horizontal bar"),
        ("re", "the value is a regular expression (PCRE subset, case-sensitive)"),
        ("i / ignorecase", "regular expression flag: case-insensitive"),
        ("m / multiline", "regular expression flag: ^ and $ match at line breaks"),
        ("s / dotall", "regular expression flag: . matches line breaks"),
        ("base64", "the value is Base64-encoded"),
        ("base64offset", "the value Base64-encoded at each of the three byte offsets"),
        ("utf16le / wide", "the value encoded as UTF-16LE (usually before base64)"),
        ("utf16be", "the value encoded as UTF-16BE"),
        ("utf16", "the value encoded as UTF-16 with a byte order mark"),
        ("lt / lte / gt / gte", "numeric comparison with the value"),
        ("minute / hour / day / week / month / year", "compare a part of a timestamp field"),
        ("cidr", "the field is an IP address inside the IPv4 or IPv6 network"),
        ("expand", "%placeholders% in the value are replaced by a pipeline or a placeholder file"),
        ("fieldref", "the value names another field of the same event to compare with"),
    ];
}
