using SigmaSharp.Evaluation;
using SigmaSharp.Rules;
using static SigmaSharp.Tests.Evaluation.EvaluationHarness;

namespace SigmaSharp.Tests.Evaluation;

public class CorrelationTests
{
    private static string Base(string name, string value, string id) => $"""
        title: {name}
        id: {id}
        name: {name}
        logsource:
            product: test
            category: test
        detection:
            selection:
                Action: {value}
            condition: selection
        level: low
        """;

    private static string Correlation(string type, string rules, string condition, string timespan = "5m", string groupBy = "- User", string extra = "", string inner = "") => $"""
        title: Correlation {type}
        name: corr_{type}
        correlation:
            type: {type}
            rules:
        {Indent(rules, 8)}
            group-by:
        {Indent(groupBy, 8)}
            timespan: {timespan}
        {Indent(condition, 4)}
        {Indent(inner, 4)}
        {extra}level: high
        """;

    private static string Event(string action, string user, int second, string extra = "") =>
        $$"""{"Action":"{{action}}","User":"{{user}}","TimeCreated":"2025-01-01T00:{{second / 60:00}}:{{second % 60:00}}Z"{{extra}}}""";

    private static List<ScanMatch> Run(string[] rules, params string[] events)
    {
        var scanner = new Scanner(Load(rules), new ScanOptions { IgnoreLogSources = true, CorrelationLateness = TimeSpan.FromMinutes(1) });
        Assert.DoesNotContain(scanner.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return [.. scanner.Scan(ReadEvents(scanner, events))];
    }

    private static List<ScanMatch> Hits(List<ScanMatch> matches) => [.. matches.Where(m => m.Correlation is not null)];

    private static readonly string Fail = Base("failed", "fail", "22222222-2222-4222-8222-222222222222");
    private static readonly string Success = Base("success", "ok", "33333333-3333-4333-8333-333333333333");

    [Fact]
    public void Event_count_fires_per_group_when_the_threshold_is_reached()
    {
        var matches = Run([Fail, Correlation("event_count", "- failed", "condition:\n    gte: 3")],
            Event("fail", "alice", 0), Event("fail", "bob", 1), Event("fail", "alice", 2), Event("fail", "alice", 3), Event("fail", "bob", 4));
        var hit = Assert.Single(Hits(matches));
        Assert.Equal("alice", hit.Correlation!.Group.Single().Value);
        Assert.Equal(3m, hit.Correlation.Value);
    }

    [Fact]
    public void Event_count_forgets_matches_older_than_the_timespan()
    {
        var matches = Run([Fail, Correlation("event_count", "- failed", "condition:\n    gte: 3", timespan: "10s")],
            Event("fail", "alice", 0), Event("fail", "alice", 5), Event("fail", "alice", 20), Event("fail", "alice", 40));
        Assert.Empty(Hits(matches));
    }

    [Fact]
    public void Out_of_order_matches_within_the_lateness_are_correlated_in_time_order()
    {
        var matches = Run([Fail, Correlation("event_count", "- failed", "condition:\n    gte: 3", timespan: "10s")],
            Event("fail", "alice", 30), Event("fail", "alice", 0), Event("fail", "alice", 25), Event("fail", "alice", 28));
        var hit = Assert.Single(Hits(matches));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 25, TimeSpan.Zero), hit.Correlation!.First);
    }

    [Fact]
    public void Generate_false_withholds_the_referenced_rules_own_matches()
    {
        var matches = Run([Fail, Correlation("event_count", "- failed", "condition:\n    gte: 2")],
            Event("fail", "alice", 0), Event("fail", "alice", 1));
        Assert.Single(matches);
        var generating = Run([Fail, Correlation("event_count", "- failed", "condition:\n    gte: 2", extra: "generate: true\n")],
            Event("fail", "alice", 0), Event("fail", "alice", 1));
        Assert.Equal(3, generating.Count);
    }

    [Fact]
    public void Value_count_counts_distinct_values_of_the_field()
    {
        var matches = Run([Fail, Correlation("value_count", "- failed", "condition:\n    field: Host\n    gte: 3", groupBy: "- User")],
            Event("fail", "alice", 0, ",\"Host\":\"a\""), Event("fail", "alice", 1, ",\"Host\":\"a\""),
            Event("fail", "alice", 2, ",\"Host\":\"b\""), Event("fail", "alice", 3, ",\"Host\":\"c\""));
        Assert.Equal(3m, Assert.Single(Hits(matches)).Correlation!.Value);
    }

    [Fact]
    public void Temporal_needs_every_rule_in_the_window_in_any_order()
    {
        var rules = new[] { Fail, Success, Correlation("temporal", "- failed\n- success", "") };
        Assert.Single(Hits(Run(rules, Event("ok", "alice", 0), Event("fail", "alice", 10))));
        Assert.Empty(Hits(Run(rules, Event("ok", "alice", 0), Event("fail", "bob", 10))));
    }

    [Fact]
    public void Temporal_ordered_needs_the_rules_in_their_order()
    {
        var rules = new[] { Fail, Success, Correlation("temporal_ordered", "- failed\n- success", "") };
        Assert.Single(Hits(Run(rules, Event("fail", "alice", 0), Event("ok", "alice", 10))));
        Assert.Empty(Hits(Run(rules, Event("ok", "alice", 0), Event("fail", "alice", 10))));
    }

    [Fact]
    public void Value_sum_and_value_avg_aggregate_numbers()
    {
        var sum = Run([Fail, Correlation("value_sum", "- failed", "condition:\n    field: Bytes\n    gt: 100")],
            Event("fail", "alice", 0, ",\"Bytes\":60"), Event("fail", "alice", 1, ",\"Bytes\":\"50\""));
        Assert.Equal(110m, Assert.Single(Hits(sum)).Correlation!.Value);
        var avg = Run([Fail, Correlation("value_avg", "- failed", "condition:\n    field: Bytes\n    gt: 50")],
            Event("fail", "alice", 0, ",\"Bytes\":60"), Event("fail", "alice", 1, ",\"Bytes\":50"));
        Assert.Equal(55m, Assert.Single(Hits(avg)).Correlation!.Value);
    }

    [Fact]
    public void Value_percentile_reports_values_whose_share_of_the_window_meets_the_condition()
    {
        var events = Enumerable.Range(0, 10).Select(i => Event("fail", "alice", i, $",\"Image\":\"{(i == 3 ? "rare.exe" : "common.exe")}\"")).ToArray();
        var matches = Run([Fail, Correlation("value_percentile", "- failed", "condition:\n    field: Image\n    lte: 10")], events);
        var hit = Assert.Single(Hits(matches));
        Assert.Equal(10m, hit.Correlation!.Value);
        Assert.Contains(hit.Correlation.Group, g => g.Value == "rare.exe");
    }

    [Fact]
    public void Upper_bound_conditions_are_decided_when_the_window_closes()
    {
        var matches = Run([Fail, Correlation("event_count", "- failed", "condition:\n    lt: 3", timespan: "10s")],
            Event("fail", "alice", 0), Event("fail", "alice", 1), Event("fail", "bob", 0), Event("fail", "bob", 1), Event("fail", "bob", 2));
        var hit = Assert.Single(Hits(matches));
        Assert.Equal("alice", hit.Correlation!.Group.Single().Value);
        Assert.Equal(2m, hit.Correlation.Value);
    }

    [Fact]
    public void Ranges_combine_thresholds()
    {
        var rules = new[] { Fail, Correlation("event_count", "- failed", "condition:\n    gt: 1\n    lte: 2", timespan: "10s") };
        Assert.Single(Hits(Run(rules, Event("fail", "alice", 0), Event("fail", "alice", 1))));
        Assert.Empty(Hits(Run(rules, Event("fail", "alice", 0), Event("fail", "alice", 1), Event("fail", "alice", 2))));
    }

    [Fact]
    public void Aliases_group_different_fields_of_different_rules()
    {
        var rules = new[]
        {
            Fail, Success,
            Correlation("temporal", "- failed\n- success", "", groupBy: "- person",
                inner: "aliases:\n    person:\n        failed: User\n        success: Account"),
        };
        var matches = Run(rules, Event("fail", "alice", 0), """{"Action":"ok","Account":"alice","TimeCreated":"2025-01-01T00:00:05Z"}""");
        Assert.Equal("alice", Assert.Single(Hits(matches)).Correlation!.Group.Single().Value);
    }

    [Fact]
    public void Chained_correlations_correlate_correlation_hits()
    {
        var many = Correlation("event_count", "- failed", "condition:\n    gte: 2").Replace("name: corr_event_count", "name: many_failed", StringComparison.Ordinal);
        var chain = Correlation("temporal_ordered", "- many_failed\n- success", "");
        var matches = Run([Fail, Success, many, chain], Event("fail", "alice", 0), Event("fail", "alice", 1), Event("ok", "alice", 2));
        Assert.Contains(Hits(matches), m => m.Rule.Name == "corr_temporal_ordered");
    }

    [Fact]
    public void Correlation_state_is_dropped_once_the_timespan_has_passed()
    {
        var collection = Load(Fail, Correlation("event_count", "- failed", "condition:\n    gte: 1000", timespan: "10s"));
        var rule = collection.DetectionRules.Single();
        var correlator = new SigmaSharp.Evaluation.Correlation.Correlator(collection, TimeSpan.Zero);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 10_000; i++)
        {
            var match = new ScanMatch(rule, start.AddSeconds(i), null, null, [])
            {
                CorrelationFields = new Dictionary<string, string?> { ["User"] = "user" + i },
            };
            Assert.Empty(correlator.Add(match));
        }
        Assert.True(correlator.OpenGroups <= 20, $"{correlator.OpenGroups} groups still open");
        Assert.Empty(correlator.Flush());
    }
}
