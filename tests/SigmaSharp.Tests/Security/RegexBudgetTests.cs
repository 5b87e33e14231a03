using SigmaSharp.Evaluation;
using SigmaSharp.Tests.Evaluation;

namespace SigmaSharp.Tests.Security;

/// <summary>
/// Rule regexes run on the non-backtracking engine; a pattern only the backtracking engine can run gets a match
/// timeout (ScanOptions.RegexTimeout), after which the value counts as no match.
/// </summary>
public class RegexBudgetTests
{
    private static string Rule(string pattern) => EvaluationHarness.Rule($"selection:\n    Value|re: '{pattern}'\ncondition: selection");

    private static string Event(string value) => "{\"Value\":\"" + value + "\"}";

    [Fact]
    public void A_catastrophic_pattern_the_linear_engine_can_run_matches_and_refuses_in_linear_time()
    {
        var hostile = new string('a', 50_000) + "!";
        Assert.Empty(EvaluationHarness.Scan(Rule("^(a+)+$"), null, Event(hostile)));
        Assert.Single(EvaluationHarness.Scan(Rule("^(a+)+$"), null, Event("aaaa")));
    }

    [Fact]
    public void A_backreference_pattern_is_cut_off_at_the_regex_timeout_and_counts_as_no_match()
    {
        // Backreferences need the backtracking engine; on this value it would run for minutes.
        var options = new ScanOptions { IgnoreLogSources = true, RegexTimeout = TimeSpan.FromMilliseconds(20) };
        var hostile = new string('a', 5_000) + "!";
        Assert.Empty(EvaluationHarness.Scan(Rule("^(a|aa)+(\\1)$"), options, Event(hostile)));
        Assert.Single(EvaluationHarness.Scan(Rule("^(a|aa)+(\\1)$"), options, Event("aaaa")));
    }
}
