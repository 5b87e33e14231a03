using System.Globalization;
using System.Net;
using System.Text;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Tests.Engines.Generation;

/// <summary>
/// For one value of a detection item: the fields that satisfy it (its witnesses), and the near misses around a witness
/// (one character changed, first or last character cut, letter case swapped, embedded in longer text, field missing).
/// </summary>
internal static class ValueWitnesses
{
    /// <summary>The field a keyword (field-less) value is put in; keywords are searched in every field.</summary>
    public const string KeywordField = "Message";

    private const int RegexSamples = 2;

    public static string FieldOf(DetectionItem item) => item.Field ?? KeywordField;

    /// <summary>Partial events that make this one value of the item true (an expansion gives one per alternative).</summary>
    public static List<PartialEvent> For(DetectionItem item, SigmaValue value)
    {
        var field = FieldOf(item);
        switch (value)
        {
            case SigmaString s when !s.HasPlaceholders:
                return [PartialEvent.With(field, FlatValue.Of(Text(s)))];
            case SigmaNumber n:
                return [PartialEvent.With(field, Number(n.Value, n.Text))];
            case SigmaBool b:
                return [PartialEvent.With(field, FlatValue.Of(b.Value ? "true" : "false"))];
            case SigmaNull:
                return [PartialEvent.With(field, null)];
            case SigmaExists exists:
                return [PartialEvent.With(field, exists.Exists ? FlatValue.Of("present") : null)];
            case SigmaRegex regex:
                return [.. RegexSampler.Samples(regex, RegexSamples).Select(t => PartialEvent.With(field, FlatValue.Of(t)))];
            case SigmaCidr cidr:
                return [PartialEvent.With(field, FlatValue.Of(Inside(cidr.Network)))];
            case SigmaCompare compare:
                var bound = compare.Number.Value;
                var satisfying = compare.Operator switch
                {
                    CompareOperator.LessThan => bound - 1,
                    CompareOperator.GreaterThan => bound + 1,
                    _ => bound,
                };
                return [PartialEvent.With(field, Number(satisfying, satisfying.ToString(CultureInfo.InvariantCulture)))];
            case SigmaFieldRef reference:
                return [PartialEvent.With(reference.Field, FlatValue.Of("shared")).Merge(PartialEvent.With(field, FlatValue.Of("shared")))];
            case SigmaExpansion expansion:
                return [.. expansion.Values.SelectMany(v => For(item, v))];
            default:
                return [];
        }
    }

    /// <summary>
    /// Events close to <paramref name="witness"/> in <paramref name="field"/>, each with what was changed. A CIDR value's
    /// near misses are the addresses just outside the network (text cut from an address is no address at all).
    /// </summary>
    public static IEnumerable<(string Change, PartialEvent Event)> NearMisses(PartialEvent witness, string field, SigmaValue tested)
    {
        if (tested is SigmaCidr cidr)
        {
            PartialEvent SetAddress(IPAddress? address) => witness.Override(PartialEvent.With(field, address is null ? null : FlatValue.Of(address.ToString())));
            yield return ("missing", SetAddress(null));
            foreach (var (change, address) in Outside(cidr.Network))
            {
                yield return (change, SetAddress(address));
            }

            yield break;
        }

        var current = witness.Fields.FirstOrDefault(f => string.Equals(f.Name, field, StringComparison.OrdinalIgnoreCase));
        if (current.Name is null)
        {
            yield break;
        }

        PartialEvent Set(FlatValue? value) => witness.Override(PartialEvent.With(field, value));
        if (current.Value is not { } value)
        {
            yield return ("present", Set(FlatValue.Of("present")));
            yield return ("empty", Set(FlatValue.Of(string.Empty)));
            yield break;
        }

        yield return ("missing", Set(null));
        if (value.IsInteger)
        {
            var n = long.Parse(value.Text, CultureInfo.InvariantCulture);
            yield return ("plus one", Set(FlatValue.Of(n + 1)));
            yield return ("as text", Set(FlatValue.Of(value.Text)));
            yield break;
        }

        var text = value.Text;
        if (text.Length == 0)
        {
            yield return ("one character", Set(FlatValue.Of("x")));
            yield break;
        }

        yield return ("one character changed", Set(FlatValue.Of(ChangeOne(text))));
        yield return ("first character cut", Set(FlatValue.Of(text[1..])));
        yield return ("last character cut", Set(FlatValue.Of(text[..^1])));
        if (SwapAsciiCase(text) is { } swapped && swapped != text)
        {
            yield return ("case swapped", Set(FlatValue.Of(swapped)));
        }

        yield return ("embedded", Set(FlatValue.Of("Xy " + text + " zW")));
    }

    /// <summary>The addresses just below and just above a network, where they exist.</summary>
    private static IEnumerable<(string Change, IPAddress Address)> Outside(IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        var value = new System.Numerics.BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var size = System.Numerics.BigInteger.One << (bytes.Length * 8 - network.PrefixLength);
        var max = (System.Numerics.BigInteger.One << (bytes.Length * 8)) - 1;
        if (value > 0)
        {
            yield return ("address below the network", Address(value - 1, bytes.Length));
        }

        if (value + size <= max)
        {
            yield return ("address above the network", Address(value + size, bytes.Length));
        }
    }

    private static IPAddress Address(System.Numerics.BigInteger value, int length)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var full = new byte[length];
        bytes.CopyTo(full, length - bytes.Length);
        return new IPAddress(full);
    }

    /// <summary>The literal text with every <c>*</c> left out and every <c>?</c> as one letter.</summary>
    private static string Text(SigmaString s)
    {
        var text = new StringBuilder();
        foreach (var part in s.Parts)
        {
            text.Append(part switch
            {
                LiteralPart literal => literal.Text,
                WildcardSinglePart => "q",
                _ => string.Empty,
            });
        }

        return text.ToString();
    }

    private static FlatValue Number(decimal value, string text) =>
        decimal.IsInteger(value) && value is >= long.MinValue and <= long.MaxValue ? FlatValue.Of((long)value) : FlatValue.Of(text);

    private static string Inside(IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        var hostBits = bytes.Length * 8 - network.PrefixLength;
        if (hostBits > 1)
        {
            bytes[^1] |= 1;
        }

        return new IPAddress(bytes).ToString();
    }

    /// <summary>A character near the middle replaced by another of the same kind (letter, digit, other).</summary>
    private static string ChangeOne(string text)
    {
        var at = text.Length / 2;
        var c = text[at];
        var replacement = c switch
        {
            >= 'a' and < 'z' or >= 'A' and < 'Z' or >= '0' and < '9' => (char)(c + 1),
            'z' => 'a',
            'Z' => 'A',
            '9' => '0',
            '_' => '-',
            _ => '_',
        };
        return text[..at] + replacement + text[(at + 1)..];
    }

    private static string? SwapAsciiCase(string text)
    {
        var chars = text.ToCharArray();
        var changed = false;
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiLetter(chars[i]))
            {
                chars[i] = char.IsAsciiLetterUpper(chars[i]) ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
                changed = true;
            }
        }

        return changed ? new string(chars) : null;
    }
}
