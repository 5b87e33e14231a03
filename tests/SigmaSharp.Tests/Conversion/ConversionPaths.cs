using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Conversion;

/// <summary>Finds the repository, the shared corpus and oracle (SIGMA_CORPUS, SIGMA_ORACLE), and loads the corpus once.</summary>
internal static class ConversionPaths
{
    public static string? Root { get; } = FindRoot();

    public static string? Corpus => Existing(Environment.GetEnvironmentVariable("SIGMA_CORPUS"), "corpus");

    public static string? Oracle => Existing(Environment.GetEnvironmentVariable("SIGMA_ORACLE"), "oracle");

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "conversion", name);

    public static string ConfigFile(string name) => Path.Combine(Root ?? ".", "data", "configs", name + ".yml");

    private static readonly Lazy<RuleCollection?> CorpusRules = new(() =>
        Corpus is null ? null : RuleLoader.Load(new[] { "rules", "rules-emerging-threats", "rules-threat-hunting" }
            .Select(f => Path.Combine(Corpus, "sigmahq", f)).Where(Directory.Exists)));

    /// <summary>All rules of rules/, rules-emerging-threats/ and rules-threat-hunting/, loaded once per test run.</summary>
    public static RuleCollection? AllCorpusRules => CorpusRules.Value;

    private static string? Existing(string? fromEnvironment, string folder)
    {
        var path = !string.IsNullOrEmpty(fromEnvironment) ? fromEnvironment : Root is null ? null : Path.GetFullPath(Path.Combine(Root, "..", "shared", folder));
        return path is not null && Directory.Exists(path) ? path : null;
    }

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SigmaSharp.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
