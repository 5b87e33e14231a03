using SigmaSharp.Conversion.Modern;
using static SigmaSharp.Tests.Pipelines.Processing.PipelineTestRules;

namespace SigmaSharp.Tests.Conversion.Modern;

public sealed class CorrelationConversionTests
{
    private const string Referenced = """
        title: Upload
        id: 6a1b4c2e-1111-4aaa-8bbb-000000000001
        name: upload
        logsource:
            category: proxy
        detection:
            sel:
                method: POST
            condition: sel
        ---
        title: Download
        id: 6a1b4c2e-1111-4aaa-8bbb-000000000002
        name: download
        logsource:
            category: proxy
        detection:
            sel:
                method: GET
            condition: sel
        ---
        """;

    private static string Correlation(string type, string condition, string rules = "        - upload") => Referenced + $"""

        title: Correlated
        id: 6a1b4c2e-1111-4aaa-8bbb-000000000003
        correlation:
            type: {type}
            rules:
        {rules}
            group-by:
                - src_ip
            timespan: 1h
        {condition}
        """;

    private static SigmaSharp.Conversion.ConversionResult Convert(string target, string text)
    {
        var collection = Load(text);
        return ModernTargets.Create(target, collection: collection).Backend!.Convert(collection.Correlations.Single());
    }

    [Theory]
    [InlineData("pysigma-splunk", "value_sum", "method=\"POST\"\n\n| bin _time span=1h\n| stats sum(bytes) as value_sum by _time src_ip\n\n| search value_sum > 1000000")]
    [InlineData("pysigma-splunk", "value_avg", "method=\"POST\"\n\n| bin _time span=1h\n| stats avg(bytes) as value_avg by _time src_ip\n\n| search value_avg > 1000000")]
    [InlineData("pysigma-esql", "value_sum", "from * metadata _id, _index, _version | where method==\"POST\"\n| eval timebucket=date_trunc(1 hours, @timestamp) | stats value_sum=sum(bytes) by timebucket, src_ip\n| where value_sum > 1000000")]
    [InlineData("pysigma-esql", "value_avg", "from * metadata _id, _index, _version | where method==\"POST\"\n| eval timebucket=date_trunc(1 hours, @timestamp) | stats value_avg=avg(bytes) by timebucket, src_ip\n| where value_avg > 1000000")]
    [InlineData("pysigma-sqlite", "value_sum", "SELECT src_ip, SUM(bytes) AS value_sum FROM (SELECT * FROM logs WHERE method='POST') AS subquery GROUP BY src_ip HAVING value_sum > 1000000")]
    [InlineData("pysigma-sqlite", "value_avg", "SELECT src_ip, AVG(bytes) AS value_avg FROM (SELECT * FROM logs WHERE method='POST') AS subquery GROUP BY src_ip HAVING value_avg > 1000000")]
    public void Value_sums_and_averages_aggregate_the_condition_field(string target, string type, string expected)
    {
        var result = Convert(target, Correlation(type, "    condition:\n                field: bytes\n                gt: 1000000"));

        Assert.Equal(expected, Assert.Single(result.Queries));
    }

    [Fact]
    public void Sqlite_value_percentile_is_the_share_of_each_value_within_its_group()
    {
        var result = Convert("pysigma-sqlite", Correlation("value_percentile", "    condition:\n                field: user_agent\n                lte: 1"));

        Assert.Equal(
            "SELECT src_ip, user_agent, COUNT(*) * 100.0 / MAX(total_events) AS value_percentile FROM (SELECT *, COUNT(*) OVER (PARTITION BY src_ip) AS total_events " +
            "FROM (SELECT * FROM logs WHERE method='POST')) AS subquery WHERE user_agent IS NOT NULL GROUP BY src_ip, user_agent HAVING value_percentile <= 1",
            Assert.Single(result.Queries));
    }

    [Fact]
    public void Splunk_value_percentile_counts_each_value_against_the_bucket_total()
    {
        var result = Convert("pysigma-splunk", Correlation("value_percentile", "    condition:\n                field: user_agent\n                lte: 1"));

        Assert.Equal(
            "method=\"POST\"\n\n| bin _time span=1h\n| where isnotnull(user_agent)\n| eventstats count as total_events by _time src_ip\n" +
            "| stats count as value_events, first(total_events) as total_events by _time src_ip user_agent\n| eval value_percentile=value_events*100/total_events\n\n| search value_percentile <= 1",
            Assert.Single(result.Queries));
    }

    [Fact]
    public void Sqlite_temporal_ordered_joins_one_event_per_rule_in_order_within_the_timespan()
    {
        var result = Convert("pysigma-sqlite", Correlation("temporal_ordered", string.Empty, "        - upload\n        - download"));
        Assert.Empty(result.Diagnostics);

        const string union = "SELECT *, 'upload' AS sigma_rule_id FROM logs WHERE method='POST' UNION ALL SELECT *, 'download' AS sigma_rule_id FROM logs WHERE method='GET'";
        Assert.Equal(
            $"SELECT e1.src_ip AS src_ip, COUNT(*) AS sequence_count FROM ({union}) AS e1 JOIN ({union}) AS e2 ON e2.sigma_rule_id = 'download' AND e2.timestamp >= e1.timestamp AND e2.src_ip = e1.src_ip " +
            "WHERE e1.sigma_rule_id = 'upload' AND (julianday(e2.timestamp) - julianday(e1.timestamp)) * 86400 <= 3600 GROUP BY e1.src_ip",
            Assert.Single(result.Queries));
    }

    [Theory]
    [InlineData("pysigma-splunk", "temporal_ordered", "", "the order of the events")]
    [InlineData("pysigma-esql", "temporal_ordered", "", "the order of the events")]
    [InlineData("pysigma-esql", "value_percentile", "    condition:\n                field: user_agent\n                lte: 1", "share of each value")]
    public void Correlations_a_language_cannot_express_are_refused_with_the_reason(string target, string type, string condition, string reason)
    {
        var result = Convert(target, Correlation(type, condition, "        - upload\n        - download"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SIG500", diagnostic.Code);
        Assert.Contains(reason, diagnostic.Message, StringComparison.Ordinal);
    }
}
