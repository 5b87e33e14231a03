using SigmaSharp.Fuzz.Targets;

namespace SigmaSharp.Tests.Fuzz;

/// <summary>
/// Replays the minimised inputs the fuzzers found (fuzz/regressions/&lt;harness that found it&gt;/) through every
/// harness: bytes that once broke one reader must not break any of them.
/// </summary>
public class FuzzRegressionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Harnesses() => [.. FuzzTargets.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Harnesses))]
    public async Task Regression_inputs_give_diagnostics_not_exceptions(string harness)
    {
        var target = FuzzTargets.Find(harness)!;
        var inputs = RegressionInputs();
        if (inputs.Count == 0)
        {
            output.WriteLine("no regression inputs found under fuzz/regressions");
            return;
        }

        foreach (var file in inputs)
        {
            var bytes = File.ReadAllBytes(file);
            var run = Task.Run(() => target.Run(bytes));
            var finished = await Task.WhenAny(run, Task.Delay(PerInput));
            Assert.True(finished == run, $"{harness} did not finish {file} within {PerInput.TotalSeconds} s");
            await run; // rethrows what the harness threw
        }
    }

    [Fact]
    public void Every_regression_folder_names_a_harness()
    {
        var root = Path.Combine(RepositoryPaths.Root!, "fuzz", "regressions");
        Assert.All(Directory.GetDirectories(root), d => Assert.NotNull(FuzzTargets.Find(Path.GetFileName(d))));
    }

    private static List<string> RegressionInputs()
    {
        var root = Path.Combine(RepositoryPaths.Root!, "fuzz", "regressions");
        return Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal)]
            : [];
    }
}
