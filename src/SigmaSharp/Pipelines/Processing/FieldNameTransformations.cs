using SigmaSharp.Rules;

namespace SigmaSharp.Pipelines.Processing;

/// <summary>
/// A transformation of field names: in detection items (an item whose field maps to several names becomes an OR of
/// one item per name) and in the rule's <c>fields:</c> list, wherever the field name conditions hold.
/// </summary>
internal abstract record FieldNameTransformation : DetectionItemTransformation
{
    public override SigmaRuleBase Apply(SigmaRuleBase rule, ProcessingContext context)
    {
        var result = base.Apply(rule, context);
        if (result.Info.Fields.IsEmpty)
        {
            return result;
        }

        List<string>? fields = null;
        for (var i = 0; i < result.Info.Fields.Count; i++)
        {
            var field = result.Info.Fields[i];
            var mapped = context.Item.MatchesFieldName(field, context) ? Map(field) : null;
            if (mapped is null)
            {
                fields?.Add(field);
                continue;
            }

            fields ??= [.. result.Info.Fields.Take(i)];
            fields.AddRange(mapped);
        }

        return fields is null ? result : WithFields(result, fields.ToEquatableArray());
    }

    internal static SigmaRuleBase WithFields(SigmaRuleBase rule, EquatableArray<string> fields)
    {
        var info = rule.Info with { Fields = fields };
        return rule switch
        {
            SigmaRule r => r with { Info = info },
            CorrelationRule c => c with { Info = info },
            SigmaFilter f => f with { Info = info },
            _ => rule,
        };
    }

    protected override DetectionNode? ApplyItem(DetectionItem item, ProcessingContext context)
    {
        item = MapReferences(item, context);
        if (item.Field is null || !context.Item.MatchesFieldName(item.Field, context) || Map(item.Field) is not { } mapped)
        {
            return item;
        }

        foreach (var name in mapped)
        {
            context.MarkField(name);
        }

        if (mapped.Count == 1)
        {
            return item with { Field = mapped[0] };
        }

        return new DetectionGroup(mapped.Select(f => (DetectionNode)(item with { Field = f })).ToEquatableArray(), Linking.Or, item.Position);
    }

    /// <summary>Field references (<c>fieldref</c>) name fields too: they are renamed with the same rule (first name if several).</summary>
    private DetectionItem MapReferences(DetectionItem item, ProcessingContext context)
    {
        var hasReference = false;
        foreach (var value in item.Values)
        {
            hasReference |= value is Rules.Values.SigmaFieldRef;
        }

        if (!hasReference)
        {
            return item;
        }

        var values = item.Values.Select(v => v is Rules.Values.SigmaFieldRef r && context.Item.MatchesFieldName(r.Field, context) && Map(r.Field) is { Count: > 0 } m
            ? r with { Field = m[0] }
            : v).ToEquatableArray();
        return values == item.Values ? item : item with { Values = values };
    }

    /// <summary>The new name(s) of a field, or null when this transformation leaves it.</summary>
    protected abstract IReadOnlyList<string>? Map(string field);
}

/// <summary><c>field_name_mapping</c>: field → field, or field → several fields (OR).</summary>
internal sealed record FieldMappingTransformation(IReadOnlyDictionary<string, IReadOnlyList<string>> Mapping) : FieldNameTransformation
{
    protected override IReadOnlyList<string>? Map(string field) => Mapping.TryGetValue(field, out var target) ? target : null;
}

/// <summary><c>field_name_prefix_mapping</c>: a field starting with a key has that prefix replaced.</summary>
internal sealed record FieldPrefixMappingTransformation(IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Mapping) : FieldNameTransformation
{
    protected override IReadOnlyList<string>? Map(string field)
    {
        foreach (var (prefix, targets) in Mapping)
        {
            if (field.StartsWith(prefix, StringComparison.Ordinal))
            {
                return [.. targets.Select(t => t + field[prefix.Length..])];
            }
        }

        return null;
    }
}

/// <summary><c>field_name_prefix</c> / <c>field_name_suffix</c>.</summary>
internal sealed record FieldAffixTransformation(string Prefix, string Suffix) : FieldNameTransformation
{
    protected override IReadOnlyList<string>? Map(string field) => [Prefix + field + Suffix];
}

/// <summary><c>field_name_transform</c> with a named function (lower, upper, snake_case) instead of Python code.</summary>
internal sealed record FieldCaseTransformation(string Method, IReadOnlyDictionary<string, string> Mapping) : FieldNameTransformation
{
    protected override IReadOnlyList<string>? Map(string field) =>
        Mapping.TryGetValue(field, out var mapped) ? [mapped] : [StringCase.Apply(Method, field)];
}

internal static class StringCase
{
    public static string Apply(string method, string text) => method switch
    {
        "upper" => text.ToUpperInvariant(),
        "snake_case" => SnakeCase(text),
        _ => text.ToLowerInvariant(),
    };

    private static string SnakeCase(string text)
    {
        var result = new System.Text.StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && char.IsUpper(text[i]))
            {
                result.Append('_');
            }

            result.Append(char.ToLowerInvariant(text[i]));
        }

        return result.ToString();
    }
}
