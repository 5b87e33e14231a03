namespace SigmaSharp.Events;

/// <summary>
/// A reader for a file format the JSON readers do not handle (EVTX). It writes each record as JSON
/// with <see cref="EventBatchWriter"/>, so its events are built, looked up and batched like the rest.
/// </summary>
public interface IEventSource
{
    IEnumerable<EventBatch> ReadBatches(string path, EventReaderOptions options);
}
