using System.Diagnostics;
using SigmaSharp.Documentation;
using SigmaSharp.Parsing;

namespace SigmaSharp.Tests.Documentation;

/// <summary>Loads our documentation fixtures and builds small rules from text for the writer tests.</summary>
internal static class DocumentationFixtures
{
    public const string CmstpExecution = "sysmon_cmstp_execution.yml";
    public const string BypassUac = "win_bypass_uac_via_cmstp.yml";

    public static readonly DateTimeOffset CmstpFirstCommit = new(2018, 7, 16, 2, 53, 41, TimeSpan.FromHours(3));

    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", "documentation", name);

    public static DocsOptions NoGit { get; } = new() { Dates = PageDateSource.RuleDate };

    public static DocumentedRule Load(string name, DocsOptions? options = null)
    {
        var collection = RuleLoader.Load([Path(name)]);
        Assert.DoesNotContain(collection.Diagnostics, d => d.Severity == SigmaSharp.Rules.DiagnosticSeverity.Error);
        return Assert.Single(DocumentedRules.From(collection, options ?? NoGit));
    }

    /// <summary>A rule from YAML text, documented as if it had been read from a file of that name.</summary>
    public static DocumentedRule FromText(string yaml, string name = "rule.yml") =>
        FromTexts((name, yaml))[0];

    public static IReadOnlyList<DocumentedRule> FromTexts(params (string Name, string Text)[] texts)
    {
        var collection = RuleLoader.LoadTexts(texts);
        var byName = texts.ToDictionary(t => t.Name, t => t.Text, StringComparer.Ordinal);
        return DocumentedRules.From(collection, NoGit with { ReadText = name => byName.GetValueOrDefault(name) });
    }

    public static string? Seed(string name, ITestOutputHelper output)
    {
        if (RepositoryPaths.Seeds is not { } seeds || !File.Exists(System.IO.Path.Combine(seeds, name)))
        {
            output.WriteLine($"skipped: seed {name} not found in ../shared/seeds beside SigmaSharp.sln");
            return null;
        }
        return File.ReadAllText(System.IO.Path.Combine(seeds, name));
    }

    /// <summary>Runs git for a test repository; false when git is not installed.</summary>
    public static bool Git(string directory, IDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        try
        {
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>A fresh git repository in a temp folder, with a committer identity; null when git is missing.</summary>
    public static string? NewRepository()
    {
        var directory = Directory.CreateTempSubdirectory("sigmasharp-docs-git-").FullName;
        return Git(directory, null, "init", "-q") ? directory : null;
    }

    public static bool Commit(string repository, DateTimeOffset date, params string[] files)
    {
        var stamp = date.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_DATE"] = stamp,
            ["GIT_COMMITTER_DATE"] = stamp,
            ["GIT_AUTHOR_NAME"] = "test",
            ["GIT_AUTHOR_EMAIL"] = "test@example.invalid",
            ["GIT_COMMITTER_NAME"] = "test",
            ["GIT_COMMITTER_EMAIL"] = "test@example.invalid",
        };
        return Git(repository, environment, ["add", .. files]) && Git(repository, environment, "commit", "-q", "-m", "add rules");
    }
}
