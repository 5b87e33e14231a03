using SigmaSharp.Evaluation;
using SigmaSharp.Events;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using Xunit.Abstractions;

namespace SigmaSharp.Tests.Evaluation;

/// <summary>The SigmaHQ regression cases: each case's events, from its .json and from its .evtx file, must be detected by the rule the case names.</summary>
public class EvaluationCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_regression_case_detects_its_rule_from_the_json_events() => CheckRegressionCases("*.json");

    [Fact]
    public void Every_regression_case_detects_its_rule_from_the_evtx_file() => CheckRegressionCases("*.evtx");

    private void CheckRegressionCases(string eventFiles)
    {
        var corpus = Path.Combine(EvaluationPaths.CorpusRoot(), "sigmahq");
        var cases = Path.Combine(corpus, "regression_data");
        if (!Directory.Exists(cases))
        {
            output.WriteLine($"SKIPPED: no Sigma corpus at {cases} (set SIGMA_CORPUS)");
            return;
        }
        var ruleFiles = Directory.GetDirectories(corpus, "rules*").SelectMany(d => Directory.EnumerateFiles(d, "*.yml", SearchOption.AllDirectories)).ToList();
        var collection = RuleLoader.Load(ruleFiles);
        var byId = collection.DetectionRules.Where(r => r.Id is not null).GroupBy(r => r.Id!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var failures = new List<string>();
        var checkedCases = 0;
        foreach (var info in Directory.EnumerateFiles(cases, "info.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var folder = Path.GetDirectoryName(info)!;
            var id = RuleIdOf(info);
            if (id is null || !byId.TryGetValue(id, out var rule))
            {
                failures.Add($"{folder}: rule {id ?? "(no id)"} not found among loaded rules");
                continue;
            }
            var scanner = new Scanner(new RuleCollection(new SigmaRuleBase[] { rule }, EquatableArray<SigmaDiagnostic>.Empty, 1, 0));
            var errors = scanner.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var files = Directory.GetFiles(folder, eventFiles);
            // Plain-text cases (.raw, e.g. network devices) are read as one event per line with a 'message' field.
            var matches = files.Length > 0
                ? scanner.Scan(files).ToList()
                : scanner.Scan(Directory.EnumerateFiles(folder, "*.raw").SelectMany(f => RawLines(f, scanner))).ToList();
            checkedCases++;
            if (matches.Count == 0)
            {
                failures.Add($"{folder}: {rule.Title} ({rule.LogSource}) not detected; {string.Join("; ", errors)}");
            }
        }
        output.WriteLine($"{checkedCases} regression cases checked from {eventFiles} files, {failures.Count} failures");
        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }
        Assert.Empty(failures);
        Assert.True(checkedCases > 150);
    }

    private static IEnumerable<SigmaEvent> RawLines(string file, Scanner scanner)
    {
        var lines = File.ReadLines(file).Where(l => l.Length > 0)
            .Select(l => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["message"] = l }));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        return [.. EventReader.Read(stream, file, scanner.ReaderOptions)];
    }

    private static string? RuleIdOf(string infoFile)
    {
        // rule_metadata: - id: <uuid>
        var lines = File.ReadAllLines(infoFile);
        var inMeta = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("rule_metadata", StringComparison.Ordinal))
            {
                inMeta = true;
                continue;
            }
            if (inMeta && line.TrimStart().StartsWith("- id:", StringComparison.Ordinal))
            {
                return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }
        return null;
    }
}

internal static class EvaluationPaths
{
    public static string CorpusRoot() => RepositoryPaths.Corpus ?? Path.Combine(RepositoryRoot(), "..", "shared", "corpus");

    public static string RepositoryRoot() => RepositoryPaths.Root ?? ".";

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "evaluation", name);
}
