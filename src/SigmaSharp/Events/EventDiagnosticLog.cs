namespace SigmaSharp.Events;

/// <summary>
/// Collects what readers skipped. Thread-safe, because batches may be parsed on several threads.
/// Keeps the first <see cref="MaxKept"/> diagnostics (a broken 10 GB file must not fill memory)
/// and counts all of them.
/// </summary>
public sealed class EventDiagnosticLog
{
    private readonly Lock _gate = new();
    private readonly List<EventDiagnostic> _kept = [];
    private readonly Action<EventDiagnostic>? _onReport;
    private long _skippedRecords;

    public EventDiagnosticLog(Action<EventDiagnostic>? onReport = null, int maxKept = 1000)
    {
        _onReport = onReport;
        MaxKept = maxKept;
    }

    public int MaxKept { get; }

    /// <summary>Records (lines, array elements) that were skipped; whole files are not counted.</summary>
    public long SkippedRecords => Interlocked.Read(ref _skippedRecords);

    public IReadOnlyList<EventDiagnostic> Diagnostics
    {
        get
        {
            lock (_gate)
            {
                return [.. _kept];
            }
        }
    }

    public void Report(EventDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.Code is not (EventDiagnosticCode.UnreadableFile or EventDiagnosticCode.UnsupportedFile or EventDiagnosticCode.DamagedEvtxWarning))
        {
            Interlocked.Increment(ref _skippedRecords);
        }
        lock (_gate)
        {
            if (_kept.Count < MaxKept)
            {
                _kept.Add(diagnostic);
            }
            _onReport?.Invoke(diagnostic);
        }
    }
}
