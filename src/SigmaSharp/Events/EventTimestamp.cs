using System.Globalization;

namespace SigmaSharp.Events;

/// <summary>Reads an event's time from the first of the schema's timestamp fields that parses.</summary>
internal static class EventTimestamp
{
    // Epoch values above this are milliseconds: 1e11 seconds is the year 5138.
    private const double MillisecondsThreshold = 1e11;

    internal static DateTimeOffset? Find(SigmaEvent sigmaEvent)
    {
        foreach (var key in sigmaEvent.Schema.TimestampFields)
        {
            var values = sigmaEvent.Get(key);
            if (values.Exists && Parse(values.First) is { } time)
            {
                return time;
            }
        }
        return null;
    }

    internal static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
        {
            var ms = epoch > MillisecondsThreshold ? epoch : epoch * 1000;
            return ms is >= -62135596800000 and <= 253402300799999
                ? DateTimeOffset.FromUnixTimeMilliseconds(0).AddMilliseconds(ms)
                : null;
        }
        // Sysmon's UtcTime ("2025-11-27 07:40:10.132") has no zone but is UTC by definition.
        return DateTimeOffset.TryParse(
            text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? parsed
            : null;
    }
}
