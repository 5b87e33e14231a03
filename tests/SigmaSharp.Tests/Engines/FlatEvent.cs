using System.Text;
using System.Text.Json;

namespace SigmaSharp.Tests.Engines;

/// <summary>A field value of a flat event: text, or an integer (a JSON number; an INTEGER column in SQLite).</summary>
internal readonly record struct FlatValue(string Text, bool IsInteger)
{
    public static FlatValue Of(string text) => new(text, false);

    public static FlatValue Of(long number) => new(number.ToString(System.Globalization.CultureInfo.InvariantCulture), true);
}

/// <summary>
/// One event as every engine sees it: one level of fields (as Zircolite flattens EVTX JSON into one column per
/// field), names unique ignoring case. The evaluator reads it as a JSON object, SQLite as a row, Lucene as a document,
/// grep as a line.
/// </summary>
internal sealed class FlatEvent
{
    public FlatEvent(IEnumerable<KeyValuePair<string, FlatValue>> fields, string origin)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Fields = [.. fields.Where(f => seen.Add(f.Key))];
        Origin = origin;
        Json = ToJson(Fields);
    }

    public IReadOnlyList<KeyValuePair<string, FlatValue>> Fields { get; }

    /// <summary>Where the event came from: a regression file, or the rule value a generated event varies.</summary>
    public string Origin { get; }

    /// <summary>The event as one JSON object (also its identity: events with equal JSON are one event).</summary>
    public string Json { get; }

    /// <summary>
    /// The event as grep reads it: the values in field order, separated by tabs; line breaks inside values become
    /// spaces, since a line cannot hold them.
    /// </summary>
    public string Line => string.Join('\t', Fields.Select(f => f.Value.Text.Replace('\n', ' ').Replace('\r', ' ')));

    private static string ToJson(IReadOnlyList<KeyValuePair<string, FlatValue>> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                if (value.IsInteger)
                {
                    writer.WriteNumber(name, long.Parse(value.Text, System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    writer.WriteString(name, value.Text);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public override string ToString() => $"{Origin}: {Json}";
}
