using System.Collections.Concurrent;
using System.Diagnostics;
using SigmaSharp.Conversion;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using SigmaSharp.Tests.Engines.Grep;

namespace SigmaSharp.Tests.Engines;

/// <summary>
/// Semantic proof on real engines: every rule of SigmaHQ rules/windows is converted for each target, the queries run
/// on the target's engine (SQLite, Lucene.Net, grep -P) over the rule's regression events and events generated around
/// its values, and the selected events must be exactly those the evaluator matches (log sources ignored). See
/// docs/engine-proofs.md. Which rules a run checks is <see cref="Selection"/>'s.
/// </summary>
public sealed class EngineProofTests(ITestOutputHelper output)
{
    [SigmaCorpusFact]
    public void Converted_queries_select_exactly_the_events_the_evaluator_matches()
    {
        var clock = Stopwatch.StartNew();
        var rules = Rules(out var regression);
        var loaded = clock.Elapsed;
        var targets = EngineTarget.All.Where(t => !t.ReadsLines || GrepEngine.Available).ToList();
        if (!GrepEngine.Available)
        {
            output.WriteLine($"grep target skipped: {GrepEngine.Grep} not found (install Debian's grep)");
        }

        // SIGMA_ENGINE_PROOF_LOG=file: each check's start and end as it happens, to find a check that takes long.
        using var progress = Environment.GetEnvironmentVariable("SIGMA_ENGINE_PROOF_LOG") is { Length: > 0 } log ? TextWriter.Synchronized(new StreamWriter(log) { AutoFlush = true }) : null;
        var outcomes = new ConcurrentBag<RuleOutcome>();
        long events = 0, regressionEvents = 0, regressionRules = 0;
        // Rules are streamed: each worker prepares one rule's events, checks every target on them and lets them go, so
        // memory holds a few rules' events and indexes at a time. Backends are made once per worker.
        Parallel.ForEach(
            Partitioner.Create(rules, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => targets.ToDictionary(t => t.Name, t => t.CreateBackend()),
            (rule, _, backends) =>
            {
                var own = rule.Id is { } id && regression.TryGetValue(id, out var list) ? list : [];
                var c = RuleCase.Prepare(rule, own, Selection.MaxGeneratedEvents);
                Interlocked.Add(ref events, c.Events.Count);
                Interlocked.Add(ref regressionEvents, c.RegressionEvents);
                Interlocked.Add(ref regressionRules, c.RegressionEvents > 0 ? 1 : 0);
                foreach (var target in targets)
                {
                    var started = Stopwatch.GetTimestamp();
                    progress?.WriteLine($"start {target.Name} {c.Label}");
                    outcomes.Add(Watched(target, backends[target.Name], c) with { Elapsed = Stopwatch.GetElapsedTime(started) });
                    progress?.WriteLine($"done {target.Name} {c.Label} {Stopwatch.GetElapsedTime(started).TotalSeconds:F1}");
                }

                return backends;
            },
            _ => { });

        output.WriteLine($"{Selection.Describe()}: {rules.Count} rules of rules/windows, {events} events ({regressionEvents} regression events of {regressionRules} rules); rules loaded in {loaded.TotalSeconds:F1} s, checked in {(clock.Elapsed - loaded).TotalSeconds:F1} s");
        output.WriteLine($"engines: SQLite {SqliteEngine.Version} (Microsoft.Data.Sqlite), Lucene.Net {typeof(global::Lucene.Net.Search.Query).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false).OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion} (classic query parser), {(GrepEngine.Available ? GrepEngine.Grep + " -P" : "no grep")}");
        output.WriteLine(string.Empty);
        output.WriteLine("| target | engine | rules run | events compared | events not decidable | agreeing | disagreeing | not converted | excluded | time |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var target in targets)
        {
            var mine = outcomes.Where(o => o.Target == target.Name).ToList();
            var run = mine.Where(o => o.Outcome is Outcome.Agrees or Outcome.Disagrees).ToList();
            output.WriteLine($"| {target.Name} | {target.Engine} | {run.Count} | {run.Sum(o => o.Events)} | {run.Sum(o => o.SkippedEvents)} | {run.Count(o => o.Outcome == Outcome.Agrees)} | {run.Count(o => o.Outcome == Outcome.Disagrees)} | {mine.Count(o => o.Outcome == Outcome.NotConverted)} | {mine.Count(o => o.Outcome == Outcome.Excluded)} | {mine.Sum(o => o.Elapsed.TotalSeconds):F1} s |");
        }

        foreach (var slow in outcomes.OrderByDescending(o => o.Elapsed).Take(8))
        {
            output.WriteLine($"slowest: {slow.Target} {slow.Label} {slow.Elapsed.TotalSeconds:F2} s ({slow.Events} events)");
        }

        var disagreements = outcomes.Where(o => o.Outcome == Outcome.Disagrees).OrderBy(o => o.Target, StringComparer.Ordinal).ThenBy(o => o.Label, StringComparer.Ordinal).ToList();
        foreach (var d in disagreements.GroupBy(d => d.Target).SelectMany(g => g.Take(15)))
        {
            output.WriteLine($"\nDISAGREES {d.Target} {d.Label}\n  {d.Detail}");
        }

        foreach (var excluded in outcomes.Where(o => o.Outcome == Outcome.Excluded).OrderBy(o => o.Target, StringComparer.Ordinal).ThenBy(o => o.Label, StringComparer.Ordinal))
        {
            output.WriteLine($"excluded: {excluded.Target} {excluded.Label}: {excluded.Detail}");
        }

        foreach (var group in outcomes.Where(o => o.Outcome == Outcome.NotConverted).GroupBy(o => (o.Target, Reason: Shorten(o.Detail))).OrderBy(g => g.Key.Target, StringComparer.Ordinal).ThenByDescending(g => g.Count()))
        {
            output.WriteLine($"not converted: {group.Key.Target}: {group.Count()} × {group.Key.Reason}");
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} rule/target pairs disagree with the evaluator (see the test output)");
    }

    /// <summary>
    /// A check that does not finish within SIGMA_ENGINE_PROOF_TIMEOUT seconds (default 60; 180 in the full run) fails
    /// the run (the engine is left running: Lucene.Net cannot be interrupted while it determinizes an automaton). A
    /// rule where that is an engine limit belongs in <see cref="EngineExclusions"/>, with the reason.
    /// </summary>
    private static RuleOutcome Watched(EngineTarget target, IBackend backend, RuleCase c)
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("SIGMA_ENGINE_PROOF_TIMEOUT"), out var s) && s > 0 ? s : Selection.FullRun ? 180 : 60;
        var check = Task.Run(() => EngineProof.Check(target, backend, c));
        try
        {
            return check.Wait(TimeSpan.FromSeconds(seconds))
                ? check.Result
                : new RuleOutcome(target.Name, c.Label, Outcome.Disagrees, $"runaway: the engine did not finish within {seconds} s (an engine limit belongs in EngineExclusions)", c.Events.Count);
        }
        catch (AggregateException e)
        {
            // One broken check is reported with the others rather than ending the run without the table.
            return new RuleOutcome(target.Name, c.Label, Outcome.Disagrees, $"the check failed: {e.InnerException}", c.Events.Count);
        }
    }

    private static string Shorten(string? reason) => reason is null ? "(none)" : reason.Length > 140 ? reason[..140] + "…" : reason;

    private static List<SigmaRule> Rules(out Dictionary<string, List<FlatEvent>> regression)
    {
        var corpus = RepositoryPaths.Corpus!;
        var rules = RuleLoader.Load([Path.Combine(corpus, "sigmahq", "rules", "windows")]).DetectionRules.ToList();
        regression = RegressionEvents.ByRuleId(corpus);
        return Selection.Pick(rules, regression);
    }
}
