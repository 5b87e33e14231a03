using System.Collections.Immutable;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Pipelines.Processing;

/// <summary>Reads the <c>type</c> and parameters of one transformation.</summary>
internal sealed class TransformationReader(PipelineYamlValues values, string file)
{
    private static readonly string[] ItemKeys =
    [
        "id", "type", "rule_conditions", "rule_cond_op", "rule_cond_not", "rule_cond_expr",
        "detection_item_conditions", "detection_item_cond_op", "detection_item_cond_not", "detection_item_cond_expr",
        "field_name_conditions", "field_name_cond_op", "field_name_cond_not", "field_name_cond_expr",
    ];

    private static readonly string[] Known =
    [
        "field_name_mapping", "field_name_prefix_mapping", "field_name_prefix", "field_name_suffix", "field_name_transform",
        "drop_detection_item", "hashes_fields", "add_condition", "change_logsource", "add_field", "remove_field", "set_field",
        "replace_string", "map_string", "set_state", "regex", "set_value", "convert_type", "rule_failure",
        "detection_item_failure", "set_custom_attribute", "value_placeholders", "wildcard_placeholders",
        "query_expression_placeholders", "case", "nest",
    ];

    private static readonly string[] PythonOnly = ["extract_fields", "file_placeholders", "http_placeholders", "command_placeholders", "strict_field_mapping_failure"];

