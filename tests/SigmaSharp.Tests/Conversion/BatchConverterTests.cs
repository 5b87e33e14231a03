using SigmaSharp.Conversion;
using SigmaSharp.Conversion.Modern;
using SigmaSharp.Rules;
using Xunit;

namespace SigmaSharp.Tests.Conversion;

public sealed class BatchConverterTests
{
    /// <summary>300 rules, every tenth without an id and with a shared title, so xpack-watcher must number its watches.</summary>
    private static List<SigmaRuleBase> Rules() => BatchRules.Make(300, sharedEvery: 10);

    public static TheoryData<string> Targets() => [.. ConversionTargets.All.Select(t => t.Name), .. ModernTargets.All.Select(t => t.Name)];

    private static IBackend Create(string target) => ModernTargets.All.Any(t => t.Name == target)
        ? ModernTargets.Create(target).Backend!
        : ConversionTargets.CreateWithDefaultConfig(target).Backend ?? ConversionTargets.Create(target).Backend!;

    [Theory]
    [MemberData(nameof(Targets))]
    public void Parallel_batch_gives_the_sequential_results_in_rule_order_and_the_same_end_of_run_output(string target)
    {
        var rules = Rules();
        var sequential = Create(target);
        var expected = rules.Select(sequential.Convert).ToList();

        var parallel = Create(target);
        var actual = BatchConverter.Convert([(parallel, () => Create(target))], rules, workers: 4)[0];

        Assert.Equal(expected.Select(r => r.Rule), actual.Select(r => r.Rule));
        Assert.Equal(expected.Select(r => r.Queries), actual.Select(r => r.Queries));
        Assert.Equal(expected.Select(r => r.Diagnostics), actual.Select(r => r.Diagnostics));
        Assert.Equal(sequential.Finalize(), parallel.Finalize());
    }

    [Fact]
    public void Several_targets_in_one_batch_each_get_their_own_results()
    {
        var rules = Rules();
        string[] names = ["splunk", "xpack-watcher", "grep"];
        var results = BatchConverter.Convert([.. names.Select(n => (Create(n), (Func<IBackend>)(() => Create(n))))], rules, workers: 2);
        for (var t = 0; t < names.Length; t++)
        {
            var alone = Create(names[t]);
            Assert.Equal(rules.Select(r => alone.Convert(r).Queries), results[t].Select(r => r.Queries));
        }
    }

    [Fact]
    public void A_backend_with_end_of_run_state_is_never_split()
    {
        var created = 0;
        var watcher = Create("xpack-watcher");
        Assert.False(watcher.ConvertsIndependently);
        BatchConverter.Convert([(watcher, () => { created++; return Create("xpack-watcher"); })], Rules(), workers: 4);
        Assert.Equal(0, created);
    }
}
