using SigmaSharp.Conversion;
using Xunit.Abstractions;

namespace SigmaSharp.Tests.Conversion;

/// <summary>Every corpus rule converts or gets a precise SIG5xx reason, for every target, without an exception.</summary>
public sealed class CorpusConversionTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_corpus_rule_converts_or_is_reported_unsupported_for_every_target()
    {
        if (ConversionPaths.AllCorpusRules is not { } corpus)
        {
            output.WriteLine("skipped: corpus not found (set SIGMA_CORPUS)");
            return;
        }

        foreach (var target in ConversionTargets.All)
        {
            var (backend, _) = ConversionTargets.CreateWithDefaultConfig(target.Name);
            var converted = 0;
            var reasons = new Dictionary<string, int>();
            foreach (var rule in corpus.Rules)
            {
                var result = backend!.Convert(rule);
                if (result.IsConverted)
                {
                    Assert.NotEmpty(result.Queries);
                    converted++;
                }
                else
                {
                    var diagnostic = Assert.Single(result.Diagnostics);
                    Assert.StartsWith("SIG5", diagnostic.Code, StringComparison.Ordinal);
                    var key = diagnostic.Code + " " + diagnostic.Message;
                    reasons[key] = reasons.GetValueOrDefault(key) + 1;
                }
            }

            output.WriteLine($"{target.Name}: {converted}/{corpus.Rules.Count} converted");
            foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value))
            {
                output.WriteLine($"    {count,5}  {reason}");
            }
        }
    }
}
