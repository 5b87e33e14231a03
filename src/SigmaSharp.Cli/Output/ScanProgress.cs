using SigmaSharp.Evaluation;
using Spectre.Console;

namespace SigmaSharp.Cli.Output;

/// <summary>A live event counter on stderr when it is a terminal; silent otherwise, so piped output stays clean.</summary>
internal sealed class ScanProgress
{
    private readonly DateTime _start = DateTime.UtcNow;
    private DateTime _last;
    private readonly bool _enabled;

    private ScanProgress(bool enabled) => _enabled = enabled;

    public static ScanProgress Start(IReadOnlyList<string> paths)
    {
        _ = paths;
        return new ScanProgress(!Console.IsErrorRedirected);
    }

    public void Update(ScanCounters counters)
    {
        if (!_enabled || (DateTime.UtcNow - _last).TotalMilliseconds < 250)
        {
            return;
        }

        _last = DateTime.UtcNow;
        var seconds = Math.Max((_last - _start).TotalSeconds, 0.001);
        Console.Error.Write($"\r{counters.Events:N0} events, {counters.Matches:N0} matches, {counters.Events / seconds:N0} events/s   ");
    }

    public void Stop()
    {
        if (_enabled)
        {
            Console.Error.Write("\r" + new string(' ', 70) + "\r");
        }
    }
}
