using SigmaSharp.Documentation;
using SigmaSharp.Parsing;

namespace SigmaSharp.Web.Tests;

/// <summary>
/// The static site of <c>sigma docs --format site</c>, opened from the file system in Chromium: the index loads,
/// search finds rules by title and by technique, every local link resolves, nothing is fetched from the network and
/// the console stays clean. Built from the SigmaHQ rules when the corpus is present, else from the example rules.
/// </summary>
public sealed class SiteBrowserTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _site = Directory.CreateTempSubdirectory("sigmasharp-site-").FullName;

    public void Dispose() => Directory.Delete(_site, recursive: true);

    [BrowserFact]
    public async Task The_site_opens_from_the_file_system_and_its_search_finds_rules()
    {
        var corpus = Environment.GetEnvironmentVariable("SIGMA_CORPUS") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(ExampleRule.RepositoryRoot, "..", "shared", "corpus"));
        var corpusRules = Path.Combine(corpus, "sigmahq", "rules", "windows", "process_creation");
        var examples = Path.Combine(ExampleRule.RepositoryRoot, "examples", "rules");
        var sources = Directory.Exists(corpusRules) ? new[] { examples, corpusRules } : [examples];
        var collection = RuleLoader.Load(sources);
        DocsGenerator.Generate(collection, DocsFormat.Site, _site, options: new DocsOptions { Dates = PageDateSource.RuleDate });
        var screenshots = Environment.GetEnvironmentVariable("SIGMA_SCREENSHOTS");
        string[] arguments = screenshots is null ? ["run-site-tests.mjs", _site] : ["run-site-tests.mjs", _site, "--screenshots", screenshots];
        await BrowserRun.ScriptAsync(output, arguments);
    }
}
