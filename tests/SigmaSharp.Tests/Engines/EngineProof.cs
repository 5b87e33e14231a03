using SigmaSharp.Conversion;
using SigmaSharp.Rules;
using SigmaSharp.Tests.Engines.Generation;
using SigmaSharp.Tests.Engines.Grep;

namespace SigmaSharp.Tests.Engines;

/// <summary>A rule with its events (regression events first, then generated ones) and the evaluator's verdict.</summary>
internal sealed record RuleCase(SigmaRule Rule, IReadOnlyList<FlatEvent> Events, int RegressionEvents, HashSet<int>? Expected, string? EvaluatorRefusal)
{
    public string Label => $"{Rule.Id} {Path.GetFileName(Rule.Source.File)}";

    public static RuleCase Prepare(SigmaRule rule, IReadOnlyList<FlatEvent> regression, int maxGenerated)
    {
        var events = new List<FlatEvent>(regression);
        var seen = new HashSet<string>(regression.Select(e => e.Json), StringComparer.Ordinal);
        events.AddRange(new EventGenerator(rule).Generate(maxGenerated).Where(e => seen.Add(e.Json)));
        var expected = EvaluatorJudge.Matches(rule, events, out var refusal);
        return new RuleCase(rule, events, regression.Count, expected, refusal);
    }
}

/// <summary>The engine itself cannot take the query (too long, too complex), whatever the converter writes.</summary>
internal sealed class EngineLimitException(string message) : Exception(message);

internal enum Outcome
{
    Agrees,
    Disagrees,

    /// <summary>The target refused the rule (SIG5xx) or the evaluator could not compile it: nothing to compare.</summary>
    NotConverted,

    /// <summary>Listed in <see cref="EngineExclusions"/> with the reason.</summary>
    Excluded,
}

/// <summary>One rule/target check; it keeps the rule's label, not its events, so a run holds one rule's events at a time.</summary>
internal sealed record RuleOutcome(string Target, string Label, Outcome Outcome, string? Detail, int Events)
{
    public TimeSpan Elapsed { get; init; }

    /// <summary>Events not compared: outside what the engine can decide (<see cref="EngineTarget.Undecidable"/>).</summary>
    public int SkippedEvents { get; init; }
}

/// <summary>Converts one rule for one target, runs the queries on the target's engine and compares with the evaluator.</summary>
internal static class EngineProof
{
    public static RuleOutcome Check(EngineTarget target, IBackend backend, RuleCase c)
    {
        if (EngineExclusions.Reason(target.Name, c.Rule) is { } reason)
        {
            return new(target.Name, c.Label, Outcome.Excluded, reason, c.Events.Count);
        }

        var converted = backend.Convert(c.Rule);
        if (!converted.IsConverted || converted.Queries.Count == 0)
        {
            return new(target.Name, c.Label, Outcome.NotConverted, string.Join("; ", converted.Diagnostics.Select(d => d.Message)), c.Events.Count);
        }

        if (c.Expected is null)
        {
            return new(target.Name, c.Label, Outcome.NotConverted, c.EvaluatorRefusal, c.Events.Count);
        }

        var expected = new HashSet<int>();
        var actual = new HashSet<int>();
        foreach (var query in converted.Queries)
        {
            try
            {
                actual.UnionWith(target.Run(query, c.Rule, c.Events));
            }
            catch (EngineLimitException e)
            {
                return new(target.Name, c.Label, Outcome.Excluded, "engine limit: " + e.Message, c.Events.Count);
            }
            catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException
                or global::Lucene.Net.QueryParsers.Classic.ParseException or ArgumentException)
            {
                return new(target.Name, c.Label, Outcome.Disagrees, $"the engine failed: {e.Message}\n    query: {query}", c.Events.Count);
            }

            expected.UnionWith(target.ReadsLines ? GrepExpected(c, query) : c.Expected);
        }

        var undecidable = target.Undecidable is { } test
            ? Enumerable.Range(0, c.Events.Count).Where(i => test(c.Rule, c.Events[i]) is not null).ToHashSet()
            : [];
        expected.ExceptWith(undecidable);
        actual.ExceptWith(undecidable);
        var compared = c.Events.Count - undecidable.Count;
        if (expected.SetEquals(actual))
        {
            return new(target.Name, c.Label, Outcome.Agrees, null, compared) { SkippedEvents = undecidable.Count };
        }

        var missed = expected.Except(actual).Order().ToList();
        var extra = actual.Except(expected).Order().ToList();
        var detail = $"query: {string.Join(" || ", converted.Queries)}\n"
            + string.Concat(missed.Take(3).Select(i => $"    evaluator matches, engine does not: {Show(target, c.Events[i])}\n"))
            + string.Concat(extra.Take(3).Select(i => $"    engine matches, evaluator does not: {Show(target, c.Events[i])}\n"))
            + $"    ({missed.Count} missed, {extra.Count} extra of {c.Events.Count} events)";
        return new(target.Name, c.Label, Outcome.Disagrees, detail, compared) { SkippedEvents = undecidable.Count };
    }

    private static string Show(EngineTarget target, FlatEvent e) => target.ReadsLines ? $"{e.Origin}: line {System.Text.Json.JsonSerializer.Serialize(e.Line)}" : e.ToString();

    private static HashSet<int> GrepExpected(RuleCase c, string command)
    {
        var pattern = GrepEngine.ShellWords(command)[^1];
        var reading = GrepReading.Of(c.Rule, GrepReading.IsAnchored(pattern));
        return EvaluatorJudge.Matches(reading, [.. c.Events.Select(GrepReading.LineEvent)], out var refusal)
            ?? throw new InvalidOperationException("the evaluator refused the grep reading: " + refusal);
    }
}
