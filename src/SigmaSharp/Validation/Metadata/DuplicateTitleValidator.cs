using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>Analysts tell alerts apart by title; two rules with one title look like one detection.</summary>
internal sealed class DuplicateTitleValidator : CollectionValidator
{
    public override string Code => "SIG404";

    public override string Name => "duplicate-title";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "the same title is used by several rules of the collection";

    public override IEnumerable<RuleFinding> Validate(RuleCollection collection, ValidationOptions options) =>
        Duplicates(collection.Rules, r => string.IsNullOrEmpty(r.Title) ? null : r.Title, r => r.Source.Position, t => $"title '{t}' is used by more than one rule");
}
