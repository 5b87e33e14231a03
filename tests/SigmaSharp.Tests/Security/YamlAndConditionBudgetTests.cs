using System.Text;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Tests.Security;

/// <summary>Each budget on rule text at its edge: the last size that passes, and the first that is refused with its code.</summary>
public class YamlAndConditionBudgetTests
{
    private static List<SigmaDiagnostic> Errors(string yaml, YamlBudgets? budgets = null) =>
        RuleFileParser.ParseText(yaml, "edge.yml", budgets).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    private static bool Refused(string yaml, string code, YamlBudgets? budgets = null) => Errors(yaml, budgets).Any(d => d.Code == code);

    // The root map is level 1, each flow list one more.
    private static string Nested(int levels) => "x: " + new string('[', levels - 1) + new string(']', levels - 1) + "\n";

    [Fact]
    public void Yaml_nesting_at_the_default_depth_budget_passes_and_one_more_level_is_SIG103()
    {
        Assert.Equal(64, YamlBudgets.Default.MaxDepth);
        Assert.False(Refused(Nested(64), "SIG103"));
        Assert.True(Refused(Nested(65), "SIG103"));
    }

    [Fact]
    public void Yaml_aliases_at_the_budget_pass_and_one_more_is_SIG105()
    {
        var budgets = new YamlBudgets { MaxAliases = 10 };
        static string WithAliases(int n) => "a: &a x\nb: [" + string.Join(", ", Enumerable.Repeat("*a", n)) + "]\n";
        Assert.False(Refused(WithAliases(10), "SIG105", budgets));
        Assert.True(Refused(WithAliases(11), "SIG105", budgets));
    }

    [Fact]
    public void Yaml_expanded_nodes_at_the_budget_pass_and_past_it_are_SIG104()
    {
        // An anchored list of 10 scalars (11 nodes) referenced n times: the expanded size grows by 11 per alias.
        static string Expanding(int aliases) =>
            "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [" + string.Join(", ", Enumerable.Repeat("*a", aliases)) + "]\n";
        var size = SizeOf(Expanding(5));
        Assert.False(Refused(Expanding(5), "SIG104", new YamlBudgets { MaxExpandedNodes = size }));
        Assert.True(Refused(Expanding(5), "SIG104", new YamlBudgets { MaxExpandedNodes = size - 1 }));
    }

    [Fact]
    public void A_rule_file_at_the_size_budget_is_read_and_one_byte_more_is_SIG101()
    {
        var folder = Directory.CreateTempSubdirectory("sigmasharp-edge-").FullName;
        try
        {
            var text = "title: t\nlogsource: {product: w}\ndetection: {s: {a: 1}, condition: s}\n";
            var path = Path.Combine(folder, "r.yml");
            File.WriteAllText(path, text);
            var length = Encoding.UTF8.GetByteCount(text);
            Assert.DoesNotContain(RuleFileParser.ParseFile(path, new YamlBudgets { MaxFileBytes = length }).Diagnostics, d => d.Code == "SIG101");
            Assert.Contains(RuleFileParser.ParseFile(path, new YamlBudgets { MaxFileBytes = length - 1 }).Diagnostics, d => d.Code == "SIG101");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_condition_at_the_nesting_budget_parses_and_one_more_level_is_SIG303()
    {
        var last = Enumerable.Range(1, 300).Last(n => Parses(n));
        Assert.Equal(ConditionParser.MaxDepth, Depth(last));
        Assert.Equal("SIG303", Parse(last + 1).Error!.Code);

        static bool Parses(int parentheses) => Parse(parentheses).Error is null;
    }

    private static (SigmaCondition Condition, SigmaDiagnostic? Error) Parse(int parentheses) =>
        ConditionParser.Parse(new string('(', parentheses) + "s" + new string(')', parentheses), new SourcePosition("c", 1, 1), ["s"]);

    // Each parenthesis is one level.
    private static int Depth(int parentheses) => parentheses;

    private static long SizeOf(string yaml)
    {
        var (documents, error) = YamlTreeReader.Read(yaml, "size.yml", YamlBudgets.Default);
        Assert.Null(error);
        return documents[0].Root!.ExpandedSize;
    }
}
