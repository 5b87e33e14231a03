using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Pipelines.Processing;

/// <summary>Reads one processing condition map (<c>type</c> + parameters) of each of the three kinds.</summary>
internal static class ConditionReader
{
    public static RuleCondition? Rule(YamlMapping map, PipelineYamlValues values)
    {
        var type = values.String(map, "type", required: true);
        switch (type)
        {
            case "logsource":
                values.CheckKeys(map, ["type", "category", "product", "service"], "rule condition 'logsource'");
                return new LogSourceCondition(values.String(map, "category"), values.String(map, "product"), values.String(map, "service"));
            case "contains_detection_item":
                values.CheckKeys(map, ["type", "field", "value"], "rule condition 'contains_detection_item'");
                return values.String(map, "field", required: true) is { } field ? new ContainsDetectionItemCondition(field, values.String(map, "value")) : null;
            case "contains_field":
                values.CheckKeys(map, ["type", "field"], "rule condition 'contains_field'");
                return values.String(map, "field", required: true) is { } f ? new ContainsFieldCondition(f) : null;
            case "processing_item_applied":
                values.CheckKeys(map, ["type", "processing_item_id"], "rule condition 'processing_item_applied'");
                return values.String(map, "processing_item_id", required: true) is { } id ? new RuleProcessingItemAppliedCondition(id) : null;
            case "processing_state":
                return State(map, values, "rule") is { } state ? new RuleProcessingStateCondition(state) : null;
            case "is_sigma_rule":
                values.CheckKeys(map, ["type"], "rule condition 'is_sigma_rule'");
                return new IsSigmaRuleCondition();
            case "is_sigma_correlation_rule":
                values.CheckKeys(map, ["type"], "rule condition 'is_sigma_correlation_rule'");
                return new IsSigmaCorrelationRuleCondition();
            case "tag":
                values.CheckKeys(map, ["type", "tag"], "rule condition 'tag'");
                return values.String(map, "tag", required: true) is { } tag ? new RuleTagCondition(tag) : null;
            case "rule_attribute":
                values.CheckKeys(map, ["type", "attribute", "value", "op"], "rule condition 'rule_attribute'");
                var attribute = values.String(map, "attribute", required: true);
                var value = values.String(map, "value", required: true);
                return attribute is null || value is null ? null : new RuleAttributeCondition(attribute, value, Operator(map, values));
            case null:
                return null;
            default:
                Unknown(map, values, type, "rule condition", "logsource, contains_detection_item, contains_field, processing_item_applied, processing_state, is_sigma_rule, is_sigma_correlation_rule, tag, rule_attribute");
                return null;
        }
    }

    public static DetectionItemCondition? DetectionItem(YamlMapping map, PipelineYamlValues values)
    {
        var type = values.String(map, "type", required: true);
        switch (type)
        {
            case "match_string":
                values.CheckKeys(map, ["type", "pattern", "cond", "negate"], "detection item condition 'match_string'");
                var pattern = values.Regex(map, "pattern");
                return pattern is null ? null : new MatchStringCondition(pattern, All(map, values), values.Bool(map, "negate", false));
            case "match_value":
                values.CheckKeys(map, ["type", "value", "cond"], "detection item condition 'match_value'");
                return map["value"] is YamlScalar scalar
                    ? new MatchValueCondition(ScalarResolver.Resolve(scalar), All(map, values))
                    : Missing<DetectionItemCondition>(map, values, "value");
            case "contains_wildcard":
                values.CheckKeys(map, ["type", "cond"], "detection item condition 'contains_wildcard'");
                return new ContainsWildcardCondition(All(map, values));
            case "is_null":
                values.CheckKeys(map, ["type", "cond"], "detection item condition 'is_null'");
                return new IsNullCondition(All(map, values));
            case "processing_item_applied":
                values.CheckKeys(map, ["type", "processing_item_id"], "detection item condition 'processing_item_applied'");
                return values.String(map, "processing_item_id", required: true) is { } id ? new DetectionItemProcessingItemAppliedCondition(id) : null;
            case "processing_state":
                return State(map, values, "detection item") is { } state ? new DetectionItemProcessingStateCondition(state) : null;
            case null:
                return null;
            default:
                Unknown(map, values, type, "detection item condition", "match_string, match_value, contains_wildcard, is_null, processing_item_applied, processing_state");
                return null;
        }
    }

    public static FieldNameCondition? FieldName(YamlMapping map, PipelineYamlValues values)
    {
        var type = values.String(map, "type", required: true);
        switch (type)
        {
            case "include_fields" or "exclude_fields":
                values.CheckKeys(map, ["type", "fields", "mode"], $"field name condition '{type}'");
                var fields = values.StringList(map, "fields", required: true);
                var mode = values.String(map, "mode") ?? "plain";
                if (mode is not ("plain" or "re"))
                {
                    values.Error(map["mode"]!.Position, $"'mode' must be 'plain' or 're', found '{mode}'");
                }

                var patterns = mode == "re" ? fields.Select(f => values.Compile(f, map["fields"]!.Position)).OfType<System.Text.RegularExpressions.Regex>().ToList() : null;
                return new FieldListCondition(fields, patterns, type == "exclude_fields");
            case "processing_item_applied":
                values.CheckKeys(map, ["type", "processing_item_id"], "field name condition 'processing_item_applied'");
                return values.String(map, "processing_item_id", required: true) is { } id ? new FieldNameProcessingItemAppliedCondition(id) : null;
            case "processing_state":
                return State(map, values, "field name") is { } state ? new FieldNameProcessingStateCondition(state) : null;
            case null:
                return null;
            default:
                Unknown(map, values, type, "field name condition", "include_fields, exclude_fields, processing_item_applied, processing_state");
                return null;
        }
    }

    private static ProcessingStateTest? State(YamlMapping map, PipelineYamlValues values, string kind)
    {
        values.CheckKeys(map, ["type", "key", "val", "op"], kind + " condition 'processing_state'");
        var key = values.String(map, "key", required: true);
        var value = values.String(map, "val", required: true);
        return key is null || value is null ? null : new ProcessingStateTest(key, value, Operator(map, values));
    }

    private static string Operator(YamlMapping map, PipelineYamlValues values)
    {
        var op = values.String(map, "op") ?? "eq";
        if (op is not ("eq" or "ne" or "lt" or "lte" or "gt" or "gte"))
        {
            values.Error(map["op"]!.Position, $"'op' must be one of eq, ne, lt, lte, gt, gte; found '{op}'");
        }

        return op;
    }

    private static bool All(YamlMapping map, PipelineYamlValues values)
    {
        var cond = values.String(map, "cond") ?? "any";
        if (cond is not ("any" or "all"))
        {
            values.Error(map["cond"]!.Position, $"'cond' must be 'any' or 'all', found '{cond}'");
        }

        return cond == "all";
    }

    private static T? Missing<T>(YamlMapping map, PipelineYamlValues values, string key)
        where T : class
    {
        values.Error(map[key]?.Position ?? map.Position, $"parameter '{key}' must be a single value");
        return null;
    }

    private static void Unknown(YamlMapping map, PipelineYamlValues values, string type, string what, string known) =>
        values.Error(map["type"]!.Position, $"unknown {what} type '{type}'; known: {known}");
}
