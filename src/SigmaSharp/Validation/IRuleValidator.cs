using SigmaSharp.Rules;

namespace SigmaSharp.Validation;

/// <summary>
/// One check of <c>sigma check</c>. <see cref="Code"/> is stable (tests and exclusions name it);
/// <see cref="Name"/> is the kebab-case name sigma-cli and pySigma users know the check by.
/// </summary>
public interface IRuleValidator
{
    string Code { get; }

    string Name { get; }

    DiagnosticSeverity DefaultSeverity { get; }

    string Description { get; }

    /// <summary>Checks the rules of a collection; collection-wide checks (uniqueness) see all rules at once.</summary>
    IEnumerable<RuleFinding> Validate(RuleCollection collection, ValidationOptions options);
}

/// <summary>A finding and the rule it is about, so that per-rule exclusions can be applied.</summary>
public sealed record RuleFinding(SigmaRuleBase Rule, SigmaDiagnostic Diagnostic);
