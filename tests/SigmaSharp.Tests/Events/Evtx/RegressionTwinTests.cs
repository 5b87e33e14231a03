using System.Text;
using System.Text.Json;
using SigmaSharp.Events.Evtx;
using Xunit.Abstractions;

namespace SigmaSharp.Tests.Events.Evtx;

/// <summary>
/// Every SigmaHQ regression .evtx has a .json twin written by evtx_dump; our JSON must be equal
/// to it value for value (key order and whitespace aside).
/// </summary>
public class RegressionTwinTests(ITestOutputHelper output)
{
    /// <summary>
    /// This twin was not produced from its .evtx by evtx_dump: it holds "Explorer.exe" where the
    /// file says "Explorer.EXE", and a nanosecond timestamp evtx_dump never prints.
    /// </summary>
    private static readonly string[] HandEditedTwins = ["ad691d92-15f2-4181-9aa4-723c74f9ddc3.evtx"];

    [Fact]
    public void Every_regression_evtx_renders_the_json_of_its_twin()
    {
        if (EvtxCorpus.Regression is not { } root)
        {
            output.WriteLine("SKIPPED: regression corpus not found (set SIGMA_CORPUS)");
            return;
        }

        var files = Directory.GetFiles(root, "*.evtx", SearchOption.AllDirectories);
        var mismatches = new List<string>();
        var matched = 0;
        foreach (var file in files)
        {
            var ours = ReadOurs(file);
            var reference = ReadConcatenatedJson(File.ReadAllBytes(Path.ChangeExtension(file, ".json")));
            var same = ours.Count == reference.Count
                && ours.Zip(reference).All(pair => JsonElement.DeepEquals(pair.First, pair.Second));
            if (same)
            {
                matched++;
            }
            else
            {
                mismatches.Add(Path.GetFileName(file));
            }
        }

        output.WriteLine($"{matched} of {files.Length} twins match; differing: {string.Join(", ", mismatches)}");
        Assert.NotEmpty(files);
        Assert.Empty(mismatches.Except(HandEditedTwins));
    }

    private static List<JsonElement> ReadOurs(string file)
    {
        var diagnostics = new List<EvtxDiagnostic>();
        var result = new List<JsonElement>();
        foreach (var record in new EvtxReader().ReadFile(file, diagnostics.Add))
        {
            using var document = JsonDocument.Parse(record.Utf8Json);
            result.Add(document.RootElement.Clone());
        }

        Assert.DoesNotContain(diagnostics, d => d.Severity == EvtxSeverity.Error);
        return result;
    }

    /// <summary>evtx_dump writes one JSON object per record, one after the other.</summary>
    internal static List<JsonElement> ReadConcatenatedJson(byte[] utf8)
    {
        var result = new List<JsonElement>();
        var reader = new Utf8JsonReader(utf8.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? utf8[3..] : utf8,
            new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using var document = JsonDocument.ParseValue(ref reader);
            result.Add(document.RootElement.Clone());
        }

        return result;
    }
}
