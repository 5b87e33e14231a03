using System.Text.Json;
using SigmaSharp.Documentation;

namespace SigmaSharp.Tests.Documentation;

public class WriterTests
{
    private const string Rule = """
        title: Evil <script>alert(1)</script> | pipe
        id: 11111111-2222-3333-4444-555555555555
        status: test
        description: Shows <b>markup</b> & pipes | here
        author: Someone
        date: 2024-03-05
        tags:
            - attack.execution
            - attack.t1059.001
            - attack.t1191
            - attack.t1685
            - attack.stealth
        logsource:
            product: windows
            category: process_creation
        detection:
            selection:
                CommandLine|contains: '```'
            condition: selection
        level: critical
        """;

    [Fact]
    public void Analytic_page_escapes_markup_and_pipes_in_cells()
    {
        var page = AnalyticPageWriter.Write(DocumentationFixtures.FromText(Rule));
        Assert.Contains("| Title                    | Evil &lt;script&gt;alert(1)&lt;/script&gt; \\| pipe       |", page, StringComparison.Ordinal);
        Assert.Contains("Shows &lt;b&gt;markup&lt;/b&gt; &amp; pipes \\| here", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page.Split("## Detection Rules")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Analytic_page_names_unknown_and_revoked_techniques_and_triggers_only_current_ones()
    {
        var page = AnalyticPageWriter.Write(DocumentationFixtures.FromText(Rule));
        Assert.Contains("[T1059.001: PowerShell](https://attack.mitre.org/techniques/T1059/001)", page, StringComparison.Ordinal);
        Assert.Contains("[T1191: CMSTP (revoked)](https://attack.mitre.org/techniques/T1191)", page, StringComparison.Ordinal);
        Assert.Contains("<li>T1685 (not in ATT&amp;CK v18.1)</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>stealth (not in ATT&amp;CK v18.1)</li>", page, StringComparison.Ordinal);
        var trigger = page.Split('\n').Single(l => l.StartsWith("| **Trigger**", StringComparison.Ordinal));
        Assert.Equal(
            "| **Trigger**              | <ul><li>[T1059.001: PowerShell](../Triggers/T1059.001.md)</li><li>[T1218.003: CMSTP](../Triggers/T1218.003.md)</li></ul>  |",
            trigger);
    }

    [Fact]
    public void Raw_rule_holding_a_fence_gets_a_longer_fence()
    {
        var page = RulePageWriter.Write(DocumentationFixtures.FromText(Rule));
        Assert.Contains("## Raw rule\n````yaml\n", page, StringComparison.Ordinal);
        Assert.EndsWith("\n\n````\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_page_quotes_the_title_and_leaves_out_empty_sections()
    {
        var page = RulePageWriter.Write(DocumentationFixtures.FromText(Rule.Replace("title: Evil", "title: \"Say \\\"hi\\\"\" #", StringComparison.Ordinal)));
        Assert.StartsWith("---\ntitle: \"Say \\\"hi\\\"\"\naliases:\n  - \"/rule/11111111-2222-3333-4444-555555555555\"\n", page, StringComparison.Ordinal);
        Assert.DoesNotContain("## Known false-positives", page, StringComparison.Ordinal);
        Assert.DoesNotContain("## References", page, StringComparison.Ordinal);
        Assert.Contains("date: Tue, 5 Mar 2024 00:00:00 +0000\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_document_file_is_one_page_named_by_the_rule_id_with_the_whole_file()
    {
        var rule = DocumentationFixtures.Load(DocumentationFixtures.CmstpExecution);
        Assert.Equal("9d26fede-b526-4413-b069-6e24b6d07167", rule.PageName);
        Assert.Equal(2, rule.Rules.Length);
        Assert.Equal(2, rule.LogSources.Length);
        Assert.Contains("    # CMSTP Spawning Child Process\n", RulePageWriter.Write(rule), StringComparison.Ordinal);
    }

    [Fact]
    public void Page_names_fall_back_to_the_file_name_and_number_clashes()
    {
        Assert.Equal(["abc", "ABC-2", "my_rule", "x_y"], PageNames.Assign([("a.yml", "abc"), ("b.yml", "ABC"), ("dir/my rule.yml", null), ("c.yml", "x/y")]));
    }

    [Fact]
    public void Translations_of_a_collection_share_one_block_per_target()
    {
        var rule = DocumentationFixtures.Load(DocumentationFixtures.CmstpExecution);
        var page = AnalyticPageWriter.Write(rule, r => [("splunk", $"q-{r.LogSource.Category}"), ("grep", "g")]);
        Assert.Contains("### splunk\n    \n```\nq-registry_event\nq-process_creation\n```\n", page, StringComparison.Ordinal);
        Assert.Contains("### grep\n    \n```\ng\ng\n```\n\n\n\n", page, StringComparison.Ordinal);
        Assert.Contains("DN_0016_12_windows_sysmon_RegistryEvent", page, StringComparison.Ordinal);
        Assert.Contains("DN_0003_1_windows_sysmon_process_creation", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_needed_map_matches_given_keys_and_reports_bad_entries()
    {
        var (map, problems) = DataNeededMap.Parse("mappings:\n  - logsource: {product: linux}\n    data_needed: DN_X\n  - nonsense\n", "user.yml");
        Assert.Equal("user.yml:4:5: an entry needs 'logsource' (a map) and 'data_needed'", Assert.Single(problems));
        var linux = new SigmaSharp.Rules.LogSource("process_creation", "Linux", null, null, default, default);
        Assert.Equal("DN_X", Assert.Single(map.For([linux])));
        Assert.Empty(DataNeededMap.Bundled.For([linux]));
        Assert.Equal("DN_X", Assert.Single(DataNeededMap.Bundled.Concat(map).For([linux])));
        Assert.Single(DataNeededMap.Parse("mappings: [", "bad.yml").Problems);
    }

    [Fact]
    public void Navigator_layer_scores_current_techniques_and_colours_by_highest_level()
    {
        var rules = DocumentationFixtures.FromTexts(
            ("a.yml", Rule),
            ("b.yml", Rule.Replace("11111111", "22222222", StringComparison.Ordinal).Replace("level: critical", "level: low", StringComparison.Ordinal)
                .Replace("    - attack.t1191\n", "    - attack.t1218.003\n", StringComparison.Ordinal)));
        using var layer = JsonDocument.Parse(NavigatorLayerWriter.Write(rules));
        var root = layer.RootElement;
        Assert.Equal("4.5", root.GetProperty("versions").GetProperty("layer").GetString());
        Assert.Equal("18", root.GetProperty("versions").GetProperty("attack").GetString());
        Assert.Equal("enterprise-attack", root.GetProperty("domain").GetString());
        var techniques = root.GetProperty("techniques").EnumerateArray().ToDictionary(t => t.GetProperty("techniqueID").GetString()!);
        Assert.Equal(["T1059.001", "T1218.003"], techniques.Keys);
        Assert.Equal(2, techniques["T1218.003"].GetProperty("score").GetInt32());
        Assert.Equal("#7a0177", techniques["T1218.003"].GetProperty("color").GetString());
        Assert.Contains("T1685", root.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, root.GetProperty("legendItems").GetArrayLength());
    }

    [Fact]
    public void Git_batch_output_keeps_the_oldest_addition_and_the_author_offset()
    {
        var dates = FirstCommitDates.ParseBatch("\x1eTue, 2 Jan 2024 10:00:00 -0500\0\na.yml\0b.yml\0\x1eMon, 16 Jul 2018 02:53:41 +0300\0\na.yml\0");
        Assert.Equal("Mon, 16 Jul 2018 02:53:41 +0300", FirstCommitDates.FormatRfc2822(dates["a.yml"]));
        Assert.Equal("Tue, 2 Jan 2024 10:00:00 -0500", FirstCommitDates.FormatRfc2822(dates["b.yml"]));
        Assert.False(FirstCommitDates.TryParseRfc2822("not a date", out _));
    }

    [Fact]
    public void Files_outside_a_git_work_tree_have_no_commit_date()
    {
        var directory = Directory.CreateTempSubdirectory("sigmasharp-docs-nogit-").FullName;
        try
        {
            var file = Path.Combine(directory, "r.yml");
            File.WriteAllText(file, "title: x\n");
            Assert.Empty(FirstCommitDates.Batch([file]));
            Assert.Null(FirstCommitDates.FollowOne(file));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