    public Transformation? Read(YamlMapping map)
    {
        var type = values.String(map, "type", required: true);
        if (type is null)
        {
            return null;
        }

        string[] parameters;
        Transformation? result;
        switch (type)
        {
            case "field_name_mapping":
                parameters = ["mapping"];
                result = new FieldMappingTransformation(values.StringListMap(map, "mapping").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
                break;
            case "field_name_prefix_mapping":
                parameters = ["mapping"];
                result = new FieldPrefixMappingTransformation(values.StringListMap(map, "mapping"));
                break;
            case "field_name_prefix":
                parameters = ["prefix"];
                result = new FieldAffixTransformation(values.String(map, "prefix", required: true) ?? string.Empty, string.Empty);
                break;
            case "field_name_suffix":
                parameters = ["suffix"];
                result = new FieldAffixTransformation(string.Empty, values.String(map, "suffix", required: true) ?? string.Empty);
                break;
            case "field_name_transform":
                parameters = ["transform_func", "mapping"];
                var function = values.String(map, "transform_func", required: true);
                if (function is not (null or "lower" or "upper" or "snake_case"))
                {
                    values.Error(map["transform_func"]!.Position, $"'transform_func' must be lower, upper or snake_case (Python functions cannot be used), found '{function}'");
                }

                result = new FieldCaseTransformation(function ?? "lower", values.StringListMap(map, "mapping", required: false).ToDictionary(p => p.Key, p => (p.Value.Count > 0 ? p.Value[0] : p.Key), StringComparer.Ordinal));
                break;
            case "drop_detection_item":
                parameters = [];
                result = new DropDetectionItemTransformation();
                break;
            case "hashes_fields":
                parameters = ["valid_hash_algos", "field_prefix", "drop_algo_prefix", "field_to_parse"];
                var fields = values.StringList(map, "field_to_parse");
                result = new HashesFieldsTransformation(values.StringList(map, "valid_hash_algos", required: true), values.String(map, "field_prefix") ?? string.Empty, values.Bool(map, "drop_algo_prefix", false), fields.Count == 0 ? ["Hashes", "Hash"] : fields);
                break;
            case "add_condition":
                parameters = ["conditions", "template", "negated"];
                var selection = values.Map(map, "conditions") is { } conditions ? Selection(conditions) : null;
                result = selection is null ? null : new AddConditionTransformation(selection, values.Bool(map, "negated", false), values.Bool(map, "template", false));
                break;
            case "change_logsource":
                parameters = ["category", "product", "service"];
                result = new ChangeLogSourceTransformation(values.String(map, "category"), values.String(map, "product"), values.String(map, "service"));
                break;
            case "add_field" or "remove_field" or "set_field":
                var key = type == "set_field" ? "fields" : "field";
                parameters = [key];
                result = new FieldListTransformation(type[..type.IndexOf('_', StringComparison.Ordinal)], values.StringList(map, key, required: true));
                break;
            case "replace_string":
                parameters = ["regex", "replacement", "skip_special", "interpret_special"];
                var regex = values.Regex(map, "regex");
                var replacement = PythonReplacement(values.String(map, "replacement", required: true) ?? string.Empty);
                result = regex is null ? null : new ReplaceStringTransformation(regex, replacement, values.Bool(map, "skip_special", false));
                break;
            case "map_string":
                parameters = ["mapping"];
                result = new MapStringTransformation(values.StringListMap(map, "mapping").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
                break;
            case "set_state":
                parameters = ["key", "val"];
                var stateKey = values.String(map, "key", required: true);
                result = stateKey is null ? null : new SetStateTransformation(stateKey, map["val"] switch { YamlScalar v => v.Value, YamlSequence list => values.StringList(list, "val"), _ => null });
                break;
            case "regex":
                parameters = ["method"];
                var method = values.String(map, "method") ?? "ignore_case_brackets";
                if (method is not ("ignore_case_brackets" or "ignore_case_flag"))
                {
                    values.Error(map["method"]!.Position, $"'method' must be ignore_case_brackets or ignore_case_flag, found '{method}'");
                }

                result = new RegexTransformation(method);
                break;
            case "set_value":
                parameters = ["value", "force_type"];
                result = map["value"] is YamlScalar scalar ? new SetValueTransformation(SetValue(scalar, values.String(map, "force_type"))) : null;
                if (result is null)
                {
                    values.Error(map["value"]?.Position ?? map.Position, "parameter 'value' must be a single value");
                }

                break;
            case "convert_type":
                parameters = ["target_type"];
                var target = values.String(map, "target_type", required: true);
                if (target is not (null or "str" or "num"))
                {
                    values.Error(map["target_type"]!.Position, $"'target_type' must be 'str' or 'num', found '{target}'");
                }

                result = new ConvertTypeTransformation(target ?? "str");
                break;
            case "rule_failure":
                parameters = ["message"];
                result = new RuleFailureTransformation(values.String(map, "message", required: true) ?? string.Empty);
                break;
            case "detection_item_failure":
                parameters = ["message"];
                result = new DetectionItemFailureTransformation(values.String(map, "message", required: true) ?? string.Empty);
                break;
            case "set_custom_attribute":
                parameters = ["attribute", "value"];
                result = new SetCustomAttributeTransformation(values.String(map, "attribute", required: true) ?? string.Empty, values.String(map, "value", required: true) ?? string.Empty);
                break;
            case "value_placeholders" or "wildcard_placeholders":
                parameters = ["include", "exclude"];
                var (include, exclude) = (values.StringList(map, "include"), values.StringList(map, "exclude"));
                result = type == "value_placeholders" ? new ValuePlaceholdersTransformation(include, exclude) : new WildcardPlaceholdersTransformation(include, exclude);
                break;
            case "query_expression_placeholders":
                parameters = ["expression", "mapping", "include", "exclude"];
                result = new QueryExpressionPlaceholdersTransformation(
                    values.String(map, "expression", required: true) ?? string.Empty,
                    values.StringListMap(map, "mapping", required: false).ToDictionary(p => p.Key, p => (p.Value.Count > 0 ? p.Value[0] : p.Key), StringComparer.Ordinal),
                    values.StringList(map, "include"),
                    values.StringList(map, "exclude"));
                break;
            case "case":
                parameters = ["method"];
                var caseMethod = values.String(map, "method") ?? "lower";
                if (caseMethod is not ("lower" or "upper" or "snake_case"))
                {
                    values.Error(map["method"]!.Position, $"'method' must be lower, upper or snake_case, found '{caseMethod}'");
                }

                result = new CaseTransformation(caseMethod);
                break;
            case "nest":
                parameters = ["items"];
                result = map["items"] is YamlSequence nested
                    ? new NestedTransformation([.. nested.Items.Select(i => PipelineReader.ReadItem(i, values, this)).OfType<ProcessingItem>()])
                    : null;
                if (result is null)
                {
                    values.Error(map["items"]?.Position ?? map.Position, "parameter 'items' must be a list of transformations");
                }

                break;
            default:
                values.Error(map["type"]!.Position, PythonOnly.Contains(type)
                    ? $"transformation '{type}' needs Python code or external resources and is not supported"
                    : $"unknown transformation type '{type}'; known: {string.Join(", ", Known)}");
                return null;
        }

        values.CheckKeys(map, ItemKeys.Concat(parameters), $"transformation '{type}'");
        return result;
    }

    /// <summary>The <c>conditions</c> map of add_condition parsed like a rule's selection; a null key is a keyword.</summary>
    private DetectionNode? Selection(YamlMapping conditions)
    {
        var items = new List<DetectionNode>();
        var fieldEntries = new List<KeyValuePair<YamlScalar, YamlNode>>();
        foreach (var entry in conditions.Entries)
        {
            if (ScalarResolver.IsNull(entry.Key))
            {
                var keywords = values.StringList(entry.Value, "conditions");
                items.Add(new DetectionItem(null, EquatableArray<Modifier>.Empty, keywords.Select(k => (SigmaValue)SigmaString.Parse(k)).ToEquatableArray(), keywords.Select(k => (string?)k).ToEquatableArray(), Linking.Or, false, entry.Key.Position));
            }
            else
            {
                fieldEntries.Add(entry);
            }
        }

        if (fieldEntries.Count > 0)
        {
            var name = new YamlScalar("_cond", ScalarStyle.Plain, null, conditions.Position);
            var wrapper = new YamlMapping(
                [new(name, new YamlMapping(fieldEntries, conditions.Position)), new(new YamlScalar("condition", ScalarStyle.Plain, null, conditions.Position), new YamlScalar("_cond", ScalarStyle.Plain, null, conditions.Position))],
                conditions.Position);
            var context = new DocumentContext(file);
            var parsed = DetectionParser.Parse(wrapper, context, new HashSet<string>(["condition"], StringComparer.Ordinal));
            foreach (var diagnostic in context.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                values.Diagnostics.Add(ProcessingFacts.BadPipeline(diagnostic.Position, "add_condition: " + diagnostic.Message));
            }

            if (parsed is null || parsed.Identifiers.Count == 0)
            {
                return null;
            }

            var definition = parsed.Identifiers[0].Definition;
            items.AddRange(definition is DetectionGroup { Linking: Linking.And } group ? group.Items : [definition]);
        }

        return items.Count == 1 ? items[0] : new DetectionGroup(items.ToImmutableArray(), Linking.And, conditions.Position);
    }

    private static SigmaValue SetValue(YamlScalar scalar, string? forceType) => forceType switch
    {
        "str" => SigmaString.Parse(scalar.Value),
        "num" when decimal.TryParse(scalar.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) => new SigmaNumber(n, scalar.Value, !scalar.Value.Contains('.', StringComparison.Ordinal)),
        _ => ScalarResolver.Resolve(scalar),
    };

    /// <summary>Python's <c>\1</c> group references become .NET's <c>$1</c>; a literal <c>$</c> is doubled.</summary>
    private static string PythonReplacement(string replacement)
    {
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c == '$')
            {
                result.Append("$$");
            }
            else if (c == '\\' && i + 1 < replacement.Length && char.IsAsciiDigit(replacement[i + 1]))
            {
                result.Append("${").Append(replacement[++i]).Append('}');
            }
            else if (c == '\\' && i + 1 < replacement.Length && replacement[i + 1] == '\\')
            {
                result.Append('\\');
                i++;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
