using SigmaSharp.Rules;

namespace SigmaSharp.Validation;

/// <summary>A validator that looks at one rule at a time.</summary>
internal abstract class RuleValidator : IRuleValidator
{
    public abstract string Code { get; }

    public abstract string Name { get; }

    public abstract DiagnosticSeverity DefaultSeverity { get; }

    public abstract string Description { get; }

    public virtual IEnumerable<RuleFinding> Validate(RuleCollection collection, ValidationOptions options) =>
        collection.Rules.SelectMany(rule => Check(rule, options).Select(d => new RuleFinding(rule, d)));

    protected abstract IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options);

    protected SigmaDiagnostic Finding(SourcePosition at, string message) => new(Code, DefaultSeverity, message, at);

    /// <summary>Where a finding about the rule as a whole points: its first line.</summary>
    protected static SourcePosition RulePosition(SigmaRuleBase rule) => rule.Source.Position;

    public override string ToString() => $"{Code} {Name}";
}
