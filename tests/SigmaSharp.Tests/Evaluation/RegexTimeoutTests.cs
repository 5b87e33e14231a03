using System.Text;
using SigmaSharp.Evaluation;
using SigmaSharp.Events;
using SigmaSharp.Parsing;

namespace SigmaSharp.Tests.Evaluation;

/// <summary>SIG604: a backtracking regex that runs out of time during a scan counts as no match and is reported once.</summary>
public class RegexTimeoutTests
{
    // The lookahead needs the backtracking engine; (a+)+$ then backtracks exponentially on "aaaa…!".
    private const string Rule = """
        title: Pathological regex
        logsource:
            product: windows
            category: process_creation
        detection:
            selection:
                CommandLine|re: '(?=a)(a+)+$'
            condition: selection
        """;

    [Fact]
    public void A_regex_timing_out_in_a_scan_is_no_match_and_reported_once()
    {
        var rules = RuleLoader.LoadTexts([("slow.yml", Rule)]);
        var scanner = new Scanner(rules, new ScanOptions { RegexTimeout = TimeSpan.FromMilliseconds(5), IgnoreLogSources = true });
        var json = Encoding.UTF8.GetBytes("{\"CommandLine\":\"" + new string('a', 40) + "!\"}");
        var events = Enumerable.Range(0, 3).Select(_ => EventBuilder.Build(json, scanner.Schema));

        Assert.Empty(scanner.Scan(events).ToList());
        var reported = Assert.Single(scanner.Diagnostics, d => d.Code == "SIG604");
        Assert.Equal(SigmaSharp.Rules.DiagnosticSeverity.Warning, reported.Severity);
        Assert.Contains("(a+)+$", reported.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regex_that_finishes_in_time_reports_nothing()
    {
        var rules = RuleLoader.LoadTexts([("slow.yml", Rule)]);
        var scanner = new Scanner(rules, new ScanOptions { IgnoreLogSources = true });
        var e = EventBuilder.Build("""{"CommandLine":"aaaa"}"""u8, scanner.Schema);

        Assert.Single(scanner.Scan([e]).ToList());
        Assert.DoesNotContain(scanner.Diagnostics, d => d.Code == "SIG604");
    }
}
