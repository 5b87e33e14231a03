namespace SigmaSharp.Benchmarks;

/// <summary>Finds the shared corpus for benchmarks: SIGMA_CORPUS, else ../shared/corpus beside the repository.</summary>
public static class BenchmarkCorpus
{
    public static string Root
    {
        get
        {
            if (Environment.GetEnvironmentVariable("SIGMA_CORPUS") is { Length: > 0 } configured)
            {
                return configured;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SigmaSharp.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
                }
            }

            throw new DirectoryNotFoundException("set SIGMA_CORPUS to the shared corpus folder");
        }
    }

    /// <summary>The rule folders of the corpus that `sigma check` is expected to load cleanly.</summary>
    private static readonly string[] LoadableFolders =
        ["rules", "rules-emerging-threats", "rules-threat-hunting", "rules-compliance", "rules-placeholder", "deprecated"];

    public static string[] RuleFolders() =>
        LoadableFolders
            .Select(f => Path.Combine(Root, "sigmahq", f))
            .Where(Directory.Exists)
            .ToArray();
}
