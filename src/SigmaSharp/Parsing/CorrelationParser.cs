using System.Globalization;
using System.Text.RegularExpressions;
using SigmaSharp.Rules;

namespace SigmaSharp.Parsing;

/// <summary>Reads a correlation rule (Sigma correlation rules specification v2.1).</summary>
internal static partial class CorrelationParser
{
    [GeneratedRegex("^([0-9]+)([smhdwMy])$")]
    private static partial Regex TimespanPattern();

    public static CorrelationRule? Parse(YamlMapping map, RuleSource source, DocumentContext context)
    {
        var info = MetadataParser.Parse(map, context);
        var section = context.Map(map, "correlation");
        if (section is null)
        {
            return null;
        }

        var typeText = context.ScalarText(section, "type");
        CorrelationType type = default;
        if (typeText is null)
        {
            context.Report(DiagnosticFacts.MissingAttribute(section.Position, "correlation.type"));
        }
        else if (!CorrelationTypeNames.TryParse(typeText, out type))
        {
            context.Report(DiagnosticFacts.InvalidEnumValue(section["type"]!.Position, "correlation type", typeText,
                Enum.GetValues<CorrelationType>().Select(CorrelationTypeNames.NameOf)));
        }

        var rules = context.ScalarList(section, "rules");
        if (rules.IsEmpty)
        {
            context.Report(DiagnosticFacts.MissingAttribute(section.Position, "correlation.rules"));
        }

        var groupBy = context.ScalarList(section, "group-by");
        var timespanText = context.ScalarText(section, "timespan") ?? context.ScalarText(section, "timeframe");
        var timespan = TimeSpan.Zero;
        if (timespanText is null)
        {
            context.Report(DiagnosticFacts.MissingAttribute(section.Position, "correlation.timespan"));
        }
        else if (!TryParseTimespan(timespanText, out timespan))
        {
            context.Report(DiagnosticFacts.InvalidTimespan((section["timespan"] ?? section["timeframe"])!.Position, timespanText));
        }

        var condition = ParseCondition(section, type, context);
        var aliases = ParseAliases(section, context);
        var generateText = context.ScalarText(section, "generate") ?? context.ScalarText(map, "generate");
        var generate = generateText is not null && ScalarResolver.Resolve(new YamlScalar(generateText, ScalarStyle.Plain, null, section.Position)) is Rules.Values.SigmaBool { Value: true };
        return context.HasErrors
            ? null
            : new CorrelationRule(info, type, rules, groupBy, timespan, timespanText!, condition, aliases, generate, source);
    }

    public static bool TryParseTimespan(string text, out TimeSpan timespan)
    {
        timespan = TimeSpan.Zero;
        var match = TimespanPattern().Match(text);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var n) || n > 100_000_000)
        {
            return false;
        }

        timespan = match.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            "d" => TimeSpan.FromDays(n),
            "w" => TimeSpan.FromDays(7 * n),
            "M" => TimeSpan.FromDays(30 * n),
            _ => TimeSpan.FromDays(365 * n),
        };
        return true;
    }

    private static CorrelationCondition? ParseCondition(YamlMapping section, CorrelationType type, DocumentContext context)
    {
        var needsField = type is CorrelationType.ValueCount or CorrelationType.ValueSum or CorrelationType.ValueAvg or CorrelationType.ValuePercentile;
        var isTemporal = type is CorrelationType.Temporal or CorrelationType.TemporalOrdered;
        var node = section["condition"];
        if (node is null)
        {
            if (!isTemporal)
            {
                context.Report(DiagnosticFacts.MissingAttribute(section.Position, "correlation.condition"));
            }

            return null;
        }

        if (node is not YamlMapping map)
        {
            context.Report(DiagnosticFacts.WrongType(node.Position, "'correlation.condition'", "a map such as {gte: 10}", node.KindName));
            return null;
        }

        string? field = null;
        var thresholds = new List<CorrelationThreshold>();
        foreach (var (key, value) in map.Entries)
        {
            if (key.Value == "field")
            {
                field = value is YamlScalar s ? s.Value : null;
                continue;
            }

            if (!Enum.TryParse<CorrelationOperator>(key.Value, ignoreCase: true, out var op) || key.Value.Any(char.IsUpper))
            {
                context.Report(DiagnosticFacts.InvalidCorrelation(key.Position, $"unknown condition operator '{key.Value}'; expected gt, gte, lt, lte, eq, neq or field"));
                continue;
            }

            if (value is not YamlScalar scalar || !decimal.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                context.Report(DiagnosticFacts.WrongType(value.Position, $"'{key.Value}'", "a number", value.KindName));
                continue;
            }

            thresholds.Add(new CorrelationThreshold(op, number, key.Position));
        }

        if (thresholds.Count == 0)
        {
            context.Report(DiagnosticFacts.InvalidCorrelation(map.Position, "the condition needs a comparison such as gte: 10"));
        }

        if (needsField && field is null)
        {
            context.Report(DiagnosticFacts.InvalidCorrelation(map.Position, "this correlation type needs 'field' in its condition"));
        }

        return new CorrelationCondition(thresholds.ToEquatableArray(), field, map.Position);
    }

    private static EquatableArray<CorrelationAlias> ParseAliases(YamlMapping section, DocumentContext context)
    {
        var map = context.Map(section, "aliases");
        if (map is null)
        {
            return EquatableArray<CorrelationAlias>.Empty;
        }

        var aliases = new List<CorrelationAlias>();
        foreach (var (key, value) in map.Entries)
        {
            if (value is not YamlMapping perRule)
            {
                context.Report(DiagnosticFacts.WrongType(value.Position, $"alias '{key.Value}'", "a map of rule name to field", value.KindName));
                continue;
            }

            var fields = perRule.Entries
                .Select(e => new KeyValuePair<string, string>(e.Key.Value, e.Value is YamlScalar s ? s.Value : string.Empty))
                .ToEquatableArray();
            aliases.Add(new CorrelationAlias(key.Value, fields, key.Position));
        }

        return aliases.ToEquatableArray();
    }
}
