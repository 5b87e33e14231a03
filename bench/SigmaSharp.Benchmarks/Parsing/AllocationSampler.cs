using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace SigmaSharp.Benchmarks.Parsing;

/// <summary>
/// Which types a stage allocates, from the runtime's allocation ticks (one event per ~100 KB allocated, naming the
/// type that crossed the mark): a sample, so only the large shares are meaningful.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _on;

    public void Start()
    {
        _bytes.Clear();
        _on = true;
    }

    public void StopAndPrint(int top)
    {
        _on = false;
        var total = _bytes.Values.Sum();
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine($"  {100.0 * bytes / total,5:F1}%  {type}");
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_on || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var names = eventData.PayloadNames!;
        var type = eventData.Payload[names.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(eventData.Payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        _bytes.AddOrUpdate(type, amount, (_, b) => b + amount);
    }
}
