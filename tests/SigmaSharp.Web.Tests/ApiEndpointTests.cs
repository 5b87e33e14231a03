using System.Net;
using System.Text.Json;

namespace SigmaSharp.Web.Tests;

/// <summary>Every endpoint of the JSON API, over HTTP against the real server.</summary>
public sealed class ApiEndpointTests(WebServer server) : IClassFixture<WebServer>
{
    public static TheoryData<string, string> SeedQueries => new()
    {
        // Our output for the seed rule with the target's default config: the seed's queries without its doubled
        // backslashes, splunk with sigmac's later extra parentheses, grep with -i (see docs/web.md).
        { "es-qs", @"(winlog.event_data.Image.keyword:*\\cmstp.exe AND winlog.event_data.CommandLine.keyword:(*\/s* OR *\/au*))" },
        { "graylog", @"(Image.keyword:*\\cmstp.exe AND CommandLine.keyword:(*\/s* *\/au*))" },
        { "splunk", @"((Image=""*\\cmstp.exe"" (CommandLine=""*/s*"" OR CommandLine=""*/au*""))) | table ComputerName,User,CommandLine" },
        { "logpoint", @"(Image=""*\\cmstp.exe"" CommandLine IN [""*/s*"", ""*/au*""])" },
        { "grep", @"grep -P -i '^(?=.*\\cmstp\.exe)(?=(?:.*/s.*|.*/au.*))'" },
    };

