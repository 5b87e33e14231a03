using System.Collections.Concurrent;
using SigmaSharp.Evaluation.Correlation;
using SigmaSharp.Events;
using SigmaSharp.Rules;

namespace SigmaSharp.Evaluation;

/// <summary>
/// <c>sigma scan</c>'s engine: compiles a rule collection once (detection rules, filters,
/// correlations), then streams events from files through it. Files are read on the calling thread
/// in batches; batches are parsed and matched on worker threads; matches come back in event order.
/// </summary>
public sealed class Scanner
{
    private readonly ScanOptions _options;
    private readonly RuleSet _set;
    private readonly Correlator _correlator;
    private readonly bool[] _emits;
    private readonly FieldKey[][] _correlationFields;
    private readonly ConcurrentBag<EvaluationScratch> _scratch = [];
    private readonly List<SigmaDiagnostic> _diagnostics = [];

    public Scanner(RuleCollection rules, ScanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _options = options ?? new ScanOptions();
        Schema = new EventSchema(_options.FieldMapping);
        _correlator = new Correlator(rules, _options.CorrelationLateness, _diagnostics);
        var wanted = rules.DetectionRules.Where(r => Emits(r) || _correlator.Reads(r));
        _set = RuleSet.Build(wanted, [.. rules.Filters], _options, Schema, _diagnostics, ReportRegexTimeout);
        _emits = [.. _set.Rules.Select(Emits)];
        _correlationFields = [.. _set.Rules.Select(r => _correlator.FieldsNeededBy(r).Select(Schema.Field).ToArray())];
        Counters = new ScanCounters(_set.Rules.Count) { Rules = _set.Rules, Log = _options.EventDiagnostics };
    }

    /// <summary>Why rules were not compiled (errors) or how they were routed (info), and regexes that
    /// timed out during a scan (SIG604, once per rule value); see docs/evaluation.md.</summary>
    public IReadOnlyList<SigmaDiagnostic> Diagnostics
    {
        get
        {
            lock (_diagnostics)
            {
                return [.. _diagnostics];
            }
        }
    }

    /// <summary>The detection rules that are scanned.</summary>
    public IReadOnlyList<SigmaRule> Rules => _set.Rules;

    /// <summary>The event schema (interned field names) every event read for this scanner must use.</summary>
    public EventSchema Schema { get; }

    public ScanCounters Counters { get; }

    internal RuleSet RuleSet => _set;

    /// <summary>Reader options with this scanner's schema, diagnostics and EVTX source.</summary>
    public EventReaderOptions ReaderOptions => new()
    {
        Schema = Schema,
        Diagnostics = _options.EventDiagnostics,
        EvtxSource = _options.EvtxSource,
    };

    /// <summary>Scans files and folders; matches come in event order, correlation hits when due and at the end.</summary>
    public IEnumerable<ScanMatch> Scan(IEnumerable<string> paths, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var reader = ReaderOptions;
        var threads = _options.Threads > 0 ? _options.Threads : Environment.ProcessorCount;
        var pending = new Queue<Task<List<ScanMatch>>>();
        foreach (var batch in paths.SelectMany(path => EventReader.ReadBatches(path, reader)))
        {
            cancellation.ThrowIfCancellationRequested();
            if (threads == 1)
            {
                foreach (var match in Deliver(Evaluate(batch)))
                {
                    yield return match;
                }
                continue;
            }
            pending.Enqueue(Task.Run(() => Evaluate(batch), cancellation));
            // A bounded window of batches in flight keeps memory flat and the output in order.
            while (pending.Count >= threads * 4)
            {
                foreach (var match in Deliver(pending.Dequeue().GetAwaiter().GetResult()))
                {
                    yield return match;
                }
            }
        }
        while (pending.Count > 0)
        {
            foreach (var match in Deliver(pending.Dequeue().GetAwaiter().GetResult()))
            {
                yield return match;
            }
        }
        foreach (var match in FinishCorrelations())
        {
            yield return match;
        }
    }

