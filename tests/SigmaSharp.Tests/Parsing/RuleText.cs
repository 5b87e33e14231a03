using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Parsing;

/// <summary>Builds small rules inline so each test shows the YAML it is about.</summary>
internal static class RuleText
{
    public static RuleFileParser.Result Parse(string yaml, string file = "test.yml") => RuleFileParser.ParseText(yaml, file);

    public static SigmaRule Single(string yaml)
    {
        var result = Parse(yaml);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return Assert.IsType<SigmaRule>(Assert.Single(result.Rules));
    }

    /// <summary>A rule whose only selection is the given map body (indented under "selection:").</summary>
    public static string WithSelection(string selectionBody, string condition = "selection") => $"""
        title: Test
        logsource:
            product: windows
        detection:
            selection:
        {Indent(selectionBody, 8)}
            condition: {condition}
        """;

    public static DetectionItem FirstItem(SigmaRule rule)
    {
        var node = rule.Detection[0].Definition;
        while (node is DetectionGroup group)
        {
            node = group.Items[0];
        }

        return Assert.IsType<DetectionItem>(node);
    }

    public static SigmaDiagnostic SingleError(string yaml)
    {
        var result = Parse(yaml);
        return Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(l => new string(' ', spaces) + l));
}
