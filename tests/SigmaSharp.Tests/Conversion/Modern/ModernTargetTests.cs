using System.Text.Json;
using SigmaSharp.Conversion;
using SigmaSharp.Conversion.Modern;
using static SigmaSharp.Tests.Pipelines.Processing.PipelineTestRules;

namespace SigmaSharp.Tests.Conversion.Modern;

public sealed class ModernTargetTests
{
    private static readonly string ProcessRule = Rule(
        "    product: windows\n    category: process_creation",
        "    sel:\n        Image|endswith: '\\cmd.exe'\n        CommandLine|contains:\n            - ' /c '\n            - ' /k '\n    filter:\n        User: SYSTEM\n    condition: sel and not filter");

    private const string Correlation = """
        title: Failed logon
        id: 0e95725d-7320-415d-80f7-004da920fc11
        name: failed_logon
        status: test
        logsource:
            product: windows
            service: security
        detection:
            sel:
                EventID: 4625
            condition: sel
        level: low
        ---
        title: Many failed logons
        id: 0e95725d-7320-415d-80f7-004da920fc12
        status: test
        correlation:
            type: event_count
            rules:
                - failed_logon
            group-by:
                - TargetUserName
            timespan: 5m
            condition:
                gte: 10
        level: high
        """;

    [Fact]
    public void Modern_target_names_never_clash_with_the_sigmac_targets()
    {
        Assert.Empty(ModernTargets.All.Select(t => t.Name).Intersect(ConversionTargets.All.Select(t => t.Name)));
        Assert.All(ModernTargets.All, t => Assert.StartsWith("pysigma-", t.Name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pysigma-splunk", "Image=\"*\\\\cmd.exe\" CommandLine IN (\"* /c *\", \"* /k *\") NOT User=\"SYSTEM\"")]
    [InlineData("pysigma-lucene", "(Image:*\\\\cmd.exe AND (CommandLine:(*\\ \\/c\\ * OR *\\ \\/k\\ *))) AND (NOT User:SYSTEM)")]
    [InlineData("pysigma-eql", "any where (Image:\"*\\\\cmd.exe\" and (CommandLine like~ (\"* /c *\", \"* /k *\"))) and (not User:\"SYSTEM\")")]
    [InlineData("pysigma-esql", "from * metadata _id, _index, _version | where ends_with(Image, \"\\\\cmd.exe\") and (CommandLine like \"* /c *\" or CommandLine like \"* /k *\") and not User==\"SYSTEM\"")]
    [InlineData("pysigma-sqlite", "SELECT * FROM <TABLE_NAME> WHERE (Image LIKE '%\\\\cmd.exe' ESCAPE '\\' AND (CommandLine LIKE '% /c %' ESCAPE '\\' OR CommandLine LIKE '% /k %' ESCAPE '\\')) AND ((User='SYSTEM') IS NOT TRUE)")]
    [InlineData("pysigma-kusto", "Image endswith \"\\\\cmd.exe\" and (CommandLine contains \" /c \" or CommandLine contains \" /k \") and not(User =~ \"SYSTEM\")")]
    public void Each_target_writes_the_rule_in_its_language(string target, string expected)
    {
        var result = ModernTargets.Create(target).Backend!.Convert(Rule(ProcessRule));

        Assert.Equal(expected, Assert.Single(result.Queries));
    }

    [Fact]
    public void Splunk_savedsearches_format_wraps_queries_in_a_conf_file()
    {
        var backend = ModernTargets.Create("pysigma-splunk", options: new Dictionary<string, string> { ["format"] = "savedsearches" }).Backend!;
        backend.Convert(Rule(ProcessRule));

        var conf = backend.Finalize()!;
        Assert.StartsWith("\n[default]\ndispatch.earliest_time = -30d\ndispatch.latest_time = now\n\n[Test rule]\ndescription = A rule for the tests\nsearch = Image=", conf, StringComparison.Ordinal);
    }

    [Fact]
    public void Splunk_data_model_format_uses_the_model_the_cim_pipeline_chose()
    {
        var (backend, _) = ModernTargets.Create("pysigma-splunk", ["splunk_cim"], new Dictionary<string, string> { ["format"] = "data_model" });
        var query = Assert.Single(backend!.Convert(Rule(ProcessRule.Replace("User: SYSTEM", "ParentImage: x", StringComparison.Ordinal))).Queries);

        Assert.StartsWith("| tstats summariesonly=false allow_old_summaries=true fillnull_value=\"null\" count min(_time) as firstTime max(_time) as lastTime from datamodel=Endpoint.Processes where Processes.process_path=\"*\\\\cmd.exe\"", query, StringComparison.Ordinal);
        Assert.Contains("| `drop_dm_object_name(Processes)`", query, StringComparison.Ordinal);
    }

    [Fact]
    public void Splunk_cim_refuses_fields_the_data_model_does_not_have()
    {
        var (backend, _) = ModernTargets.Create("pysigma-splunk", ["splunk_cim"]);
        var result = backend!.Convert(Rule(ProcessRule.Replace("User: SYSTEM", "Description: x", StringComparison.Ordinal)));

        Assert.False(result.IsConverted);
        Assert.Contains(result.Diagnostics, d => d.Code == "SIG522" && d.Message.Contains("only the following fields", StringComparison.Ordinal));
    }

    [Fact]
    public void Lucene_dsl_and_kibana_formats_are_json()
    {
        var dsl = ModernTargets.Create("pysigma-lucene", options: new Dictionary<string, string> { ["format"] = "dsl_lucene" }).Backend!;
        var kibana = ModernTargets.Create("pysigma-lucene", options: new Dictionary<string, string> { ["format"] = "kibana_ndjson" }).Backend!;

        using var query = JsonDocument.Parse(Assert.Single(dsl.Convert(Rule(ProcessRule)).Queries));
        using var saved = JsonDocument.Parse(Assert.Single(kibana.Convert(Rule(ProcessRule)).Queries));
        Assert.StartsWith("(Image:", query.RootElement.GetProperty("query").GetProperty("bool").GetProperty("must")[0].GetProperty("query_string").GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.Equal("SIGMA - Test rule", saved.RootElement.GetProperty("attributes").GetProperty("title").GetString());
    }

    [Fact]
    public void Sqlite_table_option_and_zircolite_format()
    {
        var table = ModernTargets.Create("pysigma-sqlite", options: new Dictionary<string, string> { ["table"] = "logs" }).Backend!;
        var zircolite = ModernTargets.Create("pysigma-sqlite", options: new Dictionary<string, string> { ["format"] = "zircolite" }).Backend!;

        Assert.StartsWith("SELECT * FROM logs WHERE", Assert.Single(table.Convert(Rule(ProcessRule)).Queries), StringComparison.Ordinal);
        zircolite.Convert(Rule(ProcessRule));
        using var document = JsonDocument.Parse(zircolite.Finalize()!);
        Assert.Equal("medium", document.RootElement[0].GetProperty("level").GetString());
    }

    [Fact]
    public void An_unknown_output_format_is_a_bad_option()
    {
        var (backend, diagnostics) = ModernTargets.Create("pysigma-splunk", options: new Dictionary<string, string> { ["format"] = "pdf" });

        Assert.Null(backend);
        Assert.Equal("SIG503", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void A_pipeline_for_another_backend_gives_a_warning()
    {
        var (backend, diagnostics) = ModernTargets.Create("pysigma-lucene", ["splunk_windows"]);

        Assert.NotNull(backend);
        Assert.Equal(("SIG524", SigmaSharp.Rules.DiagnosticSeverity.Warning), (Assert.Single(diagnostics).Code, diagnostics[0].Severity));
    }

    [Theory]
    [InlineData("pysigma-splunk", "EventID=4625\n\n| bin _time span=5m\n| stats count as event_count by _time TargetUserName\n\n| search event_count >= 10")]
    [InlineData("pysigma-esql", "from * metadata _id, _index, _version | where EventID==4625\n| eval timebucket=date_trunc(5 minutes, @timestamp) | stats event_count=count() by timebucket, TargetUserName\n| where event_count >= 10")]
    [InlineData("pysigma-sqlite", "SELECT TargetUserName, COUNT(*) AS event_count FROM (SELECT * FROM logs WHERE EventID=4625) AS subquery GROUP BY TargetUserName HAVING event_count >= 10")]
    public void Correlation_rules_aggregate_where_the_language_can(string target, string expected)
    {
        var collection = Load(Correlation);
        var backend = ModernTargets.Create(target, collection: collection).Backend!;

        var result = backend.Convert(collection.Correlations.Single());

        Assert.Equal(expected, Assert.Single(result.Queries));
    }

    [Fact]
    public void Correlations_are_refused_by_targets_without_aggregation()
    {
        var collection = Load(Correlation);
        var result = ModernTargets.Create("pysigma-lucene", collection: collection).Backend!.Convert(collection.Correlations.Single());

        Assert.Equal("SIG501", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Splunk_regular_expressions_go_to_a_regex_command()
    {
        var rule = Rule("    product: windows\n    category: process_creation", "    sel:\n        CommandLine|re: 'a\"b\\d'\n    filter:\n        Image|re: 'x'\n    condition: sel and not filter");

        var query = Assert.Single(ModernTargets.Create("pysigma-splunk").Backend!.Convert(Rule(rule)).Queries);

        Assert.Equal("*\n| regex CommandLine=\"a\\\"b\\\\d\"\n| regex Image!=\"x\"", query);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "SELECT * FROM <TABLE_NAME> WHERE ip LIKE '10.%' ESCAPE '\\'")]
    [InlineData("172.16.0.0/12", "SELECT * FROM <TABLE_NAME> WHERE ip LIKE '172.16.%' ESCAPE '\\' OR ip LIKE '172.17.%' ESCAPE '\\' OR ip LIKE '172.18.%' ESCAPE '\\' OR ip LIKE '172.19.%' ESCAPE '\\' OR ip LIKE '172.20.%' ESCAPE '\\' OR ip LIKE '172.21.%' ESCAPE '\\' OR ip LIKE '172.22.%' ESCAPE '\\' OR ip LIKE '172.23.%' ESCAPE '\\' OR ip LIKE '172.24.%' ESCAPE '\\' OR ip LIKE '172.25.%' ESCAPE '\\' OR ip LIKE '172.26.%' ESCAPE '\\' OR ip LIKE '172.27.%' ESCAPE '\\' OR ip LIKE '172.28.%' ESCAPE '\\' OR ip LIKE '172.29.%' ESCAPE '\\' OR ip LIKE '172.30.%' ESCAPE '\\' OR ip LIKE '172.31.%' ESCAPE '\\'")]
    [InlineData("0.0.0.0/0", "SELECT * FROM <TABLE_NAME> WHERE ip LIKE '%' ESCAPE '\\'")]
    [InlineData("fe80::/10", "SELECT * FROM <TABLE_NAME> WHERE ip LIKE 'fe8%' ESCAPE '\\' OR ip LIKE 'fe9%' ESCAPE '\\' OR ip LIKE 'fea%' ESCAPE '\\' OR ip LIKE 'feb%' ESCAPE '\\'")]
    [InlineData("::1/128", "SELECT * FROM <TABLE_NAME> WHERE ip='::1'")]
    public void Sqlite_expands_cidr_networks_into_prefix_patterns(string network, string expected)
    {
        var rule = Rule("    product: windows", $"    sel:\n        ip|cidr: '{network}'\n    condition: sel");

        Assert.Equal(expected, Assert.Single(ModernTargets.Create("pysigma-sqlite").Backend!.Convert(Rule(rule)).Queries));
    }
}
