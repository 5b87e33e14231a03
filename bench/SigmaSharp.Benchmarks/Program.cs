using BenchmarkDotNet.Running;
using SigmaSharp.Benchmarks.Events;

namespace SigmaSharp.Benchmarks;

/// <summary>
/// BenchmarkDotNet for the steady-state figures; plain Stopwatch harnesses for whole-file throughput:
/// <c>events FILE [N]</c> times event reading over a generated JSON Lines file (made if missing).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["events", var path, .. var rest])
        {
            EventReadingHarness.Run(path, rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : SyntheticEventGenerator.DefaultCount);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