    [Theory]
    [MemberData(nameof(SeedQueries))]
    public async Task Convert_gives_the_seed_query_for_the_target(string target, string expected)
    {
        using var response = await server.PostJsonAsync("api/convert", new { rule = ExampleRule.CmstpText, target });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await WebServer.JsonOf(response);
        Assert.Equal(expected, json.GetProperty("queries")[0].GetString());
        Assert.Equal(0, json.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public async Task Convert_to_xpack_watcher_returns_the_watch_as_finalized_output()
    {
        using var response = await server.PostJsonAsync("api/convert", new { rule = ExampleRule.CmstpText, target = "xpack-watcher" });
        var json = await WebServer.JsonOf(response);
        var watch = json.GetProperty("finalized").GetString()!;
        Assert.StartsWith("curl -s -XPUT", watch, StringComparison.Ordinal);
        Assert.Contains("_watcher/watch/e66779cc-383e-4224-a3a4-267eeb585c40", watch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_returns_the_attack_names_of_the_rule_tags()
    {
        using var response = await server.PostJsonAsync("api/convert", new { rule = ExampleRule.CmstpText, target = "splunk" });
        var tags = (await WebServer.JsonOf(response)).GetProperty("tags").EnumerateArray().ToList();
        Assert.Equal(6, tags.Count);
        var uac = tags.Single(t => t.GetProperty("tag").GetString() == "attack.t1548.002");
        Assert.Equal("T1548.002", uac.GetProperty("attackId").GetString());
        Assert.Equal("Bypass User Account Control", uac.GetProperty("name").GetString());
        Assert.Equal("Privilege Escalation", tags[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Convert_with_no_configs_maps_no_fields_and_options_are_applied()
    {
        using var response = await server.PostJsonAsync("api/convert", new
        {
            rule = ExampleRule.CmstpText,
            target = "powershell",
            configs = Array.Empty<string>(),
            options = new Dictionary<string, object> { ["escaping"] = "sigmac" },
        });
        var query = (await WebServer.JsonOf(response)).GetProperty("queries")[0].GetString();
        Assert.Equal(
            @"Get-WinEvent | where {($_.message -match ""Image.*.*\\cmstp.exe"" -and ($_.message -match ""CommandLine.*.*/s.*"" -or $_.message -match ""CommandLine.*.*/au.*"")) } | select TimeCreated,Id,RecordId,ProcessId,MachineName,Message",
            query);
    }

    [Fact]
    public async Task Convert_of_broken_yaml_is_200_with_the_error_at_its_line()
    {
        var broken = ExampleRule.CmstpText.Replace("    condition: selection", "    condition: [selection", StringComparison.Ordinal);
        using var response = await server.PostJsonAsync("api/convert", new { rule = broken, target = "splunk" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await WebServer.JsonOf(response);
        Assert.Equal(0, json.GetProperty("queries").GetArrayLength());
        var error = json.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("severity").GetString() == "error");
        Assert.InRange(error.GetProperty("line").GetInt32(), 30, 34);
    }

    [Fact]
    public async Task Convert_to_an_unknown_target_is_400_naming_the_known_ones()
    {
        using var response = await server.PostJsonAsync("api/convert", new { rule = ExampleRule.CmstpText, target = "qradar" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await WebServer.JsonOf(response);
        Assert.Equal("unknown-target", json.GetProperty("code").GetString());
        Assert.Contains("'qradar'", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("splunk", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-config")]
    [InlineData("/etc/passwd")]
    [InlineData("../../data/configs/winlogbeat")]
    public async Task Convert_accepts_only_shipped_config_names_never_paths(string config)
    {
        using var response = await server.PostJsonAsync("api/convert", new { rule = ExampleRule.CmstpText, target = "splunk", configs = new[] { config } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unknown-config", (await WebServer.JsonOf(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Convert_with_a_bad_option_value_is_400()
    {
        using var response = await server.PostJsonAsync("api/convert", new
        {
            rule = ExampleRule.CmstpText,
            target = "powershell",
            options = new Dictionary<string, object> { ["escaping"] = "sometimes" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad-option", (await WebServer.JsonOf(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Convert_without_a_rule_is_400()
    {
        using var response = await server.PostJsonAsync("api/convert", new { target = "splunk" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("missing-rule", (await WebServer.JsonOf(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Check_reports_findings_at_their_lines_without_file_name_findings()
    {
        using var response = await server.PostJsonAsync("api/check", new { rule = ExampleRule.CmstpText });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var findings = (await WebServer.JsonOf(response)).GetProperty("findings").EnumerateArray().ToList();
        var date = findings.Single(f => f.GetProperty("code").GetString() == "SIG411" && f.GetProperty("message").GetString()!.StartsWith("date", StringComparison.Ordinal));
        Assert.Equal(9, date.GetProperty("line").GetInt32());
        Assert.DoesNotContain(findings, f => f.GetProperty("code").GetString() is "SIG407" or "SIG408");
    }

    [Fact]
    public async Task Check_of_broken_yaml_reports_the_error_line()
    {
        var broken = "title: x\nlogsource:\n  product: windows\ndetection:\n  sel:\n    a: 'unterminated\n  condition: sel\n";
        using var response = await server.PostJsonAsync("api/check", new { rule = broken });
        var findings = (await WebServer.JsonOf(response)).GetProperty("findings").EnumerateArray().ToList();
        var error = findings.First(f => f.GetProperty("severity").GetString() == "error");
        Assert.InRange(error.GetProperty("line").GetInt32(), 6, 8);
    }

    [Fact]
    public async Task Preview_escapes_markup_in_the_rule()
    {
        var rule = ExampleRule.CmstpText.Replace("title: Bypass UAC via CMSTP", "title: <script>alert(1)</script>", StringComparison.Ordinal);
        using var response = await server.PostJsonAsync("api/preview", new { rule });
        var json = await WebServer.JsonOf(response);
        var html = json.GetProperty("html").GetString()!;
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var markdown = json.GetProperty("markdown").GetString()!;
        Assert.Contains("aliases:\n  - \"/rule/e66779cc-383e-4224-a3a4-267eeb585c40\"", markdown, StringComparison.Ordinal);
        Assert.Contains("## Raw rule", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Targets_lists_the_seven_sigmac_targets_with_default_configs()
    {
        var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("api/targets", UriKind.Relative))).RootElement;
        var names = json.EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Equal(["powershell", "es-qs", "xpack-watcher", "graylog", "splunk", "logpoint", "grep"], names);
        Assert.Equal("splunk-windows", json[4].GetProperty("defaultConfigs")[0].GetString());
    }

    [Fact]
    public async Task Pipelines_lists_the_shipped_configs_and_which_targets_default_to_them()
    {
        var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("api/pipelines", UriKind.Relative))).RootElement;
        var winlogbeat = json.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "winlogbeat");
        Assert.Equal(["es-qs", "xpack-watcher"], winlogbeat.GetProperty("defaultFor").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Examples_bundle_the_example_rules()
    {
        var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("api/examples", UriKind.Relative))).RootElement;
        var cmstp = json.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "proc_creation_win_bypass_uac_via_cmstp");
        Assert.Equal("Bypass UAC via CMSTP", cmstp.GetProperty("title").GetString());
        Assert.Equal(ExampleRule.CmstpText, cmstp.GetProperty("text").GetString());
    }

    [Fact]
    public async Task OpenApi_document_describes_every_endpoint()
    {
        var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("openapi.json", UriKind.Relative))).RootElement;
        Assert.StartsWith("3.", json.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(paths, new HashSet<string> { "/api/convert", "/api/check", "/api/preview", "/api/targets", "/api/pipelines", "/api/examples" });
    }
}
