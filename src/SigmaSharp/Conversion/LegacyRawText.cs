using System.Collections.Immutable;
using System.Runtime.InteropServices;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion;

/// <summary>
/// The values of a detection item as sigmac read them: for plain strings with only wildcard modifiers, the text as
/// written (its wildcard modifiers applied sigmac's way) instead of the parsed value.
/// </summary>
internal static class LegacyRawText
{
    /// <summary>
    /// For plain strings with only wildcard modifiers, the text as written (with sigmac's own wildcard rules applied)
    /// is what sigmac escaped; keeping it reproduces its output exactly for odd backslash runs.
    /// </summary>
    public static ImmutableArray<SigmaValue> Values(DetectionItem item, SigmacQuirks quirks)
    {
        if (item.RawValues.Count != item.Values.Count)
        {
            return item.Values.Items;
        }

        // Loops, not LINQ: this runs for every item of every rule, once per target.
        var contains = false;
        var startsWith = false;
        var endsWith = false;
        foreach (var modifier in item.Modifiers)
        {
            switch (modifier)
            {
                case Modifier.Contains:
                    contains = true;
                    break;
                case Modifier.StartsWith:
                    startsWith = true;
                    break;
                case Modifier.EndsWith:
                    endsWith = true;
                    break;
                case Modifier.All:
                    break;
                default:
                    return item.Values.Items;
            }
        }

        foreach (var value in item.Values)
        {
            if (value is not SigmaString { Cased: false, HasPlaceholders: false })
            {
                return item.Values.Items;
            }
        }

        var values = new SigmaValue[item.Values.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var raw = item.RawValues[i];
            if (raw is null)
            {
                return item.Values.Items;
            }

            if (contains || endsWith)
            {
                raw = raw.StartsWith('*') ? raw : "*" + raw;
            }

            if ((contains || startsWith) && !(quirks.TrailingWildcard ? raw.EndsWith('*') : EndsWithWildcard(raw)))
            {
                // An odd run of trailing backslashes ends in a literal one, which a bare '*' would turn into "\*".
                raw += (quirks.TrailingWildcard ? raw.EndsWith('\\') : TrailingBackslashes(raw) % 2 == 1) ? "\\*" : "*";
            }

            values[i] = new RawText(raw);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    /// <summary>
    /// A trailing '*' is a wildcard unless escaped by an odd backslash run. sigmac looked at the last character only, so
    /// a value ending in a literal star (<c>\*</c>) lost its 'contains'/'startswith' wildcard.
    /// </summary>
    private static bool EndsWithWildcard(string raw) => raw.EndsWith('*') && TrailingBackslashes(raw[..^1]) % 2 == 0;

    private static int TrailingBackslashes(string text)
    {
        var count = 0;
        while (count < text.Length && text[text.Length - 1 - count] == '\\')
        {
            count++;
        }

        return count;
    }

    /// <summary>A string already in legacy text form.</summary>
    internal sealed record RawText(string Text) : SigmaValue;
}
