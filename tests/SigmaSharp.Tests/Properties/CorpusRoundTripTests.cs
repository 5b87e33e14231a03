using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Properties;

/// <summary>Every rule SigmaHQ ships, written by <see cref="Printing.SigmaRuleYamlWriter"/> and parsed again, is the same model.</summary>
public sealed class CorpusRoundTripTests(ITestOutputHelper output)
{
    [SigmaCorpusFact]
    public void Every_corpus_rule_survives_write_and_parse_unchanged()
    {
        string[] folders = ["rules", "rules-emerging-threats", "rules-threat-hunting", "rules-compliance", "rules-placeholder", "deprecated", "unsupported"];
        var failures = new List<string>();
        var checkedRules = 0;
        foreach (var folder in folders)
        {
            var path = RepositoryPaths.CorpusFolder(Path.Combine("sigmahq", folder));
            if (path is null)
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(path, "*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                foreach (var rule in RuleFileParser.ParseFile(file).Rules)
                {
                    checkedRules++;
                    try
                    {
                        RoundTrip.AssertStable(rule);
                    }
                    catch (Exception e) when (e is Xunit.Sdk.XunitException or ArgumentException)
                    {
                        failures.Add(Path.GetRelativePath(RepositoryPaths.Corpus!, file) + ": " + e.Message);
                    }
                }
            }
        }

        output.WriteLine($"{checkedRules} rules written and read back, {failures.Count} changed");
        Assert.True(checkedRules > 3000, $"only {checkedRules} corpus rules found");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
    }
}
