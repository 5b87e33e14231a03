using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Parsing;

public sealed class StreamedLoadTests : IDisposable
{
    private static string GoodRule(int number) => $"title: Good {number}\nlogsource: {{product: windows}}\ndetection: {{s: {{EventID: 1}}, condition: s}}\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("sigmasharp-streamed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);

    private static StreamedLoad<string[]> TitlesOf(IEnumerable<string> paths, int workers = 2) =>
        RuleLoader.LoadEach(paths, Enumerable.Range(0, workers).ToList(), (_, file) => file.Rules.Select(r => r.Title).ToArray());

    [Fact]
    public void Each_file_gives_one_item_in_file_order_with_the_diagnostics_and_counts_of_a_whole_load()
    {
        for (var i = 0; i < 40; i++)
        {
            Write($"r{i:D2}.yml", GoodRule(i));
        }
        Write("r05b.yml", "title: [unclosed\n");
        Write("r07b.yml", "title: Broken\nlogsource: {product: w}\ndetection: {s: {a|nope: 1}, condition: s}\n");
        string[] paths = [_folder, Path.Combine(_folder, "missing")];

        var streamed = TitlesOf(paths);
        var whole = RuleLoader.Load(paths);

        Assert.Equal(whole.Rules.Select(r => r.Title), streamed.Items.SelectMany(titles => titles));
        Assert.Equal(42, streamed.Items.Count);
        Assert.Equal(whole.Diagnostics, streamed.Diagnostics);
        Assert.Equal((whole.FilesRead, whole.FilesSkipped, whole.RulesWithErrors), (streamed.FilesRead, streamed.FilesSkipped, streamed.RulesWithErrors));
        Assert.Equal((41, 2, 1), (streamed.FilesRead, streamed.FilesSkipped, streamed.RulesWithErrors));
        Assert.False(streamed.NeedsWholeCollection);
    }

    [Fact]
    public void One_worker_is_enough_and_is_handed_to_every_file()
    {
        for (var i = 0; i < 10; i++)
        {
            Write($"r{i}.yml", GoodRule(i));
        }
        var streamed = RuleLoader.LoadEach([_folder], ["only"], (worker, file) => worker);
        Assert.All(streamed.Items, item => Assert.Equal("only", item));
    }

    [Theory]
    [InlineData("title: C\nname: c\ncorrelation: {type: event_count, rules: [x], group-by: [a], timespan: 5m, condition: {gte: 2}}\n")]
    [InlineData("title: F\nlogsource: {product: windows}\nfilter: {rules: [x], selection: {User: admin}, condition: not selection}\n")]
    [InlineData("title: A\nlogsource: {product: windows}\ntimeframe: 5m\ndetection: {s: {EventID: 1}, condition: s | count() by User > 3}\n")]
    public void A_load_with_rules_that_involve_other_rules_is_flagged_for_a_whole_collection(string text)
    {
        Write("a.yml", GoodRule(1));
        Write("b.yml", text);
        Assert.True(TitlesOf([_folder]).NeedsWholeCollection);
    }
}
