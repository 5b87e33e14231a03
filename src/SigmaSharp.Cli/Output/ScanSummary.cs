using SigmaSharp.Evaluation;
using SigmaSharp.Rules;

namespace SigmaSharp.Cli.Output;

/// <summary>The end of a scan: counts, then matches by level and by rule, on stderr.</summary>
internal static class ScanSummary
{
    public static void Write(Scanner scanner, int ruleErrors, TextWriter error)
    {
        var counters = scanner.Counters;
        var perRule = counters.PerRule;
        error.WriteLine($"{counters.Events:N0} events scanned, {counters.SkippedRecords:N0} records skipped; " +
                        $"{scanner.Rules.Count} rules, {ruleErrors} rules with errors; " +
                        $"{counters.Matches:N0} matches, {counters.CorrelationMatches:N0} correlation matches");
        foreach (var level in perRule.GroupBy(p => p.Key.Level ?? RuleLevel.Informational).OrderByDescending(g => g.Key))
        {
            error.WriteLine($"  {level.Key.ToString().ToLowerInvariant(),-13} {level.Sum(p => p.Value),9:N0} matches of {level.Count()} rules");
        }

        foreach (var (rule, count) in perRule.OrderByDescending(p => p.Value).Take(20))
        {
            error.WriteLine($"  {count,9:N0}  {rule.Title}");
        }
    }
}
