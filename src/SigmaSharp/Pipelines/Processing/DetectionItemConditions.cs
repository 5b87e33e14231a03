using System.Text.RegularExpressions;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Pipelines.Processing;

/// <summary>A condition on one detection item (<c>detection_item_conditions</c>).</summary>
internal abstract record DetectionItemCondition : IProcessingCondition
{
    public abstract bool Matches(DetectionItem item, ProcessingContext context);

    public bool Holds(object? subject, ProcessingContext context) => subject is DetectionItem item && Matches(item, context);

    /// <summary>pySigma's <c>cond: any|all</c> over the item's values.</summary>
    protected static bool Quantified(DetectionItem item, bool all, Func<SigmaValue, bool> test) =>
        all ? item.Values.All(test) : item.Values.Any(test);
}

/// <summary><c>match_string</c>: string values match a regular expression (searched, as Python's re.match at the start).</summary>
internal sealed record MatchStringCondition(Regex Pattern, bool All, bool Negate) : DetectionItemCondition
{
    public override bool Matches(DetectionItem item, ProcessingContext context)
    {
        var result = Quantified(item, All, v => v is SigmaString s && Pattern.Match(s.ToSigmaText()) is { Success: true, Index: 0 });
        return Negate ? !result : result;
    }
}

/// <summary><c>match_value</c>: values equal a given plain value (string, number or boolean).</summary>
internal sealed record MatchValueCondition(SigmaValue Value, bool All) : DetectionItemCondition
{
    public override bool Matches(DetectionItem item, ProcessingContext context) => Quantified(item, All, v => v.Equals(Value));
}

/// <summary><c>contains_wildcard</c>: string values contain a wildcard.</summary>
internal sealed record ContainsWildcardCondition(bool All) : DetectionItemCondition
{
    public override bool Matches(DetectionItem item, ProcessingContext context) => Quantified(item, All, v => v is SigmaString { HasWildcards: true });
}

/// <summary><c>is_null</c>: values are null.</summary>
internal sealed record IsNullCondition(bool All) : DetectionItemCondition
{
    public override bool Matches(DetectionItem item, ProcessingContext context) => Quantified(item, All, v => v is SigmaNull);
}

internal sealed record DetectionItemProcessingItemAppliedCondition(string ItemId) : DetectionItemCondition
{
    public override bool Matches(DetectionItem item, ProcessingContext context) => context.ItemWasProcessedBy(item, ItemId);
}

internal sealed record DetectionItemProcessingStateCondition(ProcessingStateTest Test) : DetectionItemCondition
{
    public override bool Matches(DetectionItem item, ProcessingContext context) => Test.Matches(context);
}

/// <summary>A condition on a field name (<c>field_name_conditions</c>); a keyword item has no field and never matches.</summary>
internal abstract record FieldNameCondition : IProcessingCondition
{
    public abstract bool Matches(string? field, ProcessingContext context);

    public bool Holds(object? subject, ProcessingContext context) => Matches(subject as string, context);
}

/// <summary><c>include_fields</c> / <c>exclude_fields</c>: plain names, or patterns matched at the start (<c>type: re</c>).</summary>
internal sealed record FieldListCondition(IReadOnlyList<string> Fields, IReadOnlyList<Regex>? Patterns, bool Exclude) : FieldNameCondition
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _matches = new(StringComparer.Ordinal);

    public override bool Matches(string? field, ProcessingContext context)
    {
        if (field is null)
        {
            return false;
        }

        bool listed;
        if (Patterns is null)
        {
            listed = Fields.Contains(field);
        }
        else if (!_matches.TryGetValue(field, out listed))
        {
            // Field names repeat across rules; a pattern's answer for a name never changes.
            listed = Patterns.Any(p => p.Match(field) is { Success: true, Index: 0 });
            if (_matches.Count < 100_000)
            {
                _matches[field] = listed;
            }
        }

        return Exclude ? !listed : listed;
    }
}

internal sealed record FieldNameProcessingItemAppliedCondition(string ItemId) : FieldNameCondition
{
    public override bool Matches(string? field, ProcessingContext context) => context.FieldWasProcessedBy(field, ItemId);
}

internal sealed record FieldNameProcessingStateCondition(ProcessingStateTest Test) : FieldNameCondition
{
    public override bool Matches(string? field, ProcessingContext context) => Test.Matches(context);
}
