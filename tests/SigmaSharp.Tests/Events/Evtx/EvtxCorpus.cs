namespace SigmaSharp.Tests.Events.Evtx;

/// <summary>
/// Locates the shared sample corpus: $SIGMA_CORPUS, else ../shared/corpus next to the repository
/// root (the folder holding SigmaSharp.sln). The corpus is never committed; tests that need it say
/// so in their output and return early when it is absent.
/// </summary>
internal static class EvtxCorpus
{
    public static string? Root { get; } = RepositoryPaths.Corpus;

    public static string? Regression => Existing(Root is null ? null : Path.Combine(Root, "sigmahq", "regression_data"));

    public static string? EvtxSamples => Existing(Root is null ? null : Path.Combine(Root, "evtx"));

    public static string? ParserSamples => Existing(Root is null ? null : Path.Combine(Root, "evtx", "parser-samples", "samples"));

    private static string? Existing(string? path) => path is not null && Directory.Exists(path) ? path : null;
}
