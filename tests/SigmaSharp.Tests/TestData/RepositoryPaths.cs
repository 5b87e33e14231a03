namespace SigmaSharp.Tests;

/// <summary>Locates the repository and the shared data beside it, so data tests run from any output folder.</summary>
internal static class RepositoryPaths
{
    public static string? Root { get; } = FindRoot();

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "attack", name);

    /// <summary>SIGMA_ATTACK, or ../shared/attack beside the repository; null when absent.</summary>
    public static string? AttackBundles => ExistingDirectory(Environment.GetEnvironmentVariable("SIGMA_ATTACK"), "shared", "attack");

    /// <summary>SIGMA_CORPUS, or ../shared/corpus beside the repository; null when absent.</summary>
    public static string? Corpus => ExistingDirectory(Environment.GetEnvironmentVariable("SIGMA_CORPUS"), "shared", "corpus");

    /// <summary>SIGMA_ORACLE, or ../shared/oracle beside the repository; null when absent.</summary>
    public static string? Oracle => ExistingDirectory(Environment.GetEnvironmentVariable("SIGMA_ORACLE"), "shared", "oracle");

    /// <summary>The seed documents the project was created from (../shared/seeds); null when absent.</summary>
    public static string? Seeds => ExistingDirectory(null, "shared", "seeds");

    /// <summary>A folder of the corpus (e.g. "sigmahq/rules"); null when the corpus or the folder is absent.</summary>
    public static string? CorpusFolder(string relative) =>
        Corpus is null ? null : Directory.Exists(Path.Combine(Corpus, relative)) ? Path.Combine(Corpus, relative) : null;

    private static string? ExistingDirectory(string? fromEnvironment, params string[] besideRoot)
    {
        var path = !string.IsNullOrEmpty(fromEnvironment)
            ? fromEnvironment
            : Root is null ? null : Path.GetFullPath(Path.Combine([Root, "..", .. besideRoot]));
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

/// <summary>A fact that is skipped, with the reason shown, when the ATT&amp;CK bundles are not beside the repository.</summary>
public sealed class AttackBundlesFactAttribute : FactAttribute
{
    public AttackBundlesFactAttribute()
    {
        if (RepositoryPaths.AttackBundles is null)
        {
            Skip = "ATT&CK bundles not found: set SIGMA_ATTACK or put them in ../shared/attack beside SigmaSharp.sln";
        }
    }
}

/// <summary>A fact that is skipped, with the reason shown, when the reference conversions are not beside the repository.</summary>
public sealed class OracleFactAttribute : FactAttribute
{
    public OracleFactAttribute()
    {
        if (RepositoryPaths.Oracle is null || RepositoryPaths.Corpus is null)
        {
            Skip = "oracle or corpus not found: set SIGMA_ORACLE and SIGMA_CORPUS or put them in ../shared beside SigmaSharp.sln";
        }
    }
}

/// <summary>A fact that is skipped, with the reason shown, when the SigmaHQ corpus is not beside the repository.</summary>
public sealed class SigmaCorpusFactAttribute : FactAttribute
{
    public SigmaCorpusFactAttribute()
    {
        if (RepositoryPaths.Corpus is null || !Directory.Exists(Path.Combine(RepositoryPaths.Corpus, "sigmahq", "rules")))
        {
            Skip = "SigmaHQ corpus not found: set SIGMA_CORPUS or put it in ../shared/corpus beside SigmaSharp.sln";
        }
    }
}
