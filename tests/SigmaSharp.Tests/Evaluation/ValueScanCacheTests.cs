using System.Text;
using SigmaSharp.Evaluation.Prefilter;
using SigmaSharp.Events;

namespace SigmaSharp.Tests.Evaluation;

/// <summary>A remembered value scan gives the literals a fresh scan of the decoded value gives.</summary>
public class ValueScanCacheTests
{
    private static readonly string[] Literals = ["\\cmd.exe", "whoami", "vssadmin", "shadows", "WINDOWS® OPERATING"];

    [Fact]
    public void Repeated_and_colliding_values_report_the_same_literals_as_scanning_the_decoded_text()
    {
        var automaton = LiteralAutomaton.Build(Literals, out _);
        var other = LiteralAutomaton.Build(["whoami"], out _);
        var cache = new ValueScanCache(Literals.Length);
        int[] ids = [.. Enumerable.Range(0, Literals.Length)];
        var schema = new EventSchema();
        // As JSON writes them: escaped backslashes, other escapes, non-ASCII text, a long s folding to S.
        string[] values =
        [
            "C:\\\\Windows\\\\System32\\\\cmd.exe /c whoami", "vssadmin delete shadows /all /quiet",
            "C:\\\\Windows\\\\System32\\\\cmd.exe /c whoami", "nothing to see in this value", "line\\nbreak whoami here",
            "Microsoft® Windows® Operating System", "v\u017Fsadmin delete \u017Fhadows", "escaped \\u0077hoami in text",
        ];
        for (var round = 0; round < 3; round++)
        {
            foreach (var value in values)
            {
                var e = EventBuilder.Build(Encoding.UTF8.GetBytes("{\"v\":\"" + value + "\"}"), schema);
                foreach (var scanner in new[] { automaton, other })
                {
                    var expected = new LiteralHits(Literals.Length);
                    scanner.Scan(e.ValueAt(0)!, expected, ids);
                    var actual = new LiteralHits(Literals.Length);
                    cache.ScanValue(scanner, e.RawValueAt(0), e, 0, actual, ids);
                    Assert.Equal(expected.Found.Order(), actual.Found.Order());
                }
            }
        }
    }
}
