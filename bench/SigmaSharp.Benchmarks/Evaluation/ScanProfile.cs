using System.Diagnostics;
using SigmaSharp.Evaluation;
using SigmaSharp.Evaluation.Routing;
using SigmaSharp.Events;
using SigmaSharp.Parsing;

namespace SigmaSharp.Benchmarks.Evaluation;

/// <summary>
/// Where scan time goes, on the first N events of a file, one thread: reading, routing, prefilter,
/// candidates per event, and the rules costing the most evaluation time (with how often the
/// prefilter let them through and how often they matched).
/// Run: <c>dotnet run -c Release --project bench/SigmaSharp.Benchmarks -- scan-profile [rules] [events] [N]</c>.
/// </summary>
public static class ScanProfile
{
    public static void Run(string rulesFolder, string eventsPath, int count, TextWriter? output = null)
    {
        output ??= Console.Out;
        var scanner = new Scanner(RuleLoader.Load([rulesFolder]));
        var set = scanner.RuleSet;
        var scratch = set.CreateScratch();
        output.WriteLine($"{set.Groups.Count} groups, {set.Groups.Sum(g => g.Prefilter.Scans.Count())} automata, " +
                         $"{set.Groups.Sum(g => g.Prefilter.Scans.Sum(s => s.Bytes)) / 1e6:F0} MB of transition tables");
        output.WriteLine("unfiltered rules: " + string.Join(", ", set.Groups.Where(g => g.Prefilter.AlwaysCount > 0)
            .OrderByDescending(g => g.Prefilter.AlwaysCount).Take(10).Select(g => $"{g.Route?.Name ?? "(every event)"} {g.Prefilter.AlwaysCount}/{g.Entries.Length}")));
        foreach (var group in set.Groups.OrderByDescending(g => g.Entries.Length).Take(2))
        {
            output.WriteLine($"{group.Route?.Name}: " + string.Join(", ", group.Prefilter.Scans.Select(s => $"{s.Field} {s.Literals}/{s.States}")));
        }
        var groups = new List<RuleGroup>();
        var groupEvents = new long[set.Groups.Count];
        var groupPrefilter = new long[set.Groups.Count];
        var groupEvaluate = new long[set.Groups.Count];
        var groupCandidates = new long[set.Groups.Count];
        var ticks = new long[set.Rules.Count];
        var tried = new long[set.Rules.Count];
        var matched = new long[set.Rules.Count];
        long eventsMatched = 0;
        long read = 0, route = 0, prefilter = 0, evaluate = 0, candidates = 0, events = 0, found = 0, marked = 0;
        var cpu = Environment.CpuUsage.TotalTime;
        var watch = Stopwatch.StartNew();
        foreach (var e in EventReader.Read(eventsPath, scanner.ReaderOptions).Take(count))
        {
            var t0 = watch.ElapsedTicks;
            events++;
            groups.Clear();
            set.CollectGroups(e, groups);
            var anyHit = false;
            var t1 = watch.ElapsedTicks;
            foreach (var group in groups)
            {
                var pre = scratch.PrefilterOf(group);
                var t2 = watch.ElapsedTicks;
                group.Prefilter.Select(e, pre);
                var t3 = watch.ElapsedTicks;
                prefilter += t3 - t2;
                groupEvents[group.Index]++;
                groupPrefilter[group.Index] += t3 - t2;
                found += pre.Hits.Found.Count;
                foreach (var literal in pre.Hits.Found)
                {
                    marked += group.Prefilter.EntriesOf(literal);
                }
                var words = pre.Candidates;
                for (var w = 0; w < words.Length; w++)
                {
                    var bits = words[w];
                    while (bits != 0)
                    {
                        var i = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                        bits &= bits - 1;
                        var entry = group.Entries[i];
                        candidates++;
                        groupCandidates[group.Index]++;
                        var s = watch.ElapsedTicks;
                        var hit = entry.Detection.Matcher.Matches(e);
                        ticks[entry.Rule] += watch.ElapsedTicks - s;
                        tried[entry.Rule]++;
                        matched[entry.Rule] += hit ? 1 : 0;
                        anyHit |= hit;
                    }
                }
                evaluate += watch.ElapsedTicks - t3;
                groupEvaluate[group.Index] += watch.ElapsedTicks - t3;
            }
            eventsMatched += anyHit ? 1 : 0;
            route += t1 - t0;
            read -= watch.ElapsedTicks; // the next iteration's read starts here
            read += watch.ElapsedTicks;
        }
        var total = watch.Elapsed.TotalSeconds;
        var cpuUsed = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
        double Us(long t) => t * 1e6 / Stopwatch.Frequency / events;
        output.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}; process CPU {cpuUsed * 1e6 / events:F1} us/event");
        output.WriteLine($"{events:N0} events in {total:F2} s ({total * 1e6 / events:F1} us/event); routing {Us(route):F2} us, " +
                         $"prefilter {Us(prefilter):F2} us, evaluation {Us(evaluate):F2} us; {(double)candidates / events:F1} candidates/event; " +
                         $"{(double)found / events:F1} literals found/event marking {(double)marked / events:F1} rule needs");
        foreach (var g in set.Groups.OrderByDescending(g => groupPrefilter[g.Index] + groupEvaluate[g.Index]).Take(10))
        {
            var n = Math.Max(groupEvents[g.Index], 1);
            output.WriteLine($"  {g.Route?.Name ?? "(every event)",-28} {groupEvents[g.Index],8:N0} events; prefilter {Us(groupPrefilter[g.Index]),5:F2} us/event " +
                             $"({groupPrefilter[g.Index] * 1e6 / Stopwatch.Frequency / n,5:F2} us each), evaluation {Us(groupEvaluate[g.Index]),5:F2} us/event, " +
                             $"{(double)groupCandidates[g.Index] / n,4:F1} candidates each; {g.Entries.Length} rules, {g.Prefilter.AlwaysCount} unfiltered");
        }
        output.WriteLine($"events matched by some rule: {eventsMatched:N0} of {events:N0} ({100.0 * eventsMatched / events:F2}%)");
        output.WriteLine("rules of every event: " + string.Join(", ", set.Groups.Where(g => g.Route is null).SelectMany(g => g.Entries).Select(x => set.Rules[x.Rule].Source.Position.File?.Split('/').Last())));
        output.WriteLine("most matched rules:");
        foreach (var rule in Enumerable.Range(0, ticks.Length).Where(r => matched[r] > 0).OrderByDescending(r => matched[r]).Take(40))
        {
            output.WriteLine($"  matched {matched[rule],8:N0}  {set.Rules[rule].Source.Position.File?.Split('/').Last()}");
        }
        output.WriteLine("costliest rules:");
        foreach (var rule in Enumerable.Range(0, ticks.Length).OrderByDescending(r => ticks[r]).Take(25))
        {
            output.WriteLine($"  {Us(ticks[rule]),6:F3} us/event  tried {tried[rule],8:N0} matched {matched[rule],8:N0}  {set.Rules[rule].Source.Position.File?.Split('/').Last()}");
        }
    }
}
