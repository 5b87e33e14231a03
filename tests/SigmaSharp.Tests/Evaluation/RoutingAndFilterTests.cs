using SigmaSharp.Evaluation;
using SigmaSharp.Evaluation.Routing;
using SigmaSharp.Rules;
using static SigmaSharp.Tests.Evaluation.EvaluationHarness;

namespace SigmaSharp.Tests.Evaluation;

public class RoutingAndFilterTests
{
    private const string SysmonProcess = """{"Event":{"System":{"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational"},"EventData":{"Image":"C:\\Windows\\System32\\whoami.exe"}}}""";
    private const string SecurityProcess = """{"Event":{"System":{"EventID":4688,"Channel":"Security"},"EventData":{"NewProcessName":"C:\\Windows\\System32\\whoami.exe"}}}""";
    private const string SysmonNetwork = """{"Event":{"System":{"EventID":3,"Channel":"Microsoft-Windows-Sysmon/Operational"},"EventData":{"Image":"C:\\Windows\\System32\\whoami.exe"}}}""";
    private const string NoChannel = """{"Image":"C:\\Windows\\System32\\whoami.exe"}""";

    private static readonly string ProcessRule = Rule(
        "selection:\n    Image|endswith: '\\whoami.exe'\ncondition: selection", "product: windows\n    category: process_creation");

    [Fact]
    public void Process_creation_rule_reads_sysmon_1_and_security_4688_with_its_field_names()
    {
        Assert.Single(Scan(ProcessRule, new ScanOptions(), SysmonProcess));
        Assert.Single(Scan(ProcessRule, new ScanOptions(), SecurityProcess));
    }

    [Fact]
    public void Process_creation_rule_ignores_events_of_other_log_sources()
    {
        Assert.Empty(Scan(ProcessRule, new ScanOptions(), SysmonNetwork));
        Assert.Empty(Scan(ProcessRule, new ScanOptions(), NoChannel));
    }

    [Fact]
    public void Ignoring_log_sources_applies_every_rule_to_every_event() =>
        Assert.Equal(3, Scan(ProcessRule, new ScanOptions { IgnoreLogSources = true }, SysmonProcess, SysmonNetwork, NoChannel).Count);

    [Fact]
    public void Service_rule_reads_its_channel_only()
    {
        var rule = Rule("selection:\n    EventID: 1102\ncondition: selection", "product: windows\n    service: security");
        Assert.Single(Scan(rule, new ScanOptions(), """{"Event":{"System":{"EventID":1102,"Channel":"Security"}}}"""));
        Assert.Empty(Scan(rule, new ScanOptions(), """{"Event":{"System":{"EventID":1102,"Channel":"System"}}}"""));
    }

    [Fact]
    public void Unknown_log_source_applies_to_every_event_and_says_so()
    {
        var rule = Rule("selection:\n    Image|endswith: '\\whoami.exe'\ncondition: selection", "product: someos\n    category: something");
        var scanner = new Scanner(Load(rule));
        Assert.Contains(scanner.Diagnostics, d => d.Code == "SIG605");
        Assert.Single(scanner.Scan(ReadEvents(scanner, NoChannel)));
    }

    [Fact]
    public void Unknown_log_source_can_be_skipped_instead()
    {
        var rule = Rule("selection:\n    Image: x\ncondition: selection", "product: someos\n    category: something");
        var scanner = new Scanner(Load(rule), new ScanOptions { UnknownLogSources = UnknownLogSourcePolicy.Skip });
        Assert.Contains(scanner.Diagnostics, d => d.Code == "SIG611");
        Assert.Empty(scanner.Rules);
    }

    [Fact]
    public void User_map_extends_and_overrides_the_shipped_map()
    {
        Assert.True(LogSourceMap.TryLoad(EvaluationPaths.Fixture("logsources-override.yml"), out var user, out var error), error?.ToString());
        var map = LogSourceMap.Default.Extend(user!);
        var options = new ScanOptions { LogSources = map };
        // process_creation now reads only the custom channel, with its own field name.
        Assert.Empty(Scan(ProcessRule, options, SysmonProcess));
        Assert.Single(Scan(ProcessRule, options, """{"Channel":"MyEdr","Proc":"C:\\x\\whoami.exe"}"""));
    }

    [Fact]
    public void Bad_map_file_reports_file_line_and_column()
    {
        Assert.False(LogSourceMap.TryLoad(EvaluationPaths.Fixture("logsources-bad.yml"), out _, out var error));
        Assert.Equal("SIG606", error!.Code);
        Assert.EndsWith("logsources-bad.yml", error.Position.File, StringComparison.Ordinal);
        Assert.Equal(5, error.Position.Line);
        Assert.True(error.Position.Column > 0);
    }

    [Fact]
    public void Shipped_map_covers_every_windows_log_source_of_the_example_taxonomy()
    {
        foreach (var (category, service) in new (string?, string?)[]
                 {
                     ("process_creation", null), ("registry_set", null), ("file_event", null), ("ps_script", null), ("image_load", null),
                     ("network_connection", null), ("ps_module", null), ("registry_event", null), ("process_access", null), ("dns_query", null),
                     (null, "security"), (null, "system"), (null, "application"), (null, "windefend"), (null, "sysmon"), (null, "powershell"),
                 })
        {
            var source = new LogSource(category, "windows", service, null, EquatableArray<KeyValuePair<string, string>>.Empty, SourcePosition.None);
            Assert.NotEmpty(LogSourceMap.Default.RoutesFor(source));
        }
    }

    private static string Filter(string rules, string logsource = "product: windows\n    category: process_creation") => $"""
        title: Filter
        logsource:
            {logsource}
        filter:
            rules:
        {Indent(rules, 8)}
            selection:
                User: admin
            condition: not selection
        """;

    [Theory]
    [InlineData("- 11111111-1111-4111-8111-111111111111")]
    [InlineData("- test_rule")]
    [InlineData("any")]
    public void Filter_removes_matches_of_the_rules_it_names(string rules)
    {
        var scanner = new Scanner(Load(ProcessRule, Filter(rules)), new ScanOptions());
        var events = ReadEvents(scanner,
            """{"Event":{"System":{"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational"},"EventData":{"Image":"C:\\whoami.exe","User":"admin"}}}""",
            """{"Event":{"System":{"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational"},"EventData":{"Image":"C:\\whoami.exe","User":"bob"}}}""");
        var match = Assert.Single(scanner.Scan(events));
        Assert.Equal(2, match.Origin!.Value.Line);
    }

    [Fact]
    public void Filter_of_another_log_source_does_not_apply()
    {
        var scanner = new Scanner(Load(ProcessRule, Filter("- test_rule", "product: windows\n    category: file_event")), new ScanOptions());
        var events = ReadEvents(scanner,
            """{"Event":{"System":{"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational"},"EventData":{"Image":"C:\\whoami.exe","User":"admin"}}}""");
        Assert.Single(scanner.Scan(events));
    }
}
