using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Conversion;

/// <summary>Conversion fixtures and the corpus rules, loaded once per test run (paths from <see cref="RepositoryPaths"/>).</summary>
internal static class ConversionPaths
{
    private static readonly string[] ConvertedFolders = ["rules", "rules-emerging-threats", "rules-threat-hunting"];

    public static string? Corpus => RepositoryPaths.Corpus;

    public static string? Oracle => RepositoryPaths.Oracle;

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "conversion", name);

    private static readonly Lazy<RuleCollection?> CorpusRules = new(() =>
        Corpus is null ? null : RuleLoader.Load(ConvertedFolders.Select(f => Path.Combine(Corpus, "sigmahq", f)).Where(Directory.Exists)));

    /// <summary>All rules of rules/, rules-emerging-threats/ and rules-threat-hunting/, loaded once per test run.</summary>
    public static RuleCollection? AllCorpusRules => CorpusRules.Value;
}
