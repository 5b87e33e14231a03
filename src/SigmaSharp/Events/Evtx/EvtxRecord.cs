using System.Text.Json;

namespace SigmaSharp.Events.Evtx;

/// <summary>
/// One event record. Immutable: the event is rendered to JSON while its chunk is in memory, so the
/// record stays valid after the reader has moved on to the next chunk.
/// </summary>
public sealed class EvtxRecord
{
    private readonly byte[] _utf8Json;

    internal EvtxRecord(ulong recordId, DateTime timestamp, int chunkIndex, byte[] utf8Json)
    {
        RecordId = recordId;
        Timestamp = timestamp;
        ChunkIndex = chunkIndex;
        _utf8Json = utf8Json;
    }

    /// <summary>The record identifier from the record header.</summary>
    public ulong RecordId { get; }

    /// <summary>The time the record was written (UTC), from the record header.</summary>
    public DateTime Timestamp { get; }

    /// <summary>Zero-based index of the chunk the record came from.</summary>
    public int ChunkIndex { get; }

    /// <summary>The event as UTF-8 JSON in the shape of evtx_dump's JSON output.</summary>
    public ReadOnlyMemory<byte> Utf8Json => _utf8Json;

    /// <summary>Writes the event as one JSON object (<c>{"Event":{...}}</c>).</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        // The bytes were produced by Utf8JsonWriter itself, so re-validating them is wasted work.
        writer.WriteRawValue(_utf8Json, skipInputValidation: true);
    }
}
