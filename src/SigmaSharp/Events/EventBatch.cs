namespace SigmaSharp.Events;

/// <summary>
/// Raw records read from one source, not yet parsed: the unit of parallel work. A reader hands out
/// batches in file order from one thread; <see cref="Parse"/> may then run on any thread, and
/// several batches at once. Events keep a reference to the batch's buffer instead of copying.
/// </summary>
public sealed class EventBatch
{
    private readonly byte[] _buffer;
    private readonly RecordRange[] _records;
    private readonly EventReaderOptions _options;
    private readonly BatchBufferPool? _pool;
    private int _returned;

    internal EventBatch(string source, byte[] buffer, RecordRange[] records, EventReaderOptions options, BatchBufferPool? pool = null)
    {
        Source = source;
        _buffer = buffer;
        _records = records;
        _options = options;
        _pool = pool;
    }

    public string Source { get; }

    public int Count => _records.Length;

    /// <summary>The UTF-8 bytes of record <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Record(int index) => _buffer.AsSpan(_records[index].Start, _records[index].Length);

    /// <summary>The 1-based line (or record number) where record <paramref name="index"/> starts.</summary>
    public long LineOf(int index) => _records[index].Line;

    /// <summary>Builds the events; records that do not parse are reported and skipped.</summary>
    public IEnumerable<SigmaEvent> Parse()
    {
        for (var i = 0; i < _records.Length; i++)
        {
            if (TryParse(i) is { } sigmaEvent)
            {
                yield return sigmaEvent;
            }
        }
    }

    /// <summary>Builds event <paramref name="index"/>, or reports why not and returns null.</summary>
    public SigmaEvent? TryParse(int index)
    {
        var record = _records[index];
        var code = EventBuilder.TryBuild(
            _options.Schema, _buffer, record.Start, record.Length, _options.MaxDepth,
            new EventOrigin(Source, record.Line), out var sigmaEvent, out var message);
        if (code is { } failure)
        {
            _options.Report(Source, record.Line, failure, message!);
        }
        return sigmaEvent;
    }

    /// <summary>
    /// As <see cref="TryParse"/>, built into <paramref name="reused"/> (made on first use): for a
    /// worker that is done with each event before it parses the next.
    /// </summary>
    internal SigmaEvent? TryParseInto(int index, ref SigmaEvent? reused)
    {
        var record = _records[index];
        var code = EventBuilder.TryBuildInto(
            _options.Schema, _buffer, record.Start, record.Length, _options.MaxDepth,
            new EventOrigin(Source, record.Line), ref reused, out var message);
        if (code is { } failure)
        {
            _options.Report(Source, record.Line, failure, message!);
            return null;
        }
        return reused;
    }

    /// <summary>
    /// Gives the buffer back to the reader for later batches: only for a caller that is done with this
    /// batch and whose events (built with <see cref="TryParseInto"/>) are all gone or rebuilt before
    /// their next use, as the scanner's are. Nothing of the batch may be read afterwards.
    /// </summary>
    internal void ReturnBuffer()
    {
        if (_pool is not null && Interlocked.Exchange(ref _returned, 1) == 0)
        {
            _pool.Return(_buffer);
        }
    }

    internal readonly record struct RecordRange(int Start, int Length, long Line);
}
