using System.Text.Json;
using SigmaSharp.Cli.Commands;

namespace SigmaSharp.Tests.Cli;

public class ScanCommandTests
{
    private static string Example(string name) => Path.Combine(RepositoryPaths.Root!, "examples", "rules", name);

    private static string Events => Path.Combine(AppContext.BaseDirectory, "fixtures", "cli", "events.jsonl");

    private static (int Exit, string Output) Scan(string format, params string[] rules)
    {
        var stdout = new StringWriter();
        var exit = ScanCommand.Run(new ScanCommand.ScanRequest(rules, [Events], null, null, false, null, format, null, null), stdout);
        return (exit, stdout.ToString());
    }

    [Fact]
    public void Matches_exit_one_and_carry_rule_level_time_computer_and_fields()
    {
        var (exit, text) = Scan("jsonl", Example("proc_creation_win_whoami_priv.yml"));
        Assert.Equal(1, exit);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var match = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("Whoami Lists Privileges", match.GetProperty("rule").GetString());
        Assert.Equal("medium", match.GetProperty("level").GetString());
        Assert.Equal("ws1", match.GetProperty("computer").GetString());
        Assert.StartsWith("2026-11-23T10:00:00", match.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
        Assert.Equal("whoami /priv", match.GetProperty("fields").GetProperty("CommandLine")[0].GetString());
    }

    [Fact]
    public void Filters_in_the_rule_set_suppress_their_matches()
    {
        var (_, text) = Scan("jsonl", Example("proc_creation_win_whoami_priv.yml"), Example("mf_exclude_admin_accounts.yml"));
        var line = Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(1, JsonDocument.Parse(line).RootElement.GetProperty("record").GetInt64());
    }

    [Fact]
    public void No_match_exits_zero() =>
        Assert.Equal(0, Scan("csv", Example("mr_multiple_failed_logons_then_success.yml")).Exit);

    [Fact]
    public void Csv_has_a_header_and_a_row_per_match()
    {
        var lines = Scan("csv", Example("proc_creation_win_whoami_priv.yml")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("timestamp,level,rule,id,computer,fields", lines[0]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void A_regex_running_out_of_time_is_reported_after_the_scan_and_the_scan_goes_on()
    {
        var folder = Directory.CreateTempSubdirectory("sigmasharp-scan-").FullName;
        try
        {
            var rule = Path.Combine(folder, "slow.yml");
            File.WriteAllText(rule, "title: Pathological regex\nlogsource:\n    product: windows\ndetection:\n    selection:\n        CommandLine|re: '(?=a)(a+)+$'\n    condition: selection\n");
            var events = Path.Combine(folder, "events.jsonl");
            File.WriteAllText(events, "{\"CommandLine\":\"" + new string('a', 40) + "!\"}\n{\"CommandLine\":\"b\"}\n");
            var stderr = new StringWriter();
            var exit = ScanCommand.Run(new ScanCommand.ScanRequest([rule], [events], null, null, true, null, "jsonl", null, null), new StringWriter(), stderr);
            Assert.Equal(0, exit);
            Assert.Contains("SIG604", stderr.ToString(), StringComparison.Ordinal);
            Assert.Contains("2 events", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_bad_mapping_file_is_a_usage_error() =>
        Assert.Throws<UsageException>(() => ScanCommand.Run(
            new ScanCommand.ScanRequest([Example("proc_creation_win_whoami_priv.yml")], [Events], Path.Combine(RepositoryPaths.Root!, "README.md"), null, false, null, "jsonl", null, null),
            new StringWriter()));
}
