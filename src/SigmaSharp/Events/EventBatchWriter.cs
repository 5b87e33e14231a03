using System.Buffers;
using System.Text.Json;

namespace SigmaSharp.Events;

/// <summary>
/// Collects records that a non-JSON source (EVTX) writes as JSON into batches:
/// <c>var w = writer.BeginRecord(n); record.WriteJson(w); writer.EndRecord();</c>, and
/// <see cref="TakeBatch"/> whenever <see cref="IsFull"/>.
/// </summary>
public sealed class EventBatchWriter : IBufferWriter<byte>, IDisposable
{
    private readonly string _source;
    private readonly EventReaderOptions _options;
    private readonly Utf8JsonWriter _json;
    private readonly List<EventBatch.RecordRange> _records = [];
    private byte[] _buffer;
    private int _written;
    private int _recordStart = -1;
    private long _recordLine;

    public EventBatchWriter(string source, EventReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _source = source;
        _options = options;
        _buffer = new byte[options.BatchBytes];
        _json = new Utf8JsonWriter(this, new JsonWriterOptions { SkipValidation = true });
    }

    public int Count => _records.Count;

    /// <summary>The batch has reached <see cref="EventReaderOptions.BatchBytes"/>.</summary>
    public bool IsFull => _written >= _options.BatchBytes;

    /// <summary>Starts a record; <paramref name="recordNumber"/> is what diagnostics call its line.</summary>
    public Utf8JsonWriter BeginRecord(long recordNumber)
    {
        _recordStart = _written;
        _recordLine = recordNumber;
        _json.Reset(this);
        return _json;
    }

    public void EndRecord()
    {
        if (_recordStart < 0)
        {
            throw new InvalidOperationException("EndRecord without BeginRecord");
        }
        _json.Flush();
        _records.Add(new(_recordStart, _written - _recordStart, _recordLine));
        _recordStart = -1;
    }

    /// <summary>The records so far as a batch; the writer starts a new buffer.</summary>
    public EventBatch TakeBatch()
    {
        var batch = new EventBatch(_source, _buffer, [.. _records], _options);
        _records.Clear();
        _buffer = new byte[_options.BatchBytes];
        _written = 0;
        return batch;
    }

    public void Dispose() => _json.Dispose();

    void IBufferWriter<byte>.Advance(int count) => _written += count;

    Memory<byte> IBufferWriter<byte>.GetMemory(int sizeHint) => Reserve(sizeHint).AsMemory(_written);

    Span<byte> IBufferWriter<byte>.GetSpan(int sizeHint) => Reserve(sizeHint).AsSpan(_written);

    private byte[] Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 256);
        if (needed > _buffer.Length)
        {
            var grown = new byte[Math.Max(needed, _buffer.Length * 2)];
            _buffer.AsSpan(0, _written).CopyTo(grown);
            _buffer = grown;
        }
        return _buffer;
    }
}
