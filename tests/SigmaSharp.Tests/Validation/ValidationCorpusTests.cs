using SigmaSharp.Parsing;
using SigmaSharp.Tests.Documentation.Attack;
using SigmaSharp.Validation;
using Xunit;
using Xunit.Abstractions;

namespace SigmaSharp.Tests.Validation;

/// <summary>
/// sigma-cli's <c>sigma check</c> (pySigma 1.5 core validators, SigmaHQ's exclusions) finds 78 issues over the
/// three SigmaHQ rule folders: 66 escaped wildcards, 8 numbers as strings, 4 specific log sources. We must find
/// at least those, with the same counts for the same checks.
/// </summary>
public sealed class ValidationCorpusTests(ITestOutputHelper output)
{
    private static readonly ValidationOptions Options = new() { Today = new DateOnly(2026, 8, 20) };

    [Fact]
    public void Corpus_counts_match_sigma_cli_for_the_validators_it_reports()
    {
        var corpus = RepositoryPaths.Corpus;
        var root = corpus is null ? null : Path.Combine(corpus, "sigmahq");
        if (root is null || !Directory.Exists(Path.Combine(root, "rules")))
        {
            output.WriteLine("SKIPPED: SigmaHQ corpus not found; set SIGMA_CORPUS or put it in ../shared/corpus beside SigmaSharp.sln");
            return;
        }

        var collection = RuleLoader.Load(new[] { "rules", "rules-emerging-threats", "rules-threat-hunting" }.Select(f => Path.Combine(root, f)));
        var findings = RuleValidation.Validate(collection, Options);
        var counts = findings.GroupBy(f => f.Code).ToDictionary(g => g.Key, g => g.Count());

        output.WriteLine($"{collection.Rules.Count} rules, {collection.Diagnostics.Count} parse diagnostics, {findings.Count} findings");
        output.WriteLine("| code | name | severity | count |");
        output.WriteLine("| --- | --- | --- | ---: |");
        foreach (var validator in ValidatorRegistry.All)
        {
            output.WriteLine($"| {validator.Code} | {validator.Name} | {validator.DefaultSeverity.ToString().ToLowerInvariant()} | {counts.GetValueOrDefault(validator.Code)} |");
        }

        foreach (var tag in findings.Where(f => f.Code == "SIG444").GroupBy(f => f.Message.Split('\'')[1]).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"SIG444 {tag.Key}: {tag.Count()}");
        }

        foreach (var sample in findings.GroupBy(f => f.Code).SelectMany(g => g.Take(3)))
        {
            output.WriteLine(sample.ToString());
        }

        Assert.Equal(66, counts.GetValueOrDefault("SIG250"));
        Assert.Equal(8, counts.GetValueOrDefault("SIG251"));
        Assert.Equal(4, counts.GetValueOrDefault("SIG252"));
    }
}
