using SigmaSharp.Cli.Commands;
using SigmaSharp.Conversion;
using SigmaSharp.Documentation;

namespace SigmaSharp.Tests.Cli;

public sealed class DocsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sigmasharp-docs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Example(string name) => Path.Combine(RepositoryPaths.Root!, "examples", "rules", name);

    private static string[] AllTargets => [.. ConversionTargets.All.Select(t => t.Name)];

    [Fact]
    public void Analytic_page_carries_a_working_translation_for_each_seed_target()
    {
        var exit = DocsCommand.Run([Example("proc_creation_win_bypass_uac_via_cmstp.yml")], DocsFormat.Analytic, AllTargets, [], _folder, noGit: true);
        Assert.Equal(0, exit);
        var page = File.ReadAllText(Path.Combine(_folder, "e66779cc-383e-4224-a3a4-267eeb585c40.md"));
        foreach (var target in AllTargets)
        {
            Assert.Contains($"### {target}\n", page, StringComparison.Ordinal);
        }

        // es-qs with the winlogbeat config, exactly the seed's query with its doubled backslashes undone.
        Assert.Contains("(winlog.event_data.Image.keyword:*\\\\cmstp.exe AND winlog.event_data.CommandLine.keyword:(*\\/s* OR *\\/au*))", page, StringComparison.Ordinal);
        Assert.Contains("TA0005: Defense Evasion", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_pages_are_one_per_rule_file()
    {
        DocsCommand.Run([Path.Combine(RepositoryPaths.Root!, "examples", "rules")], DocsFormat.RulePages, [], [], _folder, noGit: true);
        Assert.Equal(5, Directory.GetFiles(_folder, "*.md").Length);
        var page = File.ReadAllText(Path.Combine(_folder, "9d26fede-b526-4413-b069-6e24b6d07167.md"));
        Assert.Contains("aliases:\n  - \"/rule/9d26fede-b526-4413-b069-6e24b6d07167\"", page, StringComparison.Ordinal);
        Assert.Contains("action: global", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Navigator_layer_and_site_are_written()
    {
        DocsCommand.Run([Path.Combine(RepositoryPaths.Root!, "examples", "rules")], DocsFormat.Navigator, [], [], Path.Combine(_folder, "nav"), noGit: true);
        DocsCommand.Run([Path.Combine(RepositoryPaths.Root!, "examples", "rules")], DocsFormat.Site, [], [], Path.Combine(_folder, "site"), noGit: true);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_folder, "nav"), "*.json"));
        Assert.True(File.Exists(Path.Combine(_folder, "site", "index.html")));
    }
}
