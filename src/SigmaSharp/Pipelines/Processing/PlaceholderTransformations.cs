using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Pipelines.Processing;

/// <summary>A placeholder transformation acts on the placeholders named in include (all when empty) and not in exclude.</summary>
internal abstract record PlaceholderTransformation(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude) : ValueTransformation
{
    protected bool Selected(string name) => (Include.Count == 0 || Include.Contains(name)) && !Exclude.Contains(name);

    protected override IReadOnlyList<SigmaValue>? ApplyValue(string? field, SigmaValue value, DetectionItem item, ProcessingContext context) =>
        value is SigmaString { HasPlaceholders: true } s && s.Parts.Any(p => p is PlaceholderPart ph && Selected(ph.Name))
            ? Replace(s, item, context)
            : null;

    protected abstract IReadOnlyList<SigmaValue> Replace(SigmaString value, DetectionItem item, ProcessingContext context);
}

/// <summary><c>value_placeholders</c>: each placeholder replaced by the pipeline variable's values (one value per combination).</summary>
internal sealed record ValuePlaceholdersTransformation(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude) : PlaceholderTransformation(Include, Exclude)
{
    private const int MaxCombinations = 10_000;

    protected override IReadOnlyList<SigmaValue> Replace(SigmaString value, DetectionItem item, ProcessingContext context)
    {
        var results = new List<List<StringPart>> { new() };
        foreach (var part in value.Parts)
        {
            if (part is not PlaceholderPart placeholder || !Selected(placeholder.Name))
            {
                results.ForEach(r => r.Add(part));
                continue;
            }

            if (!context.Pipeline.Vars.TryGetValue(placeholder.Name, out var replacements))
            {
                context.Reject(item.Position, $"placeholder '%{placeholder.Name}%' has no value in the pipeline's vars");
                return [value];
            }

            if (results.Count * replacements.Count > MaxCombinations)
            {
                context.Reject(item.Position, $"placeholders expand to more than {MaxCombinations} values");
                return [value];
            }

            results = [.. results.SelectMany(r => replacements.Select(v => r.Concat(SigmaString.Parse(v).Parts).ToList()))];
        }

        return [.. results.Select(parts => (SigmaValue)SigmaString.Create(parts, value.Cased))];
    }
}

/// <summary><c>wildcard_placeholders</c>: placeholders become <c>*</c>.</summary>
internal sealed record WildcardPlaceholdersTransformation(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude) : PlaceholderTransformation(Include, Exclude)
{
    protected override IReadOnlyList<SigmaValue> Replace(SigmaString value, DetectionItem item, ProcessingContext context) =>
        [SigmaString.Create(value.Parts.Select(p => p is PlaceholderPart ph && Selected(ph.Name) ? WildcardMultiPart.Instance : p), value.Cased)];
}

/// <summary>
/// <c>query_expression_placeholders</c>: a value that is one placeholder becomes a target query expression with
/// <c>{field}</c> and <c>{id}</c> (the placeholder name, or its mapping).
/// </summary>
internal sealed record QueryExpressionPlaceholdersTransformation(string Expression, IReadOnlyDictionary<string, string> Mapping, IReadOnlyList<string> Include, IReadOnlyList<string> Exclude)
    : PlaceholderTransformation(Include, Exclude)
{
    protected override IReadOnlyList<SigmaValue> Replace(SigmaString value, DetectionItem item, ProcessingContext context)
    {
        if (value.Parts.Count != 1 || value.Parts[0] is not PlaceholderPart placeholder)
        {
            context.Reject(item.Position, "a query expression placeholder must be the whole value");
            return [value];
        }

        return [new QueryExpressionValue(Expression, Mapping.GetValueOrDefault(placeholder.Name, placeholder.Name))];
    }
}

/// <summary>A piece of target query put in by a pipeline: <c>{field}</c> is replaced by the (quoted) field name.</summary>
internal sealed record QueryExpressionValue(string Expression, string Id) : SigmaValue;
