using SigmaSharp.Rules;

namespace SigmaSharp.Validation;

/// <summary>Runs the validators of <see cref="ValidatorRegistry"/> over a loaded collection (<c>sigma check</c>).</summary>
public static class RuleValidation
{
    /// <summary>
    /// The findings, in file and position order. Rules merged from one 'action: global' part share its text, so the
    /// same finding at the same place is reported once.
    /// </summary>
    public static IReadOnlyList<SigmaDiagnostic> Validate(RuleCollection collection, ValidationOptions? options = null) =>
        ValidateRules(collection, options).Select(f => f.Diagnostic).Distinct().ToList();

    /// <summary>The findings with the rule each is about, in file and position order.</summary>
    public static IReadOnlyList<RuleFinding> ValidateRules(
        RuleCollection collection, ValidationOptions? options = null, IEnumerable<IRuleValidator>? validators = null)
    {
        ArgumentNullException.ThrowIfNull(collection);
        options ??= ValidationOptions.Default;
        var findings = new List<RuleFinding>();
        foreach (var validator in (validators ?? ValidatorRegistry.All).Where(options.Runs))
        {
            var severity = options.SeverityOf(validator);
            foreach (var finding in validator.Validate(collection, options))
            {
                if (options.Excludes(finding.Rule, validator))
                {
                    continue;
                }

                findings.Add(severity == finding.Diagnostic.Severity || finding.Diagnostic.Severity != validator.DefaultSeverity
                    ? finding
                    : finding with { Diagnostic = finding.Diagnostic with { Severity = severity } });
            }
        }

        return findings
            .OrderBy(f => f.Diagnostic.Position.File, StringComparer.Ordinal)
            .ThenBy(f => f.Diagnostic.Position.Line)
            .ThenBy(f => f.Diagnostic.Position.Column)
            .ThenBy(f => f.Diagnostic.Code, StringComparer.Ordinal)
            .ToList();
    }
}
