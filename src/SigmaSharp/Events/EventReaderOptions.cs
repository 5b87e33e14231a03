namespace SigmaSharp.Events;

/// <summary>How readers find, split and budget records. Immutable; share one per scan.</summary>
public sealed record EventReaderOptions
{
    public const int DefaultMaxRecordBytes = 16 * 1024 * 1024;

    /// <summary>Names, mapping and timestamp fields shared by all events of the scan.</summary>
    public EventSchema Schema { get; init; } = new();

    /// <summary>A record (line, array element) longer than this is reported and skipped unread.</summary>
    public int MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;

    /// <summary>Objects and arrays nested deeper than this are reported and the record skipped.</summary>
    public int MaxDepth { get; init; } = EventBuilder.DefaultMaxDepth;

    /// <summary>Roughly how many bytes of records one <see cref="EventBatch"/> holds. Below 85,000
    /// the buffers stay off the large object heap.</summary>
    public int BatchBytes { get; init; } = 64 * 1024;

    /// <summary>Receives skipped records and unreadable files; null drops them silently.</summary>
    public EventDiagnosticLog? Diagnostics { get; init; }

    /// <summary>Reads <c>.evtx</c> files; our own EVTX parser unless replaced (null: EVTX files are reported as unsupported).</summary>
    public IEventSource? EvtxSource { get; init; } = Evtx.EvtxEventSource.Instance;

    /// <summary>File endings a folder walk picks up (each also with <c>.gz</c>), compared ignoring case.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [".json", ".jsonl", ".ndjson", ".log", ".evtx"];

    internal void Report(string source, long line, EventDiagnosticCode code, string message) =>
        Diagnostics?.Report(new EventDiagnostic(source, line, code, message));
}
