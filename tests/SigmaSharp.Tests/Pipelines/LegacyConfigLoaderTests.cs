using SigmaSharp.Conversion;
using SigmaSharp.Parsing;
using SigmaSharp.Pipelines;
using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Pipelines;

/// <summary>Legacy sigmac configs: positions of errors, every mapping kind, chains, log source conditions and indices.</summary>
public sealed class LegacyConfigLoaderTests
{
    private static LegacyConfig Config(string text, string file = "c.yml")
    {
        var (config, diagnostics) = LegacyConfigLoader.Parse(text, file);
        Assert.Empty(diagnostics);
        return config!;
    }

    private static string Splunk(string detection, string logsource, params LegacyConfig[] configs)
    {
        var text = "title: t\nlogsource:\n" + logsource + "\ndetection:\n" + detection + "\n    condition: sel\n";
        var rule = RuleLoader.LoadTexts([("t.yml", text)]).Rules.Single();
        var (backend, _) = ConversionTargets.Create("splunk", null, new LegacyConfigChain(configs));
        var result = backend!.Convert(rule);
        Assert.True(result.IsConverted, string.Join("; ", result.Diagnostics));
        return Assert.Single(result.Queries);
    }

    [Fact]
    public void Bad_config_reports_file_line_and_column_of_the_offending_node()
    {
        var (config, diagnostics) = LegacyConfigLoader.Parse("title: x\nfieldmappings:\n    a: b\n    c:\n        weird: d\n", "bad.yml");
        Assert.Null(config);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SIG504", diagnostic.Code);
        Assert.Equal(new SourcePosition("bad.yml", 5, 9), diagnostic.Position);
    }

    [Fact]
    public void Config_that_is_not_a_map_and_broken_yaml_are_diagnostics_not_exceptions()
    {
        Assert.Equal("SIG504", Assert.Single(LegacyConfigLoader.Parse("- a\n- b\n", "l.yml").Diagnostics).Code);
        var broken = Assert.Single(LegacyConfigLoader.Parse("title: [unclosed\n", "y.yml").Diagnostics);
        Assert.Equal("y.yml", broken.Position.File);
        Assert.True(broken.Position.Line >= 1);
    }

    [Fact]
    public void Unknown_config_name_lists_the_shipped_ones()
    {
        var diagnostic = Assert.Single(LegacyConfigLoader.Load("no-such-config").Diagnostics);
        Assert.Equal("SIG505", diagnostic.Code);
        Assert.Contains("winlogbeat", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_order_and_logsource_without_criteria_are_reported_at_their_nodes()
    {
        var (_, diagnostics) = LegacyConfigLoader.Parse("order: high\nlogsources:\n    empty:\n        index: x\n", "o.yml");
        Assert.Equal(2, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.Position == new SourcePosition("o.yml", 1, 8));
        Assert.Contains(diagnostics, d => d.Position == new SourcePosition("o.yml", 3, 5));
    }

    [Fact]
    public void List_mapping_tests_every_target_field()
    {
        var config = Config("fieldmappings:\n    f: [a, b]\n");
        Assert.Equal("(a=\"x\" OR b=\"x\")", Splunk("    sel:\n        f: x", "    product: linux", config));
    }

    [Fact]
    public void Conditional_mapping_follows_rule_values_then_logsource_then_default()
    {
        var config = Config("fieldmappings:\n    f:\n        EventID=4688: NewProcessName\n        product=linux: exe\n        default: Image\n");
        Assert.Equal("((EventID=\"4688\" NewProcessName=\"x\"))", Splunk("    sel:\n        EventID: 4688\n        f: x", "    product: windows", config));
        Assert.Equal("exe=\"x\"", Splunk("    sel:\n        f: x", "    product: linux", config));
        Assert.Equal("Image=\"x\"", Splunk("    sel:\n        f: x", "    product: windows", config));
    }

    [Fact]
    public void Chained_configs_map_in_order()
    {
        var first = Config("fieldmappings:\n    f: g\n", "first.yml");
        var second = Config("fieldmappings:\n    g: h\n    f: wrong\n", "second.yml");
        Assert.Equal("h=\"x\"", Splunk("    sel:\n        f: x", "    product: linux", first, second));
        Assert.Equal("wrong=\"x\"", Splunk("    sel:\n        f: x", "    product: linux", second, first));
    }

    [Fact]
    public void Logsource_conditions_and_index_are_added_and_rewrite_feeds_later_configs()
    {
        var generic = Config("logsources:\n    pc:\n        category: process_creation\n        product: windows\n        conditions:\n            EventID: 1\n        rewrite:\n            product: windows\n            service: sysmon\n", "generic.yml");
        var specific = Config("logsources:\n    sysmon:\n        service: sysmon\n        index: [idx1, idx2]\n        conditions:\n            source: sysmonlog\n", "specific.yml");
        var query = Splunk("    sel:\n        f: x", "    category: process_creation\n    product: windows", generic, specific);
        Assert.Equal("((((EventID=\"1\" source=\"sysmonlog\")) (index=\"idx1\" OR index=\"idx2\") f=\"x\"))", query);
    }

    [Fact]
    public void Default_index_of_the_last_config_applies_when_no_logsource_names_one()
    {
        var config = Config("defaultindex: main\nlogsources:\n    lin:\n        product: linux\n        conditions:\n            os: linux\n");
        Assert.Equal("((os=\"linux\" index=\"main\" f=\"x\"))", Splunk("    sel:\n        f: x", "    product: linux", config));
    }

    [Fact]
    public void Shipped_configs_all_load()
    {
        foreach (var name in LegacyConfigLoader.ShippedNames)
        {
            var (config, diagnostics) = LegacyConfigLoader.Load(name);
            Assert.True(config is not null, name + ": " + string.Join("; ", diagnostics));
        }
    }
}
