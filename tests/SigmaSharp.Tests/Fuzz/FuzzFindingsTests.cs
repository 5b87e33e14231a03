using System.Text;
using SigmaSharp.Documentation;
using SigmaSharp.Evaluation;
using SigmaSharp.Evaluation.Routing;
using SigmaSharp.Events;

namespace SigmaSharp.Tests.Fuzz;

/// <summary>What the fuzzers found, each pinned by the diagnostic the input must now give (inputs in fuzz/regressions/).</summary>
public class FuzzFindingsTests
{
    private static (List<SigmaEvent> Events, EventDiagnosticLog Log) ReadJsonLines(string text)
    {
        var log = new EventDiagnosticLog();
        var events = EventReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "mem.jsonl", new EventReaderOptions { Diagnostics = log })
            .ToList();
        foreach (var e in events)
        {
            _ = e.Fields.Count(f => f.Value is not null);
        }

        return (events, log);
    }

    [Theory]
    [InlineData("{\"a\":\"\\ud800\"}")]
    [InlineData("{\"a\":\"x\\udc00y\"}")]
    [InlineData("{\"\\ud800\":1}")]
    public void A_lone_surrogate_escape_skips_the_record_as_invalid_json(string bad)
    {
        var (events, log) = ReadJsonLines("{\"n\":1}\n" + bad + "\n{\"n\":3}\n");
        Assert.Equal(["1", "3"], events.Select(e => e["n"].First));
        var d = Assert.Single(log.Diagnostics);
        Assert.Equal((2L, EventDiagnosticCode.InvalidJson), (d.Line, d.Code));
    }

    [Fact]
    public void A_surrogate_pair_escape_and_an_escaped_backslash_u_still_read()
    {
        var (events, log) = ReadJsonLines("{\"a\":\"\\ud83d\\ude00\",\"p\":\"C:\\\\users\\\\x\"}\n");
        Assert.Empty(log.Diagnostics);
        Assert.Equal("\U0001F600", Assert.Single(events)["a"].First);
        Assert.Equal("C:\\users\\x", events[0]["p"].First);
    }

    [Theory]
    [InlineData(" : e")]
    [InlineData(": [9[''\n\\")]
    public void Placeholder_files_that_broke_yamldotnet_give_a_diagnostic(string yaml)
    {
        Assert.False(PlaceholderValues.TryParse(yaml, "p.yml", out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void A_deeply_nested_placeholder_file_is_refused_with_the_yaml_depth_budget()
    {
        Assert.False(PlaceholderValues.TryParse("a: " + new string('[', 20_000), "p.yml", out _, out var error));
        Assert.Equal("SIG103", error!.Code);
    }

    [Theory]
    [InlineData(" : d")]
    [InlineData(": [\nr")]
    public void Mapping_files_that_broke_yamldotnet_give_an_error(string yaml)
    {
        Assert.False(FieldMapping.TryParse(yaml, "m.yml", out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void A_deeply_nested_mapping_file_is_refused_with_the_yaml_depth_budget()
    {
        Assert.False(FieldMapping.TryParse("a: " + new string('[', 20_000), "m.yml", out _, out var error));
        Assert.StartsWith("SIG103", error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" : d")]
    [InlineData(": [\nr")]
    [InlineData(": [9[''\n\\")]
    public void Log_source_maps_that_broke_yamldotnet_give_SIG606(string yaml)
    {
        Assert.False(LogSourceMap.TryParse(yaml, "l.yml", out _, out var error));
        Assert.Equal("SIG606", error!.Code);
    }

    [Fact]
    public void A_deeply_nested_log_source_map_is_refused_with_the_yaml_depth_budget()
    {
        Assert.False(LogSourceMap.TryParse("a: " + new string('[', 20_000), "l.yml", out _, out var error));
        Assert.Equal("SIG103", error!.Code);
    }

    [Theory]
    [InlineData(" : d")]
    [InlineData(": [\nr")]
    [InlineData("a: ")]
    public void Data_needed_maps_that_broke_yamldotnet_give_a_problem(string prefix)
    {
        var text = prefix == "a: " ? "a: " + new string('[', 20_000) : prefix;
        var (map, problems) = DataNeededMap.Parse(text, "d.yml");
        Assert.Empty(map.Entries);
        Assert.NotEmpty(problems);
    }

    [Fact]
    public void Side_files_over_the_size_budget_are_refused_with_SIG101_before_reading()
    {
        var folder = Directory.CreateTempSubdirectory("sigmasharp-big-").FullName;
        try
        {
            var path = Path.Combine(folder, "big.yml");
            using (var stream = File.Create(path))
            {
                stream.SetLength(SigmaSharp.Parsing.YamlBudgets.Default.MaxFileBytes + 1);
            }

            Assert.False(PlaceholderValues.TryLoad(path, out _, out var placeholders));
            Assert.Equal("SIG101", placeholders!.Code);
            Assert.False(LogSourceMap.TryLoad(path, out _, out var routing));
            Assert.Equal("SIG101", routing!.Code);
            Assert.False(FieldMapping.TryLoad(path, out _, out var mapping));
            Assert.Contains("limit", mapping!.Message, StringComparison.Ordinal);
            Assert.Equal("SIG101", Assert.Single(SigmaSharp.Pipelines.LegacyConfigLoader.Load(path).Diagnostics).Code);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_pipeline_mapping_with_a_key_given_twice_loads_with_the_last_value()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root!, "fuzz", "regressions", "pipeline", "duplicate-mapping-keys.bin"));
        var (pipeline, diagnostics) = SigmaSharp.Pipelines.Processing.ProcessingPipelines.Parse(text, "dup.yml");
        Assert.DoesNotContain(diagnostics, d => d.Severity == Rules.DiagnosticSeverity.Error);
        Assert.NotNull(pipeline);
    }

    [Fact]
    public void A_field_mapped_twice_in_a_pipeline_takes_the_last_mapping_as_pysigma_does()
    {
        var (pipeline, _) = SigmaSharp.Pipelines.Processing.ProcessingPipelines.Parse(
            "transformations:\n  - type: field_name_mapping\n    mapping:\n      a: first\n      a: last\n", "dup.yml");
        var (backend, _) = SigmaSharp.Conversion.Modern.ModernTargets.CreateWith("pysigma-splunk", [pipeline!]);
        var rules = SigmaSharp.Parsing.RuleLoader.LoadTexts([("r.yml", "title: t\nlogsource: {product: w}\ndetection: {s: {a: 1}, condition: s}\n")]);
        var query = Assert.Single(backend!.Convert(rules.Rules[0]).Queries);
        Assert.Contains("last", query, StringComparison.Ordinal);
        Assert.DoesNotContain("first", query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sel*", "selection", true)]
    [InlineData("*tion", "selection", true)]
    [InlineData("s*l*c*n", "selection", true)]
    [InlineData("*", "x", true)]
    [InlineData("sel*x", "selection", false)]
    [InlineData("***************all", "selection", false)]
    [InlineData("***************ion", "selection", true)]
    public void Of_patterns_match_in_linear_time_even_with_many_stars(string pattern, string name, bool matches)
    {
        var (condition, error) = SigmaSharp.Parsing.ConditionParser.Parse("1 of " + pattern, new Rules.SourcePosition("c", 1, 1), [name, new string('a', 40)]);
        Assert.Equal(matches, error is null);
        Assert.True(matches || error!.Code == "SIG302", error?.Code);
        _ = condition;
    }
}