    /// <summary>Scans events already read (with <see cref="Schema"/>), on the calling thread.</summary>
    public IEnumerable<ScanMatch> Scan(IEnumerable<SigmaEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            Counters.AddEvents(1);
            foreach (var match in Deliver(Match(e)))
            {
                yield return match;
            }
        }
        foreach (var match in FinishCorrelations())
        {
            yield return match;
        }
    }

    /// <summary>The detection matches of one event (every rule, including those that only feed correlations), no correlation.</summary>
    public List<ScanMatch> Match(SigmaEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var scratch = Rent();
        var matches = new List<ScanMatch>();
        _set.Evaluate(e, scratch, (rule, detection) => matches.Add(Report(e, rule, detection)));
        _scratch.Add(scratch);
        return matches;
    }

    // The scan path's loops (this one, and those it reaches in Evaluation/ and Events/ marked the same way) are compiled
    // fully optimised at once: tier-0 code and the profiling tier that follows ran for seconds of a
    // 1,000,000-event scan (TieredCompilation=0 made it ~20% faster; see bench/README, session 5).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private List<ScanMatch> Evaluate(EventBatch batch)
    {
        var scratch = Rent();
        var matches = new List<ScanMatch>();
        long events = 0;
        SigmaEvent? current = null;
        void OnMatch(int rule, CompiledDetection detection) => matches.Add(Report(current!, rule, detection));
        Action<int, CompiledDetection> onMatch = OnMatch;
        for (var i = 0; i < batch.Count; i++)
        {
            // Matches copy what they report, so one event object serves the whole batch.
            current = batch.TryParseInto(i, ref scratch.Event);
            if (current is null)
            {
                continue;
            }
            events++;
            _set.Evaluate(current, scratch, onMatch);
        }
        // The matches copied what they report and the worker's event is rebuilt before its next use:
        // nothing reads this batch's bytes any more, so the reader may fill them again.
        batch.ReturnBuffer();
        Counters.AddEvents(events);
        _scratch.Add(scratch);
        return matches;
    }

    // Called from worker threads, once per compiled regex matcher: a rule compiled for two routes has
    // two matchers of the same value, reported once.
    private void ReportRegexTimeout(SigmaDiagnostic diagnostic)
    {
        lock (_diagnostics)
        {
            if (!_diagnostics.Contains(diagnostic))
            {
                _diagnostics.Add(diagnostic);
            }
        }
    }

    private EvaluationScratch Rent() => _scratch.TryTake(out var scratch) ? scratch : _set.CreateScratch();

    private ScanMatch Report(SigmaEvent e, int rule, CompiledDetection detection)
    {
        Counters.AddMatch(rule);
        var fields = detection.TestedFields.Select(key => new MatchedField(key.Name, Values(e.Get(key)))).ToArray();
        var match = new ScanMatch(_set.Rules[rule], e.Timestamp, e.Computer, e.Origin, fields) { RuleIndex = rule };
        if (_correlationFields[rule] is { Length: > 0 } needed)
        {
            match = match with
            {
                CorrelationFields = needed.ToDictionary(k => k.Name, k => e.Get(k).First, StringComparer.OrdinalIgnoreCase),
            };
        }
        return match;
    }

    private static string?[] Values(FieldValues found)
    {
        var list = new List<string?>();
        foreach (var value in found)
        {
            list.Add(value);
        }
        return [.. list];
    }

    // Runs on the consuming thread, in event order: correlation needs one ordered stream.
    private IEnumerable<ScanMatch> Deliver(List<ScanMatch> matches)
    {
        foreach (var match in matches)
        {
            if (!_correlator.IsEmpty)
            {
                foreach (var hit in _correlator.Add(match))
                {
                    Counters.AddCorrelationMatch();
                    if (Emits(hit.Rule))
                    {
                        yield return hit;
                    }
                }
            }
            if (_emits[match.RuleIndex])
            {
                yield return match;
            }
        }
    }

    private IEnumerable<ScanMatch> FinishCorrelations()
    {
        foreach (var hit in _correlator.Flush())
        {
            Counters.AddCorrelationMatch();
            if (Emits(hit.Rule))
            {
                yield return hit;
            }
        }
    }

    private bool Emits(SigmaRuleBase rule) =>
        !_correlator.Suppresses(rule)
        && (_options.MinLevel is not { } min || (rule.Level ?? RuleLevel.Informational) >= min);
}
