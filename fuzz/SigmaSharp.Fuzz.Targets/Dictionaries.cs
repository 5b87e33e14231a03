namespace SigmaSharp.Fuzz.Targets;

/// <summary>Tokens of the grammars under test, spliced into inputs by the mutator.</summary>
internal static class Dictionaries
{
    public static readonly byte[][] Yaml = FuzzInput.Tokens(
        ": ", "- ", "\n", "\n  ", "\n    - ", "---\n", "...\n", "&a ", "*a", "<<: *a", "|\n", ">\n", "'", "\"", "{", "}", "[", "]",
        ", ", "? ", "!!binary ", "!!str ", "!!int ", "!!map ", "%YAML 1.2\n", "~", "null", "true", "false", "0x1F", "1e9", "-1",
        "# c\n", "\t", "\\", "*", "?", "%placeholder%", "\\*", "\\\\");

    public static readonly byte[][] Rule = [.. Yaml, .. FuzzInput.Tokens(
        "title: t\n", "id: ", "status: ", "experimental", "test", "stable", "logsource:\n", "category: ", "product: ", "service: ",
        "windows", "process_creation", "detection:\n", "condition: ", "selection", "filter", "selection:\n", "keywords:\n",
        "fields:\n", "falsepositives:\n", "level: ", "high", "tags:\n", "attack.t1059", "references:\n", "author: ", "date: ",
        "2024-01-01", "modified: ", "related:\n", "type: ", "derived", "correlation:\n", "rules:\n", "group-by:\n", "timespan: ",
        "5m", "1h", "event_count", "value_count", "temporal", "temporal_ordered", "value_sum", "value_avg", "value_percentile",
        "gte: ", "field: ", "generate: ", "filter:\n", "name: ", "action: ", "global", "reset", "repeat", "aliases:\n",
        "Image|endswith: ", "CommandLine|contains|all: ", "|contains", "|startswith", "|endswith", "|all", "|base64",
        "|base64offset", "|utf16le", "|utf16be", "|wide", "|utf16", "|windash", "|re", "|re|i", "|re|m", "|re|s", "|cidr",
        "|exists", "|expand", "|fieldref", "|gt", "|gte", "|lt", "|lte", "|neq", "|cased", "|minute", "|hour", "|day",
        "|week", "|month", "|year", " and ", " or ", "not ", "1 of ", "all of ", "any of ", "them", "selection*", "(", ")",
        " | count() by ", " > 3", " near ", "10.0.0.0/8", "::1/128", "(?i)", ".*", "[a-z]+", "(a+)+$"), ];

    public static readonly byte[][] Condition = FuzzInput.Tokens(
        " and ", " or ", "not ", "1 of ", "all of ", "any of ", "2 of ", "them", "(", ")", "selection", "filter", "sel*", "*",
        "sel_1", " | ", "count()", "count(User)", " by ", "Host", " > ", " >= ", " < ", " = ", " 5", "min(x)", "max(x)", "sum(x)",
        "avg(x)", " near ", "selection and not filter", "((((", "))))", "\t", "'", "\"", "keywords");

    public static readonly byte[][] Pipeline = [.. Yaml, .. FuzzInput.Tokens(
        "name: p\n", "priority: ", "100", "transformations:\n", "postprocessing:\n", "finalizers:\n", "vars:\n", "allowed_backends:\n",
        "- id: x\n  type: ", "type: ", "field_name_mapping", "field_name_prefix_mapping", "field_name_prefix", "field_name_suffix",
        "field_name_transform", "add_condition", "add_field", "change_logsource", "convert_type", "detection_item_failure",
        "drop_detection_item", "hashes_fields", "map_string", "nest", "query_expression_placeholders", "replace_string",
        "rule_failure", "set_custom_attribute", "set_state", "set_value", "value_placeholders", "wildcard_placeholders",
        "case", "mapping:\n", "prefix: ", "suffix: ", "regex: ", "replacement: ", "include: ", "exclude: ", "fields:\n",
        "conditions:\n", "rule_conditions:\n", "rule_cond_op: ", "rule_cond_not: ", "detection_item_conditions:\n",
        "field_name_conditions:\n", "field_name_cond_not: ", "logsource", "contains_detection_item", "contains_field",
        "contains_wildcard", "include_fields", "exclude_fields", "is_null", "is_sigma_rule", "is_sigma_correlation_rule",
        "match_string", "match_value", "processing_item_applied", "processing_state", "rule_attribute", "tag", "cond: ",
        "method: ", "mode: ", "op: ", "str", "val: ", "value: ", "key: ", "message: ", "target_type: ", "transform_func: ",
        "lower", "upper", "snake_case", "and", "or", "not", "rule_conditions_expression: ", "cond1 and not cond2", "$var",
        "\\1", "(.*)", "(?<n>x)", "^(a|a)*$"), ];

    public static readonly byte[][] LegacyConfig = [.. Yaml, .. FuzzInput.Tokens(
        "title: c\n", "order: ", "20", "backends:\n", "fieldmappings:\n", "logsources:\n", "defaultindex: ", "index: ",
        "conditions:\n", "rewrite:\n", "logsourcemerging: ", "or", "and", "product: ", "category: ", "service: ", "search",
        "placeholders:\n", "timestamp", "EventID: ", "Image: ", "- winlog.event_data.Image\n"), ];

    public static readonly byte[][] Json = FuzzInput.Tokens(
        "{", "}", "[", "]", "\"", ":", ",", "\n", "true", "false", "null", "0", "-0", "1e999", "1.5E-3", "123456789012345678901234567890",
        "\\u0000", "\\ud800", "\\\"", "\\\\", "\"Event\":", "\"EventData\":", "\"System\":", "\"EventID\":", "\"Image\":",
        "\"@timestamp\":", "\"2024-01-01T00:00:00Z\"", "[[[[[[[[", "{\"a\":{\"a\":{\"a\":", "\u00e9", " ", "\r\n");

    public static readonly byte[][] JsonBytes = [.. Json, [0xEF, 0xBB, 0xBF], [0x1F, 0x8B], [0xC3], [0xFF], [0xED, 0xA0, 0x80]];

    public static readonly byte[][] Evtx =
    [
        "ElfFile\0"u8.ToArray(), "ElfChnk\0"u8.ToArray(), [0x2A, 0x2A, 0x00, 0x00], [0x0F, 0x01, 0x01, 0x00], [0x0C, 0x01],
        [0x0D], [0x0E], [0x01], [0x41], [0x02], [0x03], [0x04], [0x05], [0x06], [0x00], [0xFF, 0xFF, 0xFF, 0xFF],
        [0x00, 0x02, 0x00, 0x00], [0x00, 0x00, 0x01, 0x00], [0x21, 0x00], [0x81, 0x00], [0x01, 0x00, 0x00, 0x00],
    ];
}
