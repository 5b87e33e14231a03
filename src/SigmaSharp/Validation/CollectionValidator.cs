using SigmaSharp.Rules;

namespace SigmaSharp.Validation;

/// <summary>A validator that compares the rules of a collection with each other (duplicates across the set).</summary>
internal abstract class CollectionValidator : IRuleValidator
{
    public abstract string Code { get; }

    public abstract string Name { get; }

    public abstract DiagnosticSeverity DefaultSeverity { get; }

    public abstract string Description { get; }

    public abstract IEnumerable<RuleFinding> Validate(RuleCollection collection, ValidationOptions options);

    /// <summary>
    /// One finding per rule of every group holding more than one rule, each naming where the others are,
    /// so that every copy shows up at its own position.
    /// </summary>
    protected IEnumerable<RuleFinding> Duplicates<TKey>(
        IEnumerable<SigmaRuleBase> rules,
        Func<SigmaRuleBase, TKey?> key,
        Func<SigmaRuleBase, SourcePosition> position,
        Func<TKey, string> describe,
        IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull
    {
        var groups = rules.Where(r => key(r) is not null).GroupBy(r => key(r)!, comparer);
        foreach (var group in groups)
        {
            var members = group.ToList();

            // The rules of one file form one collection: documents merged from an 'action: global' part share
            // its id and title by design, so only copies in different files are duplicates.
            if (members.Select(m => m.Source.File).Distinct(StringComparer.Ordinal).Count() < 2)
            {
                continue;
            }

            foreach (var rule in members)
            {
                var others = string.Join(", ", members.Where(m => !ReferenceEquals(m, rule)).Select(m => position(m).ToString()));
                yield return new RuleFinding(rule, new SigmaDiagnostic(Code, DefaultSeverity, $"{describe(group.Key)}; also at {others}", position(rule)));
            }
        }
    }

    public override string ToString() => $"{Code} {Name}";
}
