namespace SigmaSharp.Events;

/// <summary>
/// Reads a decompressed stream into buffers of about <see cref="EventReaderOptions.BatchBytes"/>,
/// cuts them into records with a <see cref="RecordSplitter"/>, and hands each full buffer over as an
/// <see cref="EventBatch"/>. A partial record at the end of a buffer moves to the next one; a record
/// over the budget is reported and skipped while streaming, never held whole.
/// </summary>
internal sealed class RecordBatcher(Stream stream, string source, EventReaderOptions options, bool forceJsonLines)
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    // Enough for the scanner's window of batches in flight on many cores, small next to the automata.
    private const int PooledBuffers = 64;

    private readonly List<EventBatch.RecordRange> _records = [];
    private readonly BatchBufferPool _pool = new(Math.Max(options.BatchBytes, 1024), PooledBuffers);
    private byte[] _buffer = [];
    private int _end;
    private bool _eof;
    private long _lines;    // newlines before _lineMark, including bytes already discarded
    private int _lineMark;

    private enum State { BetweenRecords, InRecord, Skipping }

    public IEnumerable<EventBatch> ReadBatches()
    {
        _buffer = _pool.Rent(_pool.Size);
        FillForDetection();
        var pos = _buffer.AsSpan(0, _end).StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        RecordSplitter splitter = IsJsonDocument(_buffer.AsSpan(pos, _end - pos))
            ? new JsonDocumentSplitter()
            : new JsonLinesSplitter();
        var state = State.BetweenRecords;
        var recordStart = 0;
        long recordLine = 0;
        while (true)
        {
            var data = _buffer.AsSpan(pos, _end - pos);
            if (state == State.BetweenRecords)
            {
                var start = splitter.FindStart(data, out var finished);
                if (finished)
                {
                    break;
                }
                if (start >= 0)
                {
                    recordStart = pos + start;
                    recordLine = LineAt(recordStart);
                    pos = recordStart;
                    state = State.InRecord;
                    continue;
                }
            }
            else
            {
                var end = splitter.FindEnd(data);
                if (end >= 0)
                {
                    if (state == State.InRecord)
                    {
                        Add(recordStart, pos + end - recordStart, recordLine);
                    }
                    pos += end;
                    state = State.BetweenRecords;
                    continue;
                }
                if (state == State.InRecord && _end - recordStart > options.MaxRecordBytes)
                {
                    options.Report(source, recordLine, EventDiagnosticCode.RecordTooLarge,
                        $"record longer than {options.MaxRecordBytes} bytes; skipped");
                    state = State.Skipping;
                }
            }
            pos = _end;
            if (_eof)
            {
                if (state == State.InRecord)
                {
                    Add(recordStart, _end - recordStart, recordLine);
                }
                break;
            }
            if (_end == _buffer.Length)
            {
                var keepFrom = state == State.InRecord ? recordStart : _end;
                if (MakeRoom(keepFrom) is { } batch)
                {
                    yield return batch;
                }
                pos -= keepFrom;
                recordStart -= keepFrom;
            }
            Fill();
        }
        if (_records.Count > 0)
        {
            yield return TakeBatch();
        }
    }

    // A record that ends inside the buffer is measured here: the check while reading only sees records longer than
    // the buffer, so without this one the budget would be max(MaxRecordBytes, BatchBytes).
    private void Add(int start, int length, long line)
    {
        if (length > options.MaxRecordBytes)
        {
            options.Report(source, line, EventDiagnosticCode.RecordTooLarge, $"record longer than {options.MaxRecordBytes} bytes; skipped");
            return;
        }
        _records.Add(new(start, length, line));
    }

    /// <summary>Drops bytes before <paramref name="keepFrom"/>: hands them over as a batch when
    /// they hold records, else compacts or grows the buffer for one long record.</summary>
    private EventBatch? MakeRoom(int keepFrom)
    {
        LineAt(keepFrom);
        var keep = _end - keepFrom;
        EventBatch? batch = null;
        var target = _buffer;
        // Uninitialised: only bytes read from the stream are ever looked at, so clearing each new
        // batch buffer would be wasted work. Buffers come back from batches whose caller is done.
        if (_records.Count > 0)
        {
            batch = TakeBatch();
            target = _pool.Rent(Math.Max(options.BatchBytes, keep * 2));
        }
        else if (keep > _buffer.Length / 2)
        {
            target = GC.AllocateUninitializedArray<byte>(_buffer.Length * 2);
        }
        _buffer.AsSpan(keepFrom, keep).CopyTo(target);
        _buffer = target;
        _end = keep;
        _lineMark = 0;
        return batch;
    }

    private EventBatch TakeBatch()
    {
        var batch = new EventBatch(source, _buffer, [.. _records], options, _pool);
        _records.Clear();
        return batch;
    }

    private long LineAt(int index)
    {
        _lines += _buffer.AsSpan(_lineMark, index - _lineMark).Count((byte)'\n');
        _lineMark = index;
        return _lines + 1;
    }

    private void Fill()
    {
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _eof = read == 0;
    }

    // Enough bytes to see the first line whole, unless it is longer than the buffer.
    private void FillForDetection()
    {
        while (!_eof && _end < _buffer.Length && _buffer.AsSpan(0, _end).Trim(" \t\r\n"u8).IndexOf((byte)'\n') < 0)
        {
            Fill();
        }
    }

    /// <summary>
    /// '[' starts an array. '{' starts JSON Lines unless its first line leaves an object open
    /// (a pretty-printed document); <c>.jsonl</c>/<c>.ndjson</c> files are always JSON Lines.
    /// </summary>
    private bool IsJsonDocument(ReadOnlySpan<byte> data)
    {
        var first = data.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0 || forceJsonLines)
        {
            return false;
        }
        if (data[first] == (byte)'[')
        {
            return true;
        }
        var lineEnd = data[first..].IndexOf((byte)'\n');
        if (data[first] != (byte)'{' || lineEnd < 0)
        {
            return false;
        }
        var splitter = new JsonDocumentSplitter();
        splitter.FindStart(data[first..], out _);
        return splitter.FindEnd(data.Slice(first, lineEnd)) < 0;
    }
}
