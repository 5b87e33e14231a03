using System.Text;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using static SigmaSharp.Tests.Parsing.RuleText;

namespace SigmaSharp.Tests.Parsing;

public sealed class BadInputTests : IDisposable
{
    private const string GoodRule = "title: Good\nlogsource: {product: windows}\ndetection: {s: {EventID: 1}, condition: s}\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("sigmasharp-bad-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Loads the bad file beside a good one: exactly one error for the bad file, and the good rule still loads.</summary>
    private SigmaDiagnostic LoadBesideGoodRule(string badFile)
    {
        Write("zz_good.yml", GoodRule);
        var collection = RuleLoader.Load([_folder]);
        Assert.Contains(collection.Rules, r => r.Title == "Good");
        var error = Assert.Single(collection.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(badFile, error.Position.File);
        return error;
    }

    [Fact]
    public void A_list_as_a_custom_log_source_value_is_reported_with_its_position()
    {
        var file = Write("bad.yml", "title: x\nlogsource:\n    product: windows\n    channel:\n        - a\n        - b\ndetection: {s: {EventID: 1}, condition: s}\n");
        var error = LoadBesideGoodRule(file);
        Assert.Equal("SIG112", error.Code);
        Assert.Equal(5, error.Position.Line);
        Assert.Contains("'channel'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_gives_its_line_and_column()
    {
        var file = Write("bad.yml", "title: x\ndetection:\n  s: [a, b\n  condition: s\n");
        var error = LoadBesideGoodRule(file);
        Assert.Equal("SIG100", error.Code);
        Assert.True(error.Position.Line >= 3, error.ToString());
    }

    [Fact]
    public void Tab_indentation_is_reported_not_thrown()
    {
        var file = Write("tabs.yml", "title: x\ndetection:\n\ts: 1\n");
        Assert.Equal("SIG100", LoadBesideGoodRule(file).Code);
    }

    [Fact]
    public void A_wrong_type_where_a_list_is_expected_is_reported()
    {
        var error = SingleError("title: x\nreferences: {a: b}\nlogsource: {product: w}\ndetection: {s: {a: 1}, condition: s}\n");
        Assert.Equal("SIG112", error.Code);
        Assert.Equal(2, error.Position.Line);
    }

    [Fact]
    public void A_condition_naming_a_missing_selection_is_reported() =>
        Assert.Equal("SIG301", SingleError(WithSelection("a: 1", condition: "selection and nope")).Code);

    [Fact]
    public void An_empty_detection_is_reported() =>
        Assert.Equal("SIG200", SingleError("title: x\nlogsource: {product: w}\ndetection:\n    condition: selection\n").Code);

    [Fact]
    public void An_empty_selection_is_reported() =>
        Assert.Equal("SIG208", SingleError("title: x\nlogsource: {product: w}\ndetection:\n    selection:\n    condition: selection\n").Code);

    [Fact]
    public void Missing_logsource_is_reported() =>
        Assert.Equal("SIG111", SingleError("title: x\ndetection: {s: {a: 1}, condition: s}\n").Code);

    [Fact]
    public void A_billion_laughs_alias_bomb_is_refused()
    {
        var yaml = new StringBuilder("title: bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            var prev = (char)('a' + i - 1);
            var name = (char)('a' + i);
            yaml.Append(name).Append(": &").Append(name).Append(" [").Append(string.Join(",", Enumerable.Repeat("*" + prev, 9))).Append("]\n");
        }

        var file = Write("bomb.yml", yaml.ToString());
        Assert.Equal("SIG104", LoadBesideGoodRule(file).Code);
    }

    [Fact]
    public void Ten_thousand_nested_brackets_are_refused_without_overflowing_the_stack()
    {
        var file = Write("deep.yml", "title: deep\nx: " + new string('[', 10_000) + new string(']', 10_000) + "\n");
        Assert.Equal("SIG103", LoadBesideGoodRule(file).Code);
    }

    [Fact]
    public void Ten_thousand_nested_block_lists_are_refused() =>
        Assert.Equal("SIG103", LoadBesideGoodRule(Write("deepblock.yml", string.Concat(Enumerable.Repeat("- ", 10_000)) + "y\n")).Code);

    [Fact]
    public void A_condition_of_ten_thousand_parentheses_is_refused()
    {
        var file = Write("cond.yml", "title: c\nlogsource: {product: w}\ndetection:\n    s: {a: 1}\n    condition: " + new string('(', 10_000) + "s" + new string(')', 10_000) + "\n");
        Assert.Equal("SIG303", LoadBesideGoodRule(file).Code);
    }

    [Fact]
    public void A_fifty_megabyte_file_is_refused_without_reading_it()
    {
        var path = Path.Combine(_folder, "huge.yml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var error = LoadBesideGoodRule(path);
        Assert.Equal("SIG101", error.Code);
        Assert.Equal(1, error.Position.Line);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported_at_the_bad_byte()
    {
        var bytes = Encoding.Latin1.GetBytes("title: caf\u00e9\nx: 1\n");
        var error = LoadBesideGoodRule(Write("latin1.yml", bytes));
        Assert.Equal("SIG102", error.Code);
        Assert.Equal(new SourcePosition(error.Position.File, 1, 11), error.Position);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        var result = RuleFileParser.ParseFile(Write("bom.yml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(GoodRule)]));
        Assert.Single(result.Rules);
    }

    [Fact]
    public void A_missing_path_is_reported_and_counted_as_skipped()
    {
        var collection = RuleLoader.Load([Path.Combine(_folder, "nope")]);
        Assert.Equal("SIG117", Assert.Single(collection.Diagnostics).Code);
        Assert.Equal(1, collection.FilesSkipped);
    }

    [Fact]
    public void A_document_that_is_a_list_is_reported() =>
        Assert.Equal("SIG110", SingleError("- a\n- b\n").Code);

    [Fact]
    public void A_map_key_that_is_a_map_is_reported() =>
        Assert.Equal("SIG112", SingleError("? {a: 1}\n: b\n").Code);

    [Fact]
    public void Undefined_alias_is_reported() => Assert.Equal("SIG100", SingleError("title: *nothing\n").Code);

    [Theory]
    [InlineData("title: x\n  - a\n")]
    [InlineData("[")]
    [InlineData("{a: 1, a")]
    [InlineData("a: 'unterminated\n")]
    [InlineData("&a [*a]")]
    [InlineData("%YAML 9.9\n---\na: 1\n")]
    [InlineData("a: !!binary AAA!\n")]
    [InlineData("---\n...\n...\n---\n- ? : ?\n")]
    public void Malformed_yaml_never_throws(string yaml)
    {
        var result = RuleFileParser.ParseText(yaml, "m.yml");
        Assert.NotNull(result);
    }

    [Fact]
    public void Summary_counts_rules_with_errors()
    {
        Write("a.yml", GoodRule + "---\ntitle: broken\nlogsource: {product: w}\ndetection: {s: {a|nope: 1}, condition: s}\n");
        var collection = RuleLoader.Load([_folder]);
        Assert.Single(collection.Rules);
        Assert.Equal(1, collection.RulesWithErrors);
    }
}
