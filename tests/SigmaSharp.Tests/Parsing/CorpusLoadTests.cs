using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Parsing;

/// <summary>The whole SigmaHQ corpus loads: every folder pySigma loads, with zero parse errors.</summary>
public class CorpusLoadTests(ITestOutputHelper output)
{
    [SigmaCorpusFact]
    public void Every_supported_corpus_folder_loads_without_parse_errors()
    {
        string[] folders = ["rules", "rules-emerging-threats", "rules-threat-hunting", "rules-compliance", "rules-placeholder", "deprecated"];
        foreach (var folder in folders)
        {
            var path = RepositoryPaths.CorpusFolder(Path.Combine("sigmahq", folder))!;
            var files = Directory.EnumerateFiles(path, "*.yml", SearchOption.AllDirectories).Count();
            var collection = RuleLoader.Load([path]);
            var errors = collection.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            output.WriteLine($"{folder}: {files} files, {collection.Rules.Count} rules, {errors.Count} errors, {collection.FilesSkipped} skipped");
            Assert.Empty(errors);
            Assert.Equal(files, collection.FilesRead);
            Assert.True(collection.Rules.Count >= files, $"{folder}: every file yields at least one rule");
        }
    }

    [SigmaCorpusFact]
    public void The_rules_folder_has_the_3141_files_pysigma_loads()
    {
        var collection = RuleLoader.Load([RepositoryPaths.CorpusFolder("sigmahq/rules")!]);
        Assert.Equal(3141, collection.FilesRead);
        Assert.Equal(3141, collection.Rules.Count);
        Assert.Equal(0, collection.RulesWithErrors);
    }

    [SigmaCorpusFact]
    public void Unsupported_rules_load_or_give_a_precise_error()
    {
        var path = RepositoryPaths.CorpusFolder("sigmahq/unsupported")!;
        var collection = RuleLoader.Load([path]);
        var files = Directory.EnumerateFiles(path, "*.yml", SearchOption.AllDirectories).ToList();
        var loaded = collection.Rules.Select(r => r.Source.File).ToHashSet();
        var failed = collection.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var file in files)
        {
            var error = failed.FirstOrDefault(d => d.Position.File == file);
            Assert.True(loaded.Contains(file) || error is not null, $"{file} neither loaded nor reported");
            Assert.True(error is null || error.Position.Line > 0, $"{file}: error without a line");
        }

        foreach (var group in collection.Diagnostics.GroupBy(d => (d.Code, d.Severity)))
        {
            output.WriteLine($"{group.Key.Code} {group.Key.Severity}: {group.Count()}");
        }

        output.WriteLine($"{files.Count} files: {loaded.Count} loaded, {failed.Select(f => f.Position.File).Distinct().Count()} refused with an error");
    }
}
