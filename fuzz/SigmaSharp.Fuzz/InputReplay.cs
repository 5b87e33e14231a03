using System.Diagnostics;
using SigmaSharp.Fuzz.Targets;

namespace SigmaSharp.Fuzz;

/// <summary>Runs saved inputs once each and says which still crash; exit code 1 when any does.</summary>
internal static class InputReplay
{
    public static int Run(FuzzTarget target, IEnumerable<string> paths)
    {
        var failed = 0;
        foreach (var file in paths.SelectMany<string, string>(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*.bin", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [p]))
        {
            var clock = Stopwatch.StartNew();
            try
            {
                target.Run(File.ReadAllBytes(file));
                Console.WriteLine($"ok    {clock.ElapsedMilliseconds,6} ms  {file}");
            }
            catch (Exception e)
            {
                failed++;
                Console.WriteLine($"CRASH {clock.ElapsedMilliseconds,6} ms  {file}: {CrashSignature.Of(e)}");
                Console.WriteLine(e);
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
