using SigmaSharp.Rules;
using SigmaSharp.Validation;
using Xunit;
using static SigmaSharp.Tests.Validation.RuleTexts;

namespace SigmaSharp.Tests.Validation;

public sealed class ValidationRunnerTests
{
    private static readonly string Spoilt = With("    - attack.t1059.001", "    - attack.t1685").Replace("falsepositives:\n    - Unknown\n", string.Empty, StringComparison.Ordinal);

    private static IReadOnlyList<SigmaDiagnostic> Run(ValidationOptions options) =>
        RuleValidation.Validate(SigmaSharp.Parsing.RuleLoader.LoadTexts([(FileName, Spoilt)]), options with { Today = Options.Today });

    [Fact]
    public void Validators_can_be_disabled_by_name_or_code()
    {
        Assert.Equal(["SIG418", "SIG444"], Run(ValidationOptions.Default).Select(d => d.Code).Order());
        Assert.Equal(["SIG418"], Run(new() { Disabled = new HashSet<string> { "attack-tag-not-bundled" } }).Select(d => d.Code));
        Assert.Equal(["SIG444"], Run(new() { Disabled = new HashSet<string> { "sig418" } }).Select(d => d.Code));
    }

    [Fact]
    public void Only_runs_the_named_validators()
    {
        Assert.Equal(["SIG418"], Run(new() { Only = new HashSet<string> { "falsepositives-existence" } }).Select(d => d.Code));
    }

    [Fact]
    public void Exclusions_drop_findings_per_rule_id()
    {
        var exclusions = new Dictionary<string, IReadOnlySet<string>> { ["5f0a4ae6-3b1f-4d8e-9a51-2c7b4c1e9d10"] = new HashSet<string> { "SIG444" } };
        Assert.Equal(["SIG418"], Run(new() { Exclusions = exclusions }).Select(d => d.Code));
    }

    [Fact]
    public void Severity_can_be_overridden_per_validator()
    {
        var findings = Run(new() { Severities = new Dictionary<string, DiagnosticSeverity> { ["SIG444"] = DiagnosticSeverity.Error } });
        Assert.Equal(DiagnosticSeverity.Error, findings.Single(d => d.Code == "SIG444").Severity);
    }

    [Fact]
    public void Registry_codes_and_names_are_unique_and_well_formed()
    {
        var all = ValidatorRegistry.All;
        Assert.Equal(all.Count, all.Select(v => v.Code).Distinct().Count());
        Assert.Equal(all.Count, all.Select(v => v.Name).Distinct().Count());
        Assert.All(all, v => Assert.Matches("^SIG[234][0-9]{2}$", v.Code));
        Assert.All(all, v => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", v.Name));
        Assert.All(all, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
        Assert.Same(ValidatorRegistry.Find("escaped-wildcard"), ValidatorRegistry.Find("SIG250"));
    }

    [Fact]
    public void Validator_codes_continue_after_the_parser_codes()
    {
        // The parser uses SIG1xx, SIG200-SIG211 and SIG300-SIG309 (DiagnosticFacts).
        Assert.All(ValidatorRegistry.All, v =>
        {
            var number = int.Parse(v.Code[3..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(number is >= 250 and < 300 or >= 350 and < 400 or >= 400 and < 500, v.Code);
        });
    }
}
