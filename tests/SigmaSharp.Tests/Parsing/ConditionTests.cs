using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Tests.Parsing;

public class ConditionTests
{
    private static readonly string[] Names = ["selection", "filter_a", "filter_b", "keywords", "_internal"];

    private static ConditionNode Parse(string condition)
    {
        var (result, error) = ConditionParser.Parse(condition, new SourcePosition("t.yml", 10, 16), Names);
        Assert.Null(error);
        return result.Expression!;
    }

    private static SigmaDiagnostic Error(string condition)
    {
        var (_, error) = ConditionParser.Parse(condition, new SourcePosition("t.yml", 10, 16), Names);
        return Assert.IsType<SigmaDiagnostic>(error);
    }

    /// <summary>A compact rendering of the tree that shows its grouping.</summary>
    private static string Show(ConditionNode node) => node switch
    {
        AndNode a => "and(" + string.Join(",", a.Operands.Select(Show)) + ")",
        OrNode o => "or(" + string.Join(",", o.Operands.Select(Show)) + ")",
        NotNode n => "not(" + Show(n.Operand) + ")",
        SelectionNode s => s.Name,
        OfNode of => $"{of.Quantifier.ToString().ToLowerInvariant()}[{string.Join(",", of.Matches)}]",
        _ => "?",
    };

    [Theory]
    [InlineData("selection", "selection")]
    [InlineData("selection and keywords", "and(selection,keywords)")]
    [InlineData("selection or keywords", "or(selection,keywords)")]
    [InlineData("not selection", "not(selection)")]
    [InlineData("selection and not filter_a", "and(selection,not(filter_a))")]
    [InlineData("selection or keywords and filter_a", "or(selection,and(keywords,filter_a))")]
    [InlineData("not selection and keywords", "and(not(selection),keywords)")]
    [InlineData("(selection or keywords) and filter_a", "and(or(selection,keywords),filter_a)")]
    [InlineData("selection and not (filter_a or filter_b)", "and(selection,not(or(filter_a,filter_b)))")]
    [InlineData("1 of filter_*", "any[filter_a,filter_b]")]
    [InlineData("any of filter_*", "any[filter_a,filter_b]")]
    [InlineData("all of filter_*", "all[filter_a,filter_b]")]
    [InlineData("1 of them", "any[selection,filter_a,filter_b,keywords]")]
    [InlineData("all of them", "all[selection,filter_a,filter_b,keywords]")]
    [InlineData("selection and not 1 of filter_*", "and(selection,not(any[filter_a,filter_b]))")]
    [InlineData("1 of *_a", "any[filter_a]")]
    [InlineData("1 of _*", "any[_internal]")]
    [InlineData("selection AND NOT filter_a", "and(selection,not(filter_a))")]
    [InlineData("not not selection", "not(not(selection))")]
    public void Conditions_parse_with_sigma_precedence(string condition, string tree) =>
        Assert.Equal(tree, Show(Parse(condition)));

    [Fact]
    public void Undefined_selection_is_reported_at_its_column()
    {
        var error = Error("selection and missing");
        Assert.Equal("SIG301", error.Code);
        Assert.Equal(16 + 14, error.Position.Column);
    }

    [Fact]
    public void Pattern_matching_nothing_is_an_error() => Assert.Equal("SIG302", Error("1 of nothing*").Code);

    [Fact]
    public void Two_of_is_not_sigma() => Assert.Equal("SIG305", Error("2 of filter_*").Code);

    [Theory]
    [InlineData("selection and")]
    [InlineData("(selection")]
    [InlineData("selection)")]
    [InlineData("selection keywords")]
    [InlineData("1 filter_*")]
    [InlineData("")]
    [InlineData("selection & keywords")]
    public void Malformed_conditions_say_what_was_expected(string condition)
    {
        var error = Error(condition);
        Assert.Equal("SIG300", error.Code);
    }

    [Fact]
    public void Ten_thousand_nested_parentheses_fail_cleanly()
    {
        var condition = new string('(', 10_000) + "selection" + new string(')', 10_000);
        Assert.Equal("SIG303", Error(condition).Code);
    }

    [Fact]
    public void Ten_thousand_nots_fail_cleanly() =>
        Assert.Equal("SIG303", Error(string.Concat(Enumerable.Repeat("not ", 10_000)) + "selection").Code);

    [Fact]
    public void Count_aggregation_is_parsed()
    {
        var (condition, error) = ConditionParser.Parse("selection | count(User) by Computer > 5", new SourcePosition("t", 1, 1), Names);
        Assert.Null(error);
        var aggregation = condition.Aggregation!;
        Assert.Equal(AggregationFunction.Count, aggregation.Function);
        Assert.Equal("User", aggregation.Field);
        Assert.Equal("Computer", aggregation.GroupBy);
        Assert.Equal(">", aggregation.Operator);
        Assert.Equal(5m, aggregation.Threshold);
    }

    [Fact]
    public void Near_aggregation_is_parsed()
    {
        var (condition, error) = ConditionParser.Parse("selection | near filter_a and not filter_b", new SourcePosition("t", 1, 1), Names);
        Assert.Null(error);
        Assert.Equal(["filter_a", "not filter_b"], condition.Aggregation!.NearSelections.Items.ToArray());
    }
}
