using SigmaSharp.Conversion;
using SigmaSharp.Rules;

namespace SigmaSharp.Cli.Output;

/// <summary>
/// One rule's conversion as the output needs it: the rule's id, title and place, its queries and diagnostics. Unlike
/// <see cref="ConversionResult"/> it does not hold the rule, so a run over thousands of files keeps only its output.
/// </summary>
internal sealed record ConvertedRule(string? Id, string Title, RuleSource Source, EquatableArray<string> Queries, EquatableArray<SigmaDiagnostic> Diagnostics)
{
    public bool IsConverted => Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);

    public static ConvertedRule From(ConversionResult result) =>
        new(result.Rule.Id, result.Rule.Title, result.Rule.Source, result.Queries, result.Diagnostics);
}
