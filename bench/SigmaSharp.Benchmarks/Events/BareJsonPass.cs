using System.Text.Json;

namespace SigmaSharp.Benchmarks.Events;

/// <summary>
/// The speed limit the event readers are measured against: one thread, one Utf8JsonReader over a
/// refilled buffer, every token read, no strings made. Counts top-level objects as events.
/// </summary>
public static class BareJsonPass
{
    public static long CountEvents(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        var state = new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = true });
        int length = 0;
        long events = 0;
        var eof = false;
        while (!eof)
        {
            var read = file.Read(buffer, length, buffer.Length - length);
            eof = read == 0;
            length += read;
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length), eof, state);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 0)
                {
                    events++;
                }
            }
            state = reader.CurrentState;
            var consumed = (int)reader.BytesConsumed;
            buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
            length -= consumed;
        }
        return events;
    }
}
