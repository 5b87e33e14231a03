using SigmaSharp.Cli.Commands;
using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Cli;

public sealed class CheckCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sigmasharp-check-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string ExamplesFolder => Path.Combine(RepositoryPaths.Root!, "examples", "rules");

    private (int Exit, string Output) Check(params string[] paths)
    {
        var output = new StringWriter();
        var exit = CheckCommand.Run(new CheckCommand.CheckOptions(paths, Json: false, [], [], DiagnosticSeverity.Info), output);
        return (exit, output.ToString());
    }

    [Fact]
    public void Our_own_example_rules_are_clean()
    {
        string[] ours = ["proc_creation_win_whoami_priv.yml", "mr_multiple_failed_logons_then_success.yml", "mf_exclude_admin_accounts.yml"];
        var (exit, text) = Check([.. ours.Select(f => Path.Combine(ExamplesFolder, f))]);
        Assert.Equal("", text);
        Assert.Equal(0, exit);
    }

    [Fact]
    public void The_seed_rules_have_only_their_known_style_findings()
    {
        var (exit, text) = Check(ExamplesFolder);
        Assert.Equal(1, exit);
        Assert.DoesNotContain(": error ", text, StringComparison.Ordinal);
        Assert.Contains("SIG445: tag 'attack.t1191' names T1191 CMSTP, which MITRE revoked", text, StringComparison.Ordinal);
        Assert.Contains("SIG411: date '2019/10/24' should be written 2019-10-24", text, StringComparison.Ordinal);
        Assert.Equal(text.Split('\n').Length, text.Split('\n').Distinct().Count());
    }

    [Fact]
    public void Findings_are_printed_as_file_line_column_and_exit_one()
    {
        var file = Path.Combine(_folder, "bad.yml");
        File.WriteAllText(file, "title: x\nlogsource: {product: w}\ndetection:\n    s: {Image|endswithh: a}\n    condition: s\n");
        var (exit, text) = Check(_folder);
        Assert.Equal(1, exit);
        Assert.StartsWith($"{file}:4:9: error SIG201: unknown modifier 'endswithh'", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_errors_exit_two() =>
        Assert.Equal(2, CommandRunner.Run(new System.CommandLine.RootCommand { CheckCommand.Create() }, ["check", "--format", "xml", "x"]));

    [Fact]
    public void Missing_paths_are_findings_not_crashes() =>
        Assert.Equal(1, Check(Path.Combine(_folder, "nothing-here")).Exit);

    [Fact]
    public void Json_output_carries_findings_and_summary()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.yml"), "title: [\n");
        var output = new StringWriter();
        var exit = CheckCommand.Run(new CheckCommand.CheckOptions([_folder], Json: true, [], [], DiagnosticSeverity.Info), output);
        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.Equal(1, exit);
        Assert.Equal("SIG100", json.RootElement.GetProperty("findings")[0].GetProperty("code").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("filesSkipped").GetInt32());
    }

    [Fact]
    public void Disabled_codes_are_not_reported()
    {
        File.WriteAllText(Path.Combine(_folder, "dup.yml"), "title: x\ntitle: y\nlogsource: {product: w}\ndetection: {s: {a: 1}, condition: s}\n");
        var output = new StringWriter();
        var exit = CheckCommand.Run(new CheckCommand.CheckOptions([_folder], Json: false, ["all", "SIG114"], [], DiagnosticSeverity.Info), output);
        Assert.Equal(0, exit);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Enable_brings_back_one_validator_after_disabling_all()
    {
        File.WriteAllText(Path.Combine(_folder, "r.yml"), "title: x\nlogsource: {product: w}\ndetection: {s: {a: 1}, condition: s}\n");
        var output = new StringWriter();
        CheckCommand.Run(new CheckCommand.CheckOptions([_folder], Json: false, ["all"], ["identifier-existence"], DiagnosticSeverity.Info), output);
        var codes = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[2].TrimEnd(':')).Distinct();
        Assert.Equal(["SIG400"], codes);
    }

    [Fact]
    public void Unknown_validator_names_are_usage_errors() =>
        Assert.Throws<UsageException>(() => CheckCommand.Run(new CheckCommand.CheckOptions([_folder], Json: false, ["no-such-validator"], [], DiagnosticSeverity.Info), new StringWriter()));
}
