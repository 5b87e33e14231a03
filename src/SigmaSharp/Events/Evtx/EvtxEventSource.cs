namespace SigmaSharp.Events.Evtx;

/// <summary>
/// Feeds EVTX records to the event readers: each record's JSON (evtx_dump's shape) goes into the same batches
/// as JSON Lines, so EVTX events are built, mapped and scanned exactly like JSON ones. Damage found in the file
/// is reported per chunk or record and the rest of the file is still read.
/// </summary>
public sealed class EvtxEventSource : IEventSource
{
    public static EvtxEventSource Instance { get; } = new(new EvtxReader());

    private readonly EvtxReader _reader;

    public EvtxEventSource(EvtxReader reader) => _reader = reader;

    public IEnumerable<EventBatch> ReadBatches(string path, EventReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var writer = new EventBatchWriter(path, options);
        IEnumerable<EvtxRecord> records;
        try
        {
            records = _reader.ReadFile(path, d => Report(options, d));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            options.Report(path, 0, EventDiagnosticCode.UnreadableFile, e.Message);
            yield break;
        }

        foreach (var record in records)
        {
            var json = writer.BeginRecord((long)record.RecordId);
            record.WriteJson(json);
            writer.EndRecord();
            if (writer.IsFull)
            {
                yield return writer.TakeBatch();
            }
        }

        if (writer.Count > 0)
        {
            yield return writer.TakeBatch();
        }
    }

    private static void Report(EventReaderOptions options, EvtxDiagnostic diagnostic) =>
        options.Report(
            diagnostic.FileName,
            (long)(diagnostic.RecordId ?? 0),
            diagnostic.Severity == EvtxSeverity.Error ? EventDiagnosticCode.DamagedEvtx : EventDiagnosticCode.DamagedEvtxWarning,
            $"{diagnostic.Code} (chunk {diagnostic.ChunkIndex}, offset {diagnostic.FileOffset}): {diagnostic.Message}");
}
