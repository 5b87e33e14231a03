using System.Reflection;
using System.Text.RegularExpressions;
using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Parsing;

public partial class DiagnosticCatalogueTests
{
    [GeneratedRegex(@"""(SIG\d{3})""")]
    private static partial Regex CodeLiteral();

    [Fact]
    public void Every_parser_code_is_documented_in_docs_diagnostics()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root!, "src", "SigmaSharp", "Rules", "DiagnosticFacts.cs"));
        var documented = File.ReadAllText(Path.Combine(RepositoryPaths.Root!, "docs", "diagnostics.md"));
        var codes = CodeLiteral().Matches(source).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Contains("| " + code + " |", documented, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_parser_code_is_used_by_exactly_one_factory()
    {
        var factories = typeof(DiagnosticFacts).GetMethods(BindingFlags.Public | BindingFlags.Static);
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root!, "src", "SigmaSharp", "Rules", "DiagnosticFacts.cs"));
        var codes = CodeLiteral().Matches(source).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(factories.Length, codes.Count);
    }
}
