using SigmaSharp.Evaluation.Routing;
using SigmaSharp.Events;
using SigmaSharp.Rules;

namespace SigmaSharp.Evaluation;

/// <summary>What a rule whose log source no routing entry serves does.</summary>
public enum UnknownLogSourcePolicy
{
    /// <summary>The rule is tested on every event (and reported as unrouted, SIG605).</summary>
    ApplyToAllEvents,

    /// <summary>The rule is not scanned (reported, SIG611).</summary>
    Skip,
}

/// <summary>Options of a <see cref="Scanner"/>. Immutable; defaults suit Windows event logs as JSON.</summary>
public sealed record ScanOptions
{
    /// <summary>Test every rule on every event, whatever its log source (no routing, no per-source field names).</summary>
    public bool IgnoreLogSources { get; init; }

    /// <summary>Routing map; null means the shipped <see cref="LogSourceMap.Default"/>.</summary>
    public LogSourceMap? LogSources { get; init; }

    public UnknownLogSourcePolicy UnknownLogSources { get; init; } = UnknownLogSourcePolicy.ApplyToAllEvents;

    /// <summary>Rules below this level emit no matches (rules without a level count as informational).</summary>
    public RuleLevel? MinLevel { get; init; }

    public PlaceholderValues Placeholders { get; init; } = PlaceholderValues.Empty;

    /// <summary>Rule field → event field names for all events (applied after a log source's own names).</summary>
    public FieldMapping? FieldMapping { get; init; }

    /// <summary>Worker threads for <see cref="Scanner.Scan(IEnumerable{string}, CancellationToken)"/>; 0 means one per core.</summary>
    public int Threads { get; init; }

    /// <summary>Time budget of one match of a regex that needs the backtracking engine.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How late (in event time) a match may arrive and still be correlated in order.</summary>
    public TimeSpan CorrelationLateness { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Receives records and files the readers skipped.</summary>
    public EventDiagnosticLog? EventDiagnostics { get; init; }

    /// <summary>Reader for .evtx files: our own EVTX parser unless replaced (null: EVTX files are reported as unsupported).</summary>
    public IEventSource? EvtxSource { get; init; } = SigmaSharp.Events.Evtx.EvtxEventSource.Instance;
}
