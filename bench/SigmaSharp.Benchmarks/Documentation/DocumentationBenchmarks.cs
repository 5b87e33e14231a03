using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using SigmaSharp.Documentation;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Benchmarks.Documentation;

/// <summary>
/// Documents the whole SigmaHQ rules folder (≈3,100 files, loaded once) in each format into a temp folder; the
/// target is under 5 s per format. <see cref="GitDates"/> times the batched first-commit query over a git folder
/// (SIGMA_DOCS_GIT_DIR, else this repository's examples/rules) against one --follow per file.
/// Run: dotnet run -c Release --project bench/SigmaSharp.Benchmarks -- --filter '*DocumentationBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class DocumentationBenchmarks
{
    private RuleCollection _collection = null!;
    private ImmutableArray<DocumentedRule> _rules;
    private string _output = null!;
    private string[] _gitFiles = [];

    [GlobalSetup]
    public void Setup()
    {
        _collection = RuleLoader.Load([Path.Combine(BenchmarkCorpus.Root, "sigmahq", "rules")]);
        _rules = DocumentedRules.From(_collection, new DocsOptions { Dates = PageDateSource.RuleDate });
        _output = Directory.CreateTempSubdirectory("sigmasharp-docs-bench-").FullName;
        var gitDir = Environment.GetEnvironmentVariable("SIGMA_DOCS_GIT_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetDirectoryName(BenchmarkCorpus.Root)!, "..", "wt-docs", "examples", "rules");
        _gitFiles = Directory.Exists(gitDir) ? Directory.GetFiles(gitDir, "*.yml", SearchOption.AllDirectories) : [];
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_output, recursive: true);

    [Benchmark]
    public int GroupAndReadTexts() => DocumentedRules.From(_collection, new DocsOptions { Dates = PageDateSource.RuleDate }).Length;

    [Benchmark]
    public int RulePages() => DocsGenerator.Generate(_rules, DocsFormat.RulePages, Path.Combine(_output, "pages")).FilesWritten;

    [Benchmark]
    public int AnalyticPages() => DocsGenerator.Generate(_rules, DocsFormat.Analytic, Path.Combine(_output, "atc"), _ => [("splunk", "q")]).FilesWritten;

    [Benchmark]
    public int NavigatorLayer() => DocsGenerator.Generate(_rules, DocsFormat.Navigator, Path.Combine(_output, "layer")).FilesWritten;

    [Benchmark]
    public int Site() => DocsGenerator.Generate(_rules, DocsFormat.Site, Path.Combine(_output, "site")).FilesWritten;

    [Benchmark]
    public int GitDates() => FirstCommitDates.Batch(_gitFiles).Count;

    [Benchmark]
    public int GitDatesFollowPerFile() => _gitFiles.Count(f => FirstCommitDates.FollowOne(f) is not null);
}
