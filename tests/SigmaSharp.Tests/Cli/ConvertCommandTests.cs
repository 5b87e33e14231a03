using System.Text.Json;
using SigmaSharp.Cli.Commands;

namespace SigmaSharp.Tests.Cli;

public sealed class ConvertCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sigmasharp-convert-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Example(string name) => Path.Combine(RepositoryPaths.Root!, "examples", "rules", name);

    private static (int Exit, string Output) Convert(string target, string[] paths, string[]? configs = null, bool json = false, string? output = null, bool fail = false)
    {
        var stdout = new StringWriter();
        var exit = ConvertCommand.Run(new ConvertCommand.ConvertOptions(paths, [target], configs ?? [], new Dictionary<string, string>(), output, json, fail), stdout);
        return (exit, stdout.ToString());
    }

    [Fact]
    public void Seed_rule_converts_to_splunk_with_its_table_of_fields()
    {
        var (exit, text) = Convert("splunk", [Example("proc_creation_win_bypass_uac_via_cmstp.yml")]);
        Assert.Equal(0, exit);
        Assert.Equal("((Image=\"*\\\\cmstp.exe\" (CommandLine=\"*/s*\" OR CommandLine=\"*/au*\"))) | table ComputerName,User,CommandLine", text.Trim());
    }

    [Fact]
    public void Configs_map_fields()
    {
        var (_, text) = Convert("es-qs", [Example("proc_creation_win_bypass_uac_via_cmstp.yml")], ["winlogbeat"]);
        Assert.Equal("(winlog.event_data.Image.keyword:*\\\\cmstp.exe AND winlog.event_data.CommandLine.keyword:(*\\/s* OR *\\/au*))", text.Trim());
    }

    [Fact]
    public void Global_collection_yields_one_query_per_rule() =>
        Assert.Equal(2, Convert("grep", [Example("sysmon_cmstp_execution.yml")]).Output.Trim().Split('\n').Length);

    [Fact]
    public void Filters_in_the_load_are_applied_to_their_rules()
    {
        var (_, text) = Convert("splunk", [Example("proc_creation_win_whoami_priv.yml"), Example("mf_exclude_admin_accounts.yml")]);
        Assert.Contains("NOT ((User=\"CORP\\\\adm_*\"))", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correlation_converts_with_the_rules_it_names_from_other_files()
    {
        // Files are converted one at a time unless some rule needs others: the base rule sits in a file of its own.
        File.WriteAllText(Path.Combine(_folder, "a_correlation.yml"),
            "title: Many failed logons\nid: 5a0e2c64-7d4b-4c8e-9f1a-2b3c4d5e6f70\ncorrelation: {type: event_count, rules: [failed_logon], group-by: [TargetUserName], timespan: 10m, condition: {gte: 5}}\n");
        File.WriteAllText(Path.Combine(_folder, "b_rule.yml"),
            "title: Failed logon\nname: failed_logon\nlogsource: {product: windows, service: security}\ndetection: {s: {EventID: 4625}, condition: s}\n");
        var (exit, text) = Convert("pysigma-splunk", [_folder]);
        Assert.Equal(0, exit);
        Assert.Contains("EventID=4625", text, StringComparison.Ordinal);
        Assert.Contains("| search event_count >= 5", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_rules_are_skipped_by_default_and_fail_on_request()
    {
        var correlation = Example("mr_multiple_failed_logons_then_success.yml");
        Assert.Equal(0, Convert("splunk", [correlation]).Exit);
        Assert.Equal(1, Convert("splunk", [correlation], fail: true).Exit);
    }

    [Fact]
    public void Json_output_carries_id_title_file_and_queries()
    {
        var (_, text) = Convert("logpoint", [Example("proc_creation_win_bypass_uac_via_cmstp.yml")], json: true);
        var rule = JsonDocument.Parse(text).RootElement.GetProperty("rules")[0];
        Assert.Equal("e66779cc-383e-4224-a3a4-267eeb585c40", rule.GetProperty("id").GetString());
        Assert.Equal("Bypass UAC via CMSTP", rule.GetProperty("title").GetString());
        Assert.EndsWith("proc_creation_win_bypass_uac_via_cmstp.yml", rule.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.Equal("(Image=\"*\\\\cmstp.exe\" CommandLine IN [\"*/s*\", \"*/au*\"])", rule.GetProperty("queries")[0].GetString());
    }

    [Fact]
    public void Output_folder_gets_one_file_per_rule()
    {
        var folder = Path.Combine(_folder, "out") + Path.DirectorySeparatorChar;
        Convert("grep", [Example("sysmon_cmstp_execution.yml"), Example("proc_creation_win_whoami_priv.yml")], output: folder);
        Assert.Equal(["proc_creation_win_whoami_priv.txt", "sysmon_cmstp_execution.1.txt", "sysmon_cmstp_execution.2.txt"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Xpack_watcher_document_is_written_once_at_the_end()
    {
        var (_, text) = Convert("xpack-watcher", [Example("proc_creation_win_bypass_uac_via_cmstp.yml"), Example("proc_creation_win_whoami_priv.yml")], ["winlogbeat"]);
        // Each watch once: the end-of-run document, not the rules' queries before it as well (they were printed twice).
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(text, "_watcher/watch/e66779cc-383e-4224-a3a4-267eeb585c40"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(text, "curl -s -XPUT"));
    }

    [Fact]
    public void Unknown_target_is_a_usage_error() =>
        Assert.Throws<UsageException>(() => Convert("nosuchsiem", [Example("proc_creation_win_whoami_priv.yml")]));

    [Fact]
    public void Unknown_config_is_a_usage_error() =>
        Assert.Throws<UsageException>(() => Convert("splunk", [Example("proc_creation_win_whoami_priv.yml")], ["nosuchconfig"]));

    [Fact]
    public void Backend_options_parse_key_value_pairs_and_bare_keys()
    {
        var options = ConvertCommand.ParseBackendOptions(["index=winlogbeat-*", "csv"]);
        Assert.Equal("winlogbeat-*", options["index"]);
        Assert.Equal("true", options["csv"]);
    }

    [Fact]
    public void Several_targets_in_one_run_get_a_section_each()
    {
        var stdout = new StringWriter();
        ConvertCommand.Run(new ConvertCommand.ConvertOptions([Example("proc_creation_win_whoami_priv.yml")], ["splunk", "grep"], [], new Dictionary<string, string>(), null, false, false), stdout);
        var text = stdout.ToString();
        Assert.Contains("# target: splunk", text, StringComparison.Ordinal);
        Assert.Contains("# target: grep", text, StringComparison.Ordinal);
    }
}
