using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SigmaSharp.Events;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Evaluation.Matching;

/// <summary>Numeric parsing shared by the number and comparison matchers.</summary>
internal static class EventNumber
{
    internal const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Decimal text (JSON numbers, "4688", "-1.5e3"); hex, blanks and other text are not numbers.</summary>
    public static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out value);
}

/// <summary>
/// A number in the rule: equal numerically when the event value is numeric text (so 4688, "4688"
/// and 4688.0 all match <c>EventID: 4688</c>), otherwise equal to the number's written text.
/// </summary>
internal sealed class NumberMatcher(SigmaNumber number) : ValueMatcher
{
    public override bool Matches(string value, EventValueKind kind) =>
        EventNumber.TryParse(value, out var parsed)
            ? parsed == number.Value
            : value.Equals(number.Text, StringComparison.OrdinalIgnoreCase);

    public override IReadOnlyList<string>? ExactValues => [number.Text, Matching.ExactValues.Number(number.Value)];
}

/// <summary>A boolean in the rule: a JSON true/false, or the text "true"/"false" in any case.</summary>
internal sealed class BoolMatcher(bool expected) : ValueMatcher
{
    public override bool Matches(string value, EventValueKind kind) => kind switch
    {
        EventValueKind.True => expected,
        EventValueKind.False => !expected,
        _ => value.Equals(expected ? "true" : "false", StringComparison.OrdinalIgnoreCase),
    };
}

/// <summary><c>lt</c>/<c>lte</c>/<c>gt</c>/<c>gte</c>: a value that is not numeric never matches.</summary>
internal sealed class CompareMatcher(CompareOperator op, decimal bound) : ValueMatcher
{
    public override bool Matches(string value, EventValueKind kind) =>
        EventNumber.TryParse(value, out var parsed) && Compare(op, parsed, bound);

    public static bool Compare(CompareOperator op, decimal left, decimal right) => op switch
    {
        CompareOperator.LessThan => left < right,
        CompareOperator.LessThanOrEqual => left <= right,
        CompareOperator.GreaterThan => left > right,
        _ => left >= right,
    };
}

/// <summary>
/// <c>cidr</c>: the value parses as an IP address inside the network. IPv4-mapped IPv6 addresses
/// (<c>::ffff:10.0.0.1</c>) are the IPv4 address they carry, so they match IPv4 networks, and an
/// IPv4 address matches an IPv6 network that covers its mapped form.
/// </summary>
internal sealed class CidrMatcher(IPNetwork network) : ValueMatcher
{
    public override bool Matches(string value, EventValueKind kind)
    {
        if (!IPAddress.TryParse(value.AsSpan().Trim(), out var address))
        {
            return false;
        }
        var family = network.BaseAddress.AddressFamily;
        if (address.AddressFamily != family)
        {
            if (family == AddressFamily.InterNetwork && address.IsIPv4MappedToIPv6)
            {
                address = address.MapToIPv4();
            }
            else if (family == AddressFamily.InterNetworkV6 && address.AddressFamily == AddressFamily.InterNetwork)
            {
                address = address.MapToIPv6();
            }
            else
            {
                return false;
            }
        }
        return Contains(address);
    }

    // By prefix bits: IPNetwork.Contains treats IPv4-mapped addresses specially and would refuse them in ::ffff:0:0/96.
    private bool Contains(IPAddress address)
    {
        Span<byte> have = stackalloc byte[16];
        Span<byte> want = stackalloc byte[16];
        if (!address.TryWriteBytes(have, out var length) || !network.BaseAddress.TryWriteBytes(want, out _))
        {
            return false;
        }
        var bits = network.PrefixLength;
        for (var i = 0; i < length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((have[i] & mask) != (want[i] & mask))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>
/// <c>minute</c>…<c>year</c>: the value parsed as a timestamp (as event times are: ISO 8601,
/// assumed UTC without an offset, or Unix epoch), converted to UTC; weeks are ISO 8601 weeks.
/// </summary>
internal sealed class TimePartMatcher(TimePart part, ValueMatcher comparison) : ValueMatcher
{
    public override bool Matches(string value, EventValueKind kind)
    {
        if (EventTimestamp.Parse(value) is not { } time)
        {
            return false;
        }
        var utc = time.UtcDateTime;
        var number = part switch
        {
            TimePart.Minute => utc.Minute,
            TimePart.Hour => utc.Hour,
            TimePart.Day => utc.Day,
            TimePart.Week => ISOWeek.GetWeekOfYear(utc),
            TimePart.Month => utc.Month,
            _ => utc.Year,
        };
        return comparison.Matches(number.ToString(CultureInfo.InvariantCulture), EventValueKind.Number);
    }
}
