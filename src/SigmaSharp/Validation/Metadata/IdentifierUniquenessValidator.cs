using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>Two rules with one id make references (correlations, filters, related, exclusions) ambiguous.</summary>
internal sealed class IdentifierUniquenessValidator : CollectionValidator
{
    public override string Code => "SIG401";

    public override string Name => "identifier-uniqueness";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    public override string Description => "the same id is used by several rules of the collection";

    public override IEnumerable<RuleFinding> Validate(RuleCollection collection, ValidationOptions options) =>
        Duplicates(collection.Rules, r => r.Id, r => r.Source.Position, id => $"id '{id}' is used by more than one rule", StringComparer.OrdinalIgnoreCase);
}
