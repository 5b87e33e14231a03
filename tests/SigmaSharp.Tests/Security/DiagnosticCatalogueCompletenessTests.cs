using System.Text.RegularExpressions;
using SigmaSharp.Events;

namespace SigmaSharp.Tests.Security;

/// <summary>Every diagnostic code the library can report is in the catalogue users read (docs/diagnostics.md, docs/validators.md).</summary>
public partial class DiagnosticCatalogueCompletenessTests
{
    [GeneratedRegex(@"""((?:SIG|EVTX)\d{3})""")]
    private static partial Regex CodeLiteral();

    private static string Doc(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.Root!, "docs", name));

    private static IEnumerable<string> CodesIn(string folder) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root!, "src", "SigmaSharp", folder), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => CodeLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct();

    [Theory]
    [InlineData("Rules")]
    [InlineData("Parsing")]
    [InlineData("Pipelines")]
    [InlineData("Conversion")]
    [InlineData("Evaluation")]
    [InlineData("Events")]
    [InlineData("Documentation")]
    public void Every_code_a_folder_reports_is_in_docs_diagnostics(string folder)
    {
        var documented = Doc("diagnostics.md");
        Assert.All(CodesIn(folder), code => Assert.Contains("| " + code + " |", documented, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_validator_code_is_in_docs_validators()
    {
        var documented = Doc("validators.md");
        var codes = CodesIn("Validation").ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Contains("| " + code + " |", documented, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_event_reader_code_is_in_docs_diagnostics()
    {
        var documented = Doc("diagnostics.md");
        Assert.All(Enum.GetValues<EventDiagnosticCode>(), code =>
            Assert.Contains($"| {code} | {(int)code} |", documented, StringComparison.Ordinal));
    }
}
