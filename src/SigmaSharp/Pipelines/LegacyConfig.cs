using SigmaSharp.Rules;

namespace SigmaSharp.Pipelines;

/// <summary>A scalar of a legacy config (condition value, index): text, and whether YAML wrote it as an integer.</summary>
public sealed record LegacyScalar(string Text, bool IsInteger);

/// <summary>A condition value of a log source: one scalar or a list of them.</summary>
public sealed record LegacyConditionValue(EquatableArray<LegacyScalar> Values, bool IsList);

/// <summary>
/// How one rule field maps to target fields: a simple rename (one target), a fan-out (several targets, OR-linked),
/// or a conditional mapping (targets chosen by other field values of the rule, with an optional default).
/// </summary>
public abstract record LegacyFieldMapping(string Source);

public sealed record SimpleFieldMapping(string Source, string Target) : LegacyFieldMapping(Source);

public sealed record MultiFieldMapping(string Source, EquatableArray<string> Targets) : LegacyFieldMapping(Source);

/// <summary>One <c>field=value: target(s)</c> entry of a conditional mapping.</summary>
public sealed record MappingCondition(string Field, string Value, EquatableArray<string> Targets);

public sealed record ConditionalFieldMapping(string Source, EquatableArray<MappingCondition> Conditions, EquatableArray<string>? Default)
    : LegacyFieldMapping(Source);

/// <summary>A log source definition: what it matches, the conditions and indices it adds, and an optional rewrite.</summary>
public sealed record LegacyLogSource(
    string Name,
    string? Category,
    string? Product,
    string? Service,
    EquatableArray<KeyValuePair<string, LegacyConditionValue>> Conditions,
    EquatableArray<string> Indices,
    string? Search,
    (string? Category, string? Product, string? Service)? Rewrite,
    SourcePosition Position)
{
    /// <summary>Matches when every attribute this definition sets equals the rule's, and it sets at least one.</summary>
    public bool Matches(string? category, string? product, string? service)
    {
        var searched = 0;
        foreach (var (wanted, own) in new[] { (category, Category), (product, Product), (service, Service) })
        {
            if (own is null)
            {
                continue;
            }

            if (wanted is null || wanted != own)
            {
                return false;
            }

            searched++;
        }

        return searched > 0;
    }
}

/// <summary>One legacy sigmac conversion config (the <c>-c</c> files): field mappings, log sources, default index.</summary>
public sealed record LegacyConfig(
    string Name,
    string? Title,
    int? Order,
    EquatableArray<string> Backends,
    string? LogSourceMerging,
    EquatableArray<string> DefaultIndex,
    EquatableArray<LegacyLogSource> LogSources,
    EquatableArray<LegacyFieldMapping> FieldMappings,
    string? DateField)
{
    public LegacyFieldMapping? FindMapping(string field) => FieldMappings.FirstOrDefault(m => m.Source == field);
}
