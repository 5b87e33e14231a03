using System.Text;
using SigmaSharp.Evaluation;
using SigmaSharp.Events;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Evaluation;

/// <summary>Inline rules and events, so each test shows the YAML and the JSON it is about.</summary>
internal static class EvaluationHarness
{
    /// <summary>A rule (logsource test/test) whose detection is the given block, indented under "detection:".</summary>
    public static string Rule(string detection, string logsource = "product: test\n    category: test", string extra = "") => $"""
        title: Test rule
        id: 11111111-1111-4111-8111-111111111111
        name: test_rule
        {extra}logsource:
            {logsource}
        detection:
        {Indent(detection, 4)}
        level: high
        """;

    public static string Indent(string text, int spaces) =>
        string.Join('\n', text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => new string(' ', spaces) + l));

    public static RuleCollection Load(params string[] documents)
    {
        var collection = RuleLoader.LoadTexts(documents.Select((text, i) => ($"rule{i}.yml", text)));
        Assert.DoesNotContain(collection.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return collection;
    }

    public static List<SigmaEvent> ReadEvents(Scanner scanner, params string[] json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", json)));
        return [.. EventReader.Read(stream, "events.jsonl", scanner.ReaderOptions)];
    }

    public static List<ScanMatch> Scan(string ruleYaml, ScanOptions? options, params string[] json)
    {
        var scanner = new Scanner(Load(ruleYaml), options ?? new ScanOptions { IgnoreLogSources = true });
        Assert.DoesNotContain(scanner.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return [.. scanner.Scan(ReadEvents(scanner, json))];
    }

    /// <summary>Whether a rule with the single selection <paramref name="selection"/> matches one event.</summary>
    public static bool Matches(string selection, string json) =>
        Scan(Rule($"selection:\n{Indent(selection, 4)}\ncondition: selection"), null, json).Count == 1;
}
