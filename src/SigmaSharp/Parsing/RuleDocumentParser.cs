using SigmaSharp.Rules;

namespace SigmaSharp.Parsing;

/// <summary>Turns one (merged) YAML document into a detection rule, correlation rule or filter.</summary>
internal static class RuleDocumentParser
{
    private static readonly HashSet<string> DetectionReserved = new(StringComparer.Ordinal) { "condition", "timeframe" };

    public static SigmaRuleBase? Parse(YamlMapping map, RuleSource source, DocumentContext context)
    {
        if (map["correlation"] is not null)
        {
            return CorrelationParser.Parse(map, source, context);
        }

        if (map["filter"] is not null)
        {
            return FilterParser.Parse(map, source, context);
        }

        if (map["detection"] is null && map["logsource"] is null)
        {
            context.Report(DiagnosticFacts.UnknownDocumentKind(map.Position));
            return null;
        }

        var info = MetadataParser.Parse(map, context);
        var logSource = ParseLogSource(map, context, required: true);
        var detectionMap = context.Map(map, "detection");
        if (detectionMap is null)
        {
            if (map["detection"] is null)
            {
                context.Report(DiagnosticFacts.MissingAttribute(map.Position, "detection"));
            }

            return null;
        }

        var detection = DetectionParser.Parse(detectionMap, context, DetectionReserved);
        if (detection is null || logSource is null || context.HasErrors && info.Title.Length == 0)
        {
            return null;
        }

        return new SigmaRule(info, logSource, detection.Identifiers, detection.Conditions, detection.Timeframe, source);
    }

    public static LogSource? ParseLogSource(YamlMapping map, DocumentContext context, bool required)
    {
        var node = map["logsource"];
        if (node is null)
        {
            if (required)
            {
                context.Report(DiagnosticFacts.MissingAttribute(map.Position, "logsource"));
            }

            return required ? null : LogSource.Empty;
        }

        if (node is not YamlMapping logsource)
        {
            context.Report(DiagnosticFacts.WrongType(node.Position, "'logsource'", "a map", node.KindName));
            return null;
        }

        // Other log source fields are single values too (a list or map is reported, not read as an empty text).
        var custom = logsource.Entries
            .Where(e => e.Key.Value is not ("category" or "product" or "service" or "definition"))
            .Select(e => new KeyValuePair<string, string>(e.Key.Value, context.ScalarText(logsource, e.Key.Value) ?? string.Empty))
            .ToEquatableArray();
        return new LogSource(
            context.ScalarText(logsource, "category"),
            context.ScalarText(logsource, "product"),
            context.ScalarText(logsource, "service"),
            context.ScalarText(logsource, "definition"),
            custom,
            logsource.Position);
    }
}
