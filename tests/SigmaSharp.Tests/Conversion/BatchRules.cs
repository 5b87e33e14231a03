using System.Globalization;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using Xunit;

namespace SigmaSharp.Tests.Conversion;

/// <summary>Batches of similar rules for the tests of run-wide conversion (parallel instances, watch names).</summary>
internal static class BatchRules
{
    /// <summary>
    /// <paramref name="count"/> process-creation rules; every <paramref name="sharedEvery"/>-th has no id and the title
    /// "Shared Title" (so xpack-watcher must number its watches), every <paramref name="fieldRefEvery"/>-th compares two
    /// fields (which some targets cannot convert; 0 for none).
    /// </summary>
    public static List<SigmaRuleBase> Make(int count, int sharedEvery, int fieldRefEvery = 0)
    {
        var texts = Enumerable.Range(0, count).Select(i =>
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            var id = i % sharedEvery == 0 ? string.Empty : $"id: 5d2b7d1e-0000-4000-8000-{i:D12}\n";
            var title = i % sharedEvery == 0 ? "Shared Title" : "Rule " + n;
            var image = fieldRefEvery > 0 && i % fieldRefEvery == 3 ? "    Image|fieldref: ParentImage\n" : $"    Image|endswith: '\\tool{n}.exe'\n";
            var text = $"title: {title}\n{id}logsource:\n  product: windows\n  category: process_creation\n" +
                $"detection:\n  selection:\n{image}    CommandLine|contains:\n      - ' -x{n} '\n      - '\"q{n}\"'\n" +
                $"  filter:\n    User: 'SYSTEM{n}'\n  condition: selection and not filter\nlevel: high\n";
            return ($"rule{n}.yml", text);
        });
        var collection = RuleLoader.LoadTexts(texts);
        Assert.DoesNotContain(collection.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return [.. collection.Rules];
    }
}
