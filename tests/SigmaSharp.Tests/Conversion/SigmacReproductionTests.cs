using SigmaSharp.Conversion;
using SigmaSharp.Parsing;

namespace SigmaSharp.Tests.Conversion;

/// <summary>sigmac behaviours we reproduce on purpose, each found by the oracle comparison.</summary>
public sealed class SigmacReproductionTests
{
    private static string Convert(string target, string logsource, string detection, bool defaultConfig = false)
    {
        var text = "title: t\nlogsource:\n" + logsource + "\ndetection:\n" + detection + "\n    condition: sel\n";
        var rule = RuleLoader.LoadTexts([("t.yml", text)]).Rules.Single();
        var (backend, _) = defaultConfig ? ConversionTargets.CreateWithDefaultConfig(target) : ConversionTargets.Create(target);
        var result = backend!.Convert(rule);
        Assert.True(result.IsConverted, string.Join("; ", result.Diagnostics));
        return Assert.Single(result.Queries);
    }

    [Theory]
    [InlineData("splunk", "(EventCode=\"1\")")]
    [InlineData("logpoint", "EventCode IN \"1\"")]
    public void One_element_yaml_list_is_rendered_as_sigmac_rendered_a_list(string target, string expected)
    {
        Assert.Equal(expected, Convert(target, "    product: linux", "    sel:\n        EventCode:\n            - 1"));
    }

    [Fact]
    public void One_element_yaml_list_loses_the_field_name_in_powershell_as_in_sigmac()
    {
        Assert.Contains("{($_.message -match \"x\") }", Convert("powershell", "    product: linux", "    sel:\n        Field:\n            - 'x'"), StringComparison.Ordinal);
        Assert.Contains("{$_.message -match \"Field.*x\" }", Convert("powershell", "    product: linux", "    sel:\n        Field: 'x'"), StringComparison.Ordinal);
    }

    [Fact]
    public void Powershell_default_config_adds_the_event_id_of_powershell_categories()
    {
        var query = Convert("powershell", "    product: windows\n    category: ps_module", "    sel:\n        Payload|contains: 'Get-Clipboard'", defaultConfig: true);
        Assert.Contains("{($_.ID -eq \"4103\" -and $_.message -match \"Payload.*.*Get-Clipboard.*\") }", query, StringComparison.Ordinal);
    }

    [Fact]
    public void Keyword_backslash_runs_are_kept_as_written()
    {
        Assert.Equal(@"(""\\\\localhost\\C$"" OR "".aspx"")", Convert("splunk", "    product: linux", "    sel:\n        - '\\\\\\\\localhost\\\\C$'\n        - '.aspx'"));
    }

    public static TheoryData<string> Targets => new(ConversionTargets.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Targets))]
    public void Placeholder_rule_is_reported_as_needing_a_pipeline(string target)
    {
        var text = "title: t\nlogsource:\n    product: linux\ndetection:\n    sel:\n        User|expand: '%admins%'\n    condition: sel\n";
        var rule = RuleLoader.LoadTexts([("t.yml", text)]).Rules.Single();
        var (backend, _) = ConversionTargets.Create(target);
        var diagnostic = Assert.Single(backend!.Convert(rule).Diagnostics);
        Assert.Equal("SIG500", diagnostic.Code);
        Assert.EndsWith("placeholders ('expand' modifier) must be replaced by a pipeline before conversion", diagnostic.Message, StringComparison.Ordinal);
    }
}
