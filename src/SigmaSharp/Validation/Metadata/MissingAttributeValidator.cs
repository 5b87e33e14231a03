using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>An attribute the SigmaHQ rule convention requires is absent from a detection rule.</summary>
internal abstract class MissingAttributeValidator : RuleValidator
{
    protected abstract string Attribute { get; }

    protected abstract bool IsPresent(RuleInfo info);

    public override string Description => $"the rule has no '{Attribute}' (required by the SigmaHQ rule convention)";

    /// <summary>
    /// Rules a correlation refers to are building blocks: the correlation specification lets only the outermost
    /// correlation carry status, level, date and the like, so they are not asked for metadata.
    /// </summary>
    public override IEnumerable<RuleFinding> Validate(RuleCollection collection, ValidationOptions options)
    {
        var referenced = collection.Correlations.SelectMany(c => c.Rules).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return collection.Rules
            .Where(r => !(r.Id is not null && referenced.Contains(r.Id)) && !(r.Name is not null && referenced.Contains(r.Name)))
            .SelectMany(rule => Check(rule, options).Select(d => new RuleFinding(rule, d)));
    }

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options)
    {
        // Correlations and filters have their own, shorter conventions.
        if (rule is SigmaRule && !IsPresent(rule.Info))
        {
            yield return Finding(RulePosition(rule), $"rule has no '{Attribute}'");
        }
    }
}

/// <summary>Without a description a reviewer cannot tell what the rule is meant to detect.</summary>
internal sealed class MissingDescriptionValidator : MissingAttributeValidator
{
    public override string Code => "SIG417";

    public override string Name => "description-existence";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    protected override string Attribute => "description";

    protected override bool IsPresent(RuleInfo info) => !string.IsNullOrWhiteSpace(info.Description);
}

/// <summary>Known false positives guide triage; SigmaHQ asks for "Unknown" when there are none known.</summary>
internal sealed class MissingFalsePositivesValidator : MissingAttributeValidator
{
    public override string Code => "SIG418";

    public override string Name => "falsepositives-existence";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    protected override string Attribute => "falsepositives";

    protected override bool IsPresent(RuleInfo info) => !info.FalsePositives.IsEmpty;
}

/// <summary>Without a level, backends and SIEMs fall back to their own default severity for the alert.</summary>
internal sealed class MissingLevelValidator : MissingAttributeValidator
{
    public override string Code => "SIG419";

    public override string Name => "level-existence";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    protected override string Attribute => "level";

    protected override bool IsPresent(RuleInfo info) => info.Level is not null;
}

/// <summary>The status tells users how far a rule was tested; tools filter on it.</summary>
internal sealed class MissingStatusValidator : MissingAttributeValidator
{
    public override string Code => "SIG420";

    public override string Name => "status-existence";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    protected override string Attribute => "status";

    protected override bool IsPresent(RuleInfo info) => info.Status is not null;
}

/// <summary>The creation date orders rules and dates their ATT&amp;CK and reference context.</summary>
internal sealed class MissingDateValidator : MissingAttributeValidator
{
    public override string Code => "SIG421";

    public override string Name => "date-existence";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    protected override string Attribute => "date";

    protected override bool IsPresent(RuleInfo info) => info.Date is not null;
}

/// <summary>The author is who to ask about a rule's intent.</summary>
internal sealed class MissingAuthorValidator : MissingAttributeValidator
{
    public override string Code => "SIG422";

    public override string Name => "author-existence";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    protected override string Attribute => "author";

    protected override bool IsPresent(RuleInfo info) => !string.IsNullOrWhiteSpace(info.Author);
}
