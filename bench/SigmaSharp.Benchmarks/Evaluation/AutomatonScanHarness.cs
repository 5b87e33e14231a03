using System.Diagnostics;
using SigmaSharp.Evaluation;
using SigmaSharp.Evaluation.Prefilter;
using SigmaSharp.Events;
using SigmaSharp.Parsing;

namespace SigmaSharp.Benchmarks.Evaluation;

/// <summary>
/// The literal automaton of one field (the largest group's, e.g. process creation's CommandLine)
/// over that field's raw values from an events file: one chain versus two halves at once,
/// alternated round by round in one process so that the machine's drift hits both alike (two halves
/// first and last in each round: the one measured first in a round was slower by tiering and caches).
/// Run: <c>DOTNET_TieredCompilation=0 dotnet $B automaton-scan RULES EVENTS FIELD [N]</c>.
/// </summary>
public static class AutomatonScanHarness
{
    public static void Run(string rulesFolder, string eventsPath, string field, int count, TextWriter? output = null)
    {
        output ??= Console.Out;
        var scanner = new Scanner(RuleLoader.Load([rulesFolder]));
        var group = scanner.RuleSet.Groups.OrderByDescending(g => g.Entries.Length).First();
        var automaton = group.Prefilter.Automata.First(a => a.Field == field).Automaton;
        var key = scanner.Schema.Field(field);
        var values = new List<byte[]>();
        foreach (var batch in EventReader.ReadBatches(eventsPath, scanner.ReaderOptions))
        {
            for (var i = 0; i < batch.Count && values.Count < count; i++)
            {
                if (batch.TryParse(i) is { } e)
                {
                    var found = e.Get(key).GetEnumerator();
                    while (found.MoveNext())
                    {
                        values.Add(e.RawValueAt(found.CurrentIndex).ToArray());
                    }
                }
            }
            if (values.Count >= count)
            {
                break;
            }
        }
        var bytes = values.Sum(v => (long)v.Length);
        output.WriteLine($"{field}: {automaton.LiteralCount:N0} literals, {automaton.StateCount:N0} states; {values.Count:N0} values, {bytes / (double)values.Count:F0} bytes on average");
        var hits = new LiteralHits(automaton.LiteralCount);
        int[] ids = [.. Enumerable.Range(0, automaton.LiteralCount)];
        long found1 = 0, found2 = 0;
        double best1 = double.MaxValue, best2 = double.MaxValue;
        // Nanoseconds per byte of one pass over every value; counts the literals found.
        double Pass(bool split, ref long found)
        {
            var watch = Stopwatch.StartNew();
            foreach (var value in values)
            {
                hits.Reset();
                _ = split ? automaton.ScanJsonAscii(value, hits, ids) : automaton.ScanJsonAsciiOneChain(value, hits, ids);
                found += hits.Found.Count;
            }
            return watch.Elapsed.TotalNanoseconds / bytes;
        }
        for (var round = 0; round < 12; round++)
        {
            best2 = Math.Min(best2, Pass(split: true, ref found2));
            best1 = Math.Min(best1, Pass(split: false, ref found1));
            best2 = Math.Min(best2, Pass(split: true, ref found2));
        }
        output.WriteLine($"one chain {best1:F2} ns/byte, two halves {best2:F2} ns/byte (best of 12); literals found {found1:N0} / {found2:N0}");
    }
}
