using System.Text;
using SigmaSharp.Evaluation;
using SigmaSharp.Events;
using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Engines;

/// <summary>
/// The reference meaning: which events the evaluator says a rule matches, log sources ignored (as
/// <c>sigma scan --ignore-logsources</c>), so that only the detection logic is compared.
/// </summary>
internal static class EvaluatorJudge
{
    private static readonly ScanOptions Options = new() { IgnoreLogSources = true, Threads = 1 };

    /// <summary>Indexes of the matched events; null (with the reason) when the evaluator cannot compile the rule.</summary>
    public static HashSet<int>? Matches(SigmaRule rule, IReadOnlyList<FlatEvent> events, out string? refusal)
    {
        var scanner = new Scanner(new RuleCollection(new SigmaRuleBase[] { rule }, EquatableArray<SigmaDiagnostic>.Empty, 1, 0), Options);
        var errors = scanner.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || scanner.Rules.Count == 0)
        {
            refusal = "evaluator: " + string.Join("; ", errors.Select(e => e.Message));
            return null;
        }

        refusal = null;
        var read = Read(scanner, events);
        var matched = new HashSet<int>();
        for (var i = 0; i < read.Count; i++)
        {
            if (scanner.Match(read[i]).Count > 0)
            {
                matched.Add(i);
            }
        }

        return matched;
    }

    private static List<SigmaEvent> Read(Scanner scanner, IReadOnlyList<FlatEvent> events)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", events.Select(e => e.Json))));
        var read = EventReader.Read(stream, "events.jsonl", scanner.ReaderOptions).ToList();
        if (read.Count != events.Count)
        {
            throw new InvalidOperationException($"the reader returned {read.Count} of {events.Count} events");
        }

        return read;
    }
}
