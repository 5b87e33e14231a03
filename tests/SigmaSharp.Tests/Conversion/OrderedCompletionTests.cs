using SigmaSharp.Conversion;
using SigmaSharp.Conversion.Modern;
using SigmaSharp.Rules;
using Xunit;

namespace SigmaSharp.Tests.Conversion;

public sealed class OrderedCompletionTests
{
    /// <summary>90 rules, every fifth without an id and with a shared title (numbered watches), every seventh not convertible to xpack-watcher.</summary>
    private static List<SigmaRuleBase> Rules() => BatchRules.Make(90, sharedEvery: 5, fieldRefEvery: 7);

    public static TheoryData<string, string> Outputs() => new()
    {
        { "xpack-watcher", "curl" },
        { "xpack-watcher", "plain" },
        { "xpack-watcher", "json" },
        { "pysigma-splunk", "savedsearches" },
        { "pysigma-lucene", "kibana_ndjson" },
        { "pysigma-lucene", "dsl_lucene" },
        { "pysigma-sqlite", "zircolite" },
        { "pysigma-splunk", "default" },
    };

    private static IBackend Create(string target, string output)
    {
        var options = new Dictionary<string, string> { ["output"] = output };
        return ModernTargets.All.Any(t => t.Name == target)
            ? ModernTargets.Create(target, options: output == "default" ? null : options).Backend!
            : ConversionTargets.CreateWithDefaultConfig(target, options).Backend!;
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Instances_converting_interleaved_parts_complete_to_what_one_instance_gives_in_rule_order(string target, string output)
    {
        var rules = Rules();
        var sequential = Create(target, output);
        var expected = rules.Select(sequential.Convert).ToList();
        if (target == "xpack-watcher")
        {
            Assert.Contains(expected, r => !r.IsConverted);
        }

        // Three instances, each converting every third rule as if alone: their own numbering of the shared title is wrong.
        var instances = Enumerable.Range(0, 3).Select(_ => Create(target, output)).ToList();
        var parts = rules.Select((rule, i) => instances[i % 3].Convert(rule)).ToList();
        var converted = parts.Where(r => r.IsConverted).ToList();
        var (queries, document) = ((IOrderedCompletion)instances[0]).CompleteInOrder(
            [.. converted.Select(r => new ConvertedQueries(r.Rule.Id, r.Rule.Title, r.Queries))]);

        Assert.Equal(expected.Where(r => r.IsConverted).Select(r => r.Queries), queries);
        Assert.Equal(sequential.Finalize(), document is null ? null : string.Concat(document));
    }

    [Fact]
    public void Xpack_end_of_run_document_holds_the_watches_of_converted_rules_only_and_their_names_skip_none()
    {
        var rules = Rules().Where(r => r.Title == "Shared Title").ToList(); // rules 0, 5, ..., 85: rule 10, 45 and 80 do not convert
        var watcher = Create("xpack-watcher", "curl");
        var results = rules.Select(watcher.Convert).ToList();
        Assert.Equal(3, results.Count(r => !r.IsConverted));
        var document = watcher.Finalize()!;
        var converted = results.Count(r => r.IsConverted);
        Assert.Equal(converted, document.Split("curl -s -XPUT").Length - 1);
        Assert.Contains($"/watch/Shared-Title-{converted} <<EOF", document, StringComparison.Ordinal);
        Assert.DoesNotContain($"/watch/Shared-Title-{converted + 1} ", document, StringComparison.Ordinal);
    }
}
