using System.Globalization;
using SigmaSharp.Rules;

namespace SigmaSharp.Parsing;

/// <summary>Reads the attributes every kind of rule shares into <see cref="RuleInfo"/>.</summary>
internal static class MetadataParser
{
    /// <summary>Attributes with a meaning of their own; anything else is kept as a custom attribute.</summary>
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "title", "id", "name", "related", "taxonomy", "status", "description", "license", "author", "references",
        "date", "modified", "logsource", "detection", "fields", "falsepositives", "level", "tags", "scope",
        "correlation", "filter", "generate", "action",
    };

    public static RuleInfo Parse(YamlMapping map, DocumentContext context)
    {
        var title = context.ScalarText(map, "title");
        if (title is null)
        {
            context.Report(DiagnosticFacts.MissingAttribute(map.Position, "title"));
        }

        return new RuleInfo(
            Title: title ?? string.Empty,
            Id: context.ScalarText(map, "id"),
            Name: context.ScalarText(map, "name"),
            Related: ParseRelated(map, context),
            Taxonomy: context.ScalarText(map, "taxonomy"),
            Status: ParseEnum<RuleStatus>(map, "status", context),
            Description: context.ScalarText(map, "description"),
            License: context.ScalarText(map, "license"),
            Author: context.ScalarText(map, "author"),
            References: context.ScalarList(map, "references"),
            Date: ParseDate(map, "date", context),
            Modified: ParseDate(map, "modified", context),
            Fields: context.ScalarList(map, "fields"),
            FalsePositives: context.ScalarList(map, "falsepositives"),
            Level: ParseEnum<RuleLevel>(map, "level", context),
            Tags: ParseTags(map, context),
            Scope: context.ScalarList(map, "scope"),
            Custom: map.Entries
                .Where(e => !Known.Contains(e.Key.Value))
                .Select(e => new CustomAttribute(e.Key.Value, DocumentContext.ToPlain(e.Value), e.Key.Position))
                .ToEquatableArray());
    }

    private static EquatableArray<SigmaTag> ParseTags(YamlMapping map, DocumentContext context)
    {
        if (map["tags"] is not YamlSequence sequence)
        {
            return context.ScalarList(map, "tags").Select(t => SigmaTag.Parse(t, map.KeyNode("tags")!.Position)).ToEquatableArray();
        }

        return sequence.Items.OfType<YamlScalar>().Select(s => SigmaTag.Parse(s.Value, s.Position)).ToEquatableArray();
    }

    private static EquatableArray<RelatedRule> ParseRelated(YamlMapping map, DocumentContext context)
    {
        var node = map["related"];
        if (node is null || node is YamlScalar s && ScalarResolver.IsNull(s))
        {
            return EquatableArray<RelatedRule>.Empty;
        }

        if (node is not YamlSequence sequence)
        {
            context.Report(DiagnosticFacts.WrongType(node.Position, "'related'", "a list of {id, type} maps", node.KindName));
            return EquatableArray<RelatedRule>.Empty;
        }

        var related = new List<RelatedRule>();
        foreach (var item in sequence.Items)
        {
            if (item is not YamlMapping entry)
            {
                context.Report(DiagnosticFacts.WrongType(item.Position, "an item of 'related'", "a map with id and type", item.KindName));
                continue;
            }

            var id = context.ScalarText(entry, "id");
            var type = ParseEnum<RelationType>(entry, "type", context);
            if (id is null)
            {
                context.Report(DiagnosticFacts.MissingAttribute(entry.Position, "related.id"));
                continue;
            }

            if (type is null)
            {
                if (entry["type"] is null)
                {
                    context.Report(DiagnosticFacts.MissingAttribute(entry.Position, "related.type"));
                }

                continue;
            }

            related.Add(new RelatedRule(id, type.Value, entry.Position));
        }

        return related.ToEquatableArray();
    }

    internal static TEnum? ParseEnum<TEnum>(YamlMapping map, string key, DocumentContext context)
        where TEnum : struct, Enum
    {
        var text = context.ScalarText(map, key);
        if (text is null)
        {
            return null;
        }

        foreach (var (value, name) in EnumNames<TEnum>.All)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase) && !text.Any(char.IsUpper))
            {
                return value;
            }
        }

        context.Report(DiagnosticFacts.InvalidEnumValue(map[key]!.Position, key, text, Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant())));
        return null;
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd"];

    /// <summary>Each value of an enum with its name, found once (naming an enum value allocates a string each time).</summary>
    private static class EnumNames<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly (TEnum Value, string Name)[] All = Enum.GetValues<TEnum>().Select(v => (v, v.ToString())).ToArray();
    }

    private static SigmaDate? ParseDate(YamlMapping map, string key, DocumentContext context)
    {
        var text = context.ScalarText(map, key);
        if (text is null)
        {
            return null;
        }

        DateOnly? value = DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        return new SigmaDate(text, value, map[key]!.Position);
    }
}
