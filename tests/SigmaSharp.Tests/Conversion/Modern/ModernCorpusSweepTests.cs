using SigmaSharp.Conversion.Modern;
using Xunit.Abstractions;

namespace SigmaSharp.Tests.Conversion.Modern;

/// <summary>Every pySigma-family target over the whole corpus: no exception, and a reason for every rule not converted.</summary>
public sealed class ModernCorpusSweepTests(ITestOutputHelper output)
{
    public static TheoryData<string, string?> Runs => new()
    {
        { "pysigma-splunk", "splunk_windows" },
        { "pysigma-lucene", "ecs_windows" },
        { "pysigma-eql", "ecs_zeek_beats" },
        { "pysigma-esql", "sysmon" },
        { "pysigma-kusto", null },
        { "pysigma-sqlite", "windows-audit" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Every_corpus_rule_converts_or_says_why(string target, string? pipeline)
    {
        if (ConversionPaths.AllCorpusRules is not { } rules)
        {
            output.WriteLine("skipped: corpus not found (set SIGMA_CORPUS)");
            return;
        }

        var (backend, diagnostics) = ModernTargets.Create(target, pipeline is null ? [] : [pipeline], collection: rules);
        Assert.NotNull(backend);
        int converted = 0, refused = 0;
        foreach (var rule in rules.Rules)
        {
            var result = backend.Convert(rule);
            if (result.IsConverted)
            {
                converted++;
                Assert.All(result.Queries, q => Assert.False(string.IsNullOrWhiteSpace(q)));
            }
            else
            {
                refused++;
                Assert.NotEmpty(result.Diagnostics);
            }
        }

        output.WriteLine($"{target} + {pipeline ?? "no pipeline"}: {converted} converted, {refused} refused with a diagnostic ({diagnostics.Count} setup warnings)");
    }
}
