using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Pipelines.Processing;

/// <summary>
/// A pySigma transformation. Applying it returns a new rule (the model is immutable); unchanged parts are shared, so
/// an item that was not touched keeps its identity (and with it the record of which processing items it saw).
/// </summary>
internal abstract record Transformation
{
    public abstract SigmaRuleBase Apply(SigmaRuleBase rule, ProcessingContext context);
}

/// <summary>A transformation of detection items that pass the item's detection item and field name conditions.</summary>
internal abstract record DetectionItemTransformation : Transformation
{
    public override SigmaRuleBase Apply(SigmaRuleBase rule, ProcessingContext context)
    {
        switch (rule)
        {
            case SigmaRule r when Rewrite(r.Detection, context) is { } detection:
                return r with { Detection = detection };
            case SigmaFilter f when Rewrite(f.Detection, context) is { } detection:
                return f with { Detection = detection };
            default:
                return rule;
        }
    }

    /// <summary>The rewritten identifiers, or null when nothing changed (the common case: no allocation then).</summary>
    private EquatableArray<SearchIdentifier>? Rewrite(EquatableArray<SearchIdentifier> detection, ProcessingContext context)
    {
        SearchIdentifier[]? result = null;
        for (var i = 0; i < detection.Count; i++)
        {
            var original = detection[i].Definition;
            var definition = Rewrite(original, context) ?? new DetectionGroup(EquatableArray<DetectionNode>.Empty, Linking.And, original.Position);
            if (ReferenceEquals(definition, original))
            {
                if (result is not null)
                {
                    result[i] = detection[i];
                }

                continue;
            }

            if (result is null)
            {
                result = new SearchIdentifier[detection.Count];
                for (var j = 0; j < i; j++)
                {
                    result[j] = detection[j];
                }
            }

            result[i] = detection[i] with { Definition = definition };
        }

        if (result is null)
        {
            return null;
        }

        return new EquatableArray<SearchIdentifier>(System.Collections.Immutable.ImmutableArray.Create(result));
    }

    private DetectionNode? Rewrite(DetectionNode node, ProcessingContext context)
    {
        switch (node)
        {
            case DetectionGroup group:
                List<DetectionNode>? items = null;
                for (var i = 0; i < group.Items.Count; i++)
                {
                    var child = group.Items[i];
                    var rewritten = Rewrite(child, context);
                    if (items is null && ReferenceEquals(rewritten, child))
                    {
                        continue;
                    }

                    items ??= [.. group.Items.Take(i)];
                    if (rewritten is not null)
                    {
                        items.Add(rewritten);
                    }
                }

                return items is null ? group : group with { Items = items.ToEquatableArray() };
            case DetectionItem item when context.Item.MatchesDetectionItem(item, context):
                var result = ApplyItem(item, context);
                if (result is not null && !ReferenceEquals(result, item))
                {
                    context.MarkItem(result, item);
                    if (result is DetectionGroup produced)
                    {
                        foreach (var child in DetectionItems.Of(produced))
                        {
                            context.MarkItem(child, item);
                        }
                    }
                }

                return result;
            default:
                return node;
        }
    }

    /// <summary>The item itself when unchanged, a new item or group when changed, null to drop it.</summary>
    protected abstract DetectionNode? ApplyItem(DetectionItem item, ProcessingContext context);
}

/// <summary>A transformation of the values of detection items (pySigma's ValueTransformation).</summary>
internal abstract record ValueTransformation : DetectionItemTransformation
{
    protected override DetectionNode? ApplyItem(DetectionItem item, ProcessingContext context)
    {
        List<SigmaValue>? values = null;
        for (var i = 0; i < item.Values.Count; i++)
        {
            var replaced = ApplyValue(item.Field, item.Values[i], item, context);
            if (replaced is null)
            {
                values?.Add(item.Values[i]);
                continue;
            }

            values ??= [.. item.Values.Take(i)];
            values.AddRange(replaced);
        }

        return values is null ? item : item with { Values = values.ToEquatableArray() };
    }

    /// <summary>The values replacing <paramref name="value"/> (none to drop it), or null to leave it.</summary>
    protected abstract IReadOnlyList<SigmaValue>? ApplyValue(string? field, SigmaValue value, DetectionItem item, ProcessingContext context);
}

/// <summary>A value transformation on strings only (pySigma's StringValueTransformation).</summary>
internal abstract record StringValueTransformation : ValueTransformation
{
    protected override IReadOnlyList<SigmaValue>? ApplyValue(string? field, SigmaValue value, DetectionItem item, ProcessingContext context) =>
        value is SigmaString s && ApplyString(s, item, context) is { } replaced ? [replaced] : null;

    protected abstract SigmaValue? ApplyString(SigmaString value, DetectionItem item, ProcessingContext context);
}
