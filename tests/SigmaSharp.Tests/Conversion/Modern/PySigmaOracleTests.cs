using System.Text.Json;
using SigmaSharp.Conversion;
using SigmaSharp.Conversion.Modern;
using SigmaSharp.Pipelines.Processing;
using SigmaSharp.Rules;
using Xunit.Abstractions;

namespace SigmaSharp.Tests.Conversion.Modern;

/// <summary>
/// Our pySigma-family output against pySigma's (oracle/pysigma/*.jsonl): equal after trimming whitespace for at least
/// 97% of the rules pySigma converted. The oracle was produced by converting the same rule objects for one target
/// after another, and pySigma's transformations change rules in place, so every pipeline of an earlier run is still
/// applied in the later files (see docs/pysigma-differences.md); <see cref="OracleRuns"/> replays those passes.
/// </summary>
public sealed class PySigmaOracleTests(ITestOutputHelper output)
{
    /// <summary>Oracle file → our target and the pipeline passes the oracle's rules had been through.</summary>
    private static readonly Dictionary<string, (string Target, string[] Passes)> OracleRuns = new()
    {
        ["splunk"] = ("pysigma-splunk", []),
        ["splunk+splunk_windows"] = ("pysigma-splunk", ["splunk_windows"]),
        ["lucene"] = ("pysigma-lucene", ["splunk_windows"]),
        ["lucene+ecs_windows"] = ("pysigma-lucene", ["splunk_windows", "ecs_windows"]),
        ["eql+ecs_windows"] = ("pysigma-eql", ["splunk_windows", "ecs_windows", "ecs_windows"]),
        ["esql+ecs_windows"] = ("pysigma-esql", ["splunk_windows", "ecs_windows", "ecs_windows", "ecs_windows"]),
        ["sqlite"] = ("pysigma-sqlite", ["splunk_windows", "ecs_windows", "ecs_windows", "ecs_windows"]),
    };

    public static TheoryData<string> Files => new(OracleRuns.Keys);

    [Theory]
    [MemberData(nameof(Files))]
    public void Output_matches_pysigma_for_at_least_97_percent_of_rules(string file)
    {
        var path = ConversionPaths.Oracle is { } oracle ? Path.Combine(oracle, "pysigma", file + ".jsonl") : null;
        if (path is null || !File.Exists(path) || ConversionPaths.AllCorpusRules is null)
        {
            output.WriteLine("skipped: pySigma oracle or corpus not found (set SIGMA_ORACLE and SIGMA_CORPUS)");
            return;
        }

        var (target, passes) = OracleRuns[file];
        var backend = Backend(target, passes);
        var (total, equal, mismatches) = Compare(backend, path);
        var rate = total == 0 ? 1 : (double)equal / total;
        foreach (var mismatch in mismatches.Take(15))
        {
            output.WriteLine(mismatch);
        }

        output.WriteLine($"{file}: {equal}/{total} identical ({100 * rate:F1}%)");
        Assert.True(rate >= 0.97, $"{file}: agreement {100 * rate:F1}% < 97%");
    }

    internal static IBackend Backend(string target, IEnumerable<string> passes)
    {
        var pipelines = passes.Select(p => ProcessingPipelines.LoadOne(p).Pipeline ?? throw new InvalidOperationException("pipeline " + p)).ToList();
        // compat=pysigma: pySigma's own output where ours differs in meaning (docs/engine-proofs.md).
        return ModernTargets.CreateWith(target, pipelines, new Dictionary<string, string> { ["compat"] = "pysigma" }, ConversionPaths.AllCorpusRules).Backend!;
    }

    internal static (int Total, int Equal, List<string> Mismatches) Compare(IBackend backend, string oracleFile)
    {
        var rulesRoot = Path.Combine(ConversionPaths.Corpus!, "sigmahq", "rules");
        var byFile = ConversionPaths.AllCorpusRules!.Rules.GroupBy(r => Path.GetFullPath(r.Source.File)).ToDictionary(g => g.Key, g => g.ToList());
        int total = 0, equal = 0;
        var mismatches = new List<string>();
        foreach (var line in File.ReadLines(oracleFile))
        {
            using var record = JsonDocument.Parse(line);
            var root = record.RootElement;
            if (root.TryGetProperty("error", out _))
            {
                continue;
            }

            total++;
            var relative = root.GetProperty("path").GetString()!;
            var expected = root.GetProperty("queries").EnumerateArray().Select(q => q.GetString()!.Trim()).ToList();
            var ours = byFile.TryGetValue(Path.GetFullPath(Path.Combine(rulesRoot, relative)), out var rules)
                ? rules.SelectMany(r => backend.Convert(r) is { IsConverted: true } result ? result.Queries.Select(q => q.Trim()) : [$"<{string.Join("; ", backend.Convert(r).Diagnostics)}>"]).ToList()
                : ["<rule file not loaded>"];
            if (ours.SequenceEqual(expected))
            {
                equal++;
            }
            else
            {
                mismatches.Add($"{relative}\n  pySigma: {string.Join(" || ", expected)}\n  ours:    {string.Join(" || ", ours)}");
            }
        }

        return (total, equal, mismatches);
    }
}
