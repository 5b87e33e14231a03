using System.Text;
using SigmaSharp.Evaluation.Prefilter;

namespace SigmaSharp.Tests.Evaluation;

/// <summary>A remembered value scan gives the literals a fresh scan gives.</summary>
public class ValueScanCacheTests
{
    private static readonly string[] Literals = ["\\cmd.exe", "whoami", "vssadmin", "shadows"];

    [Fact]
    public void Repeated_and_colliding_values_report_the_same_literals_as_scanning()
    {
        var automaton = LiteralAutomaton.Build(Literals, out _);
        var other = LiteralAutomaton.Build(["whoami"], out _);
        var cache = new ValueScanCache(Literals.Length);
        int[] ids = [.. Enumerable.Range(0, Literals.Length)];
        string[] values =
        [
            "C:\\\\Windows\\\\System32\\\\cmd.exe /c whoami", "vssadmin delete shadows /all /quiet",
            "C:\\\\Windows\\\\System32\\\\cmd.exe /c whoami", "nothing to see in this value", "line\\nbreak whoami here",
        ];
        for (var round = 0; round < 3; round++)
        {
            foreach (var value in values)
            {
                var raw = Encoding.ASCII.GetBytes(value);
                foreach (var scanner in new[] { automaton, other })
                {
                    var expected = new LiteralHits(Literals.Length);
                    var expectedScanned = scanner.ScanJsonAscii(raw, expected, ids);
                    var actual = new LiteralHits(Literals.Length);
                    Assert.Equal(expectedScanned, cache.ScanJsonAscii(scanner, raw, actual, ids));
                    Assert.Equal(expected.Found.Order(), actual.Found.Order());
                }
            }
        }
    }
}
