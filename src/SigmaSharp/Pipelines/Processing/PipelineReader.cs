using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Pipelines.Processing;

/// <summary>
/// Reads a processing pipeline in pySigma's YAML format (name, priority, vars, transformations with their
/// rule/detection item/field name conditions, finalizers). Anything it cannot use — an unknown transformation or
/// parameter, a wrong type, a bad regular expression, an undefined condition in an expression — is a SIG520 error
/// at its file:line:col; nothing is silently ignored.
/// </summary>
internal static class PipelineReader
{
    private static readonly string[] TopLevelKeys = ["name", "priority", "description", "vars", "transformations", "postprocessing", "finalizers", "allowed_backends"];

    public static (ProcessingPipeline? Pipeline, IReadOnlyList<SigmaDiagnostic> Diagnostics) Parse(string text, string file)
    {
        var (documents, error) = YamlTreeReader.Read(text, file, YamlBudgets.Default);
        if (error is not null)
        {
            return (null, [error]);
        }

        if (documents.Count != 1 || documents[0].Root is not YamlMapping root)
        {
            var at = documents.Count > 0 ? documents[0].Position : new SourcePosition(file, 1, 1);
            return (null, [ProcessingFacts.BadPipeline(at, "a pipeline file must hold one YAML document that is a map")]);
        }

        var values = new PipelineYamlValues();
        values.CheckKeys(root, TopLevelKeys, "a pipeline");
        var name = values.String(root, "name") ?? Path.GetFileNameWithoutExtension(file);
        var priority = values.Int(root, "priority", 0);
        var description = values.String(root, "description");
        var vars = values.StringListMap(root, "vars", required: false).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var allowed = values.StringList(root, "allowed_backends");
        var items = new List<ProcessingItem>();
        var transformations = new TransformationReader(values, file);
        switch (root["transformations"])
        {
            case null:
                break;
            case YamlSequence sequence:
                items.AddRange(sequence.Items.Select(i => ReadItem(i, values, transformations)).OfType<ProcessingItem>());
                break;
            case var node:
                values.Error(node.Position, $"'transformations' must be a list, found {node.KindName}");
                break;
        }

        if (root["postprocessing"] is { } postprocessing)
        {
            values.Error(postprocessing.Position, "query postprocessing is not supported yet; use finalizers or an output format");
        }

        var finalizers = ReadFinalizers(root, values);
        if (values.Diagnostics.Count > 0)
        {
            return (null, values.Diagnostics);
        }

        return (new ProcessingPipeline(name, priority, description, items, vars, allowed, finalizers, root.Position), []);
    }

    internal static ProcessingItem? ReadItem(YamlNode node, PipelineYamlValues values, TransformationReader transformations)
    {
        if (node is not YamlMapping map)
        {
            values.Error(node.Position, $"a transformation must be a map, found {node.KindName}");
            return null;
        }

        var id = values.String(map, "id");
        var rule = ReadConditions(map, "rule", values, ConditionReader.Rule);
        var item = ReadConditions(map, "detection_item", values, ConditionReader.DetectionItem);
        var field = ReadConditions(map, "field_name", values, ConditionReader.FieldName);
        var transformation = transformations.Read(map);
        return transformation is null ? null : new ProcessingItem(id, transformation, rule, item, field, map.Position);
    }

    /// <summary>
    /// <c>{kind}_conditions</c> as a list linked by <c>{kind}_cond_op</c> (and/or), or as a map of named conditions
    /// combined by <c>{kind}_cond_expr</c>; <c>{kind}_cond_not</c> negates the result.
    /// </summary>
    private static ConditionExpression<T>? ReadConditions<T>(YamlMapping map, string kind, PipelineYamlValues values, Func<YamlMapping, PipelineYamlValues, T?> read)
        where T : class, IProcessingCondition
    {
        var key = kind == "field_name" ? "field_name_conditions" : kind + "_conditions";
        var prefix = kind == "field_name" ? "field_name_cond" : kind + "_cond";
        var node = map[key];
        var negate = values.Bool(map, prefix + "_not", false);
        var op = values.String(map, prefix + "_op") ?? "and";
        if (op is not ("and" or "or"))
        {
            values.Error(map[prefix + "_op"]!.Position, $"'{prefix}_op' must be 'and' or 'or', found '{op}'");
        }

        var expressionText = values.String(map, prefix + "_expr");
        ConditionExpression<T>? result = null;
        switch (node)
        {
            case null:
                if (expressionText is not null)
                {
                    values.Error(map[prefix + "_expr"]!.Position, $"'{prefix}_expr' needs '{key}' as a map of named conditions");
                }

                break;
            case YamlSequence list when expressionText is null:
                var leaves = list.Items.Select(i => ReadCondition(i, values, read)).OfType<ConditionExpression<T>>().ToList();
                result = op == "or" ? new ConditionAny<T>(leaves) : new ConditionAll<T>(leaves);
                break;
            case YamlMapping named when expressionText is not null:
                var byName = new Dictionary<string, ConditionExpression<T>>(StringComparer.Ordinal);
                foreach (var (name, condition) in named.Entries)
                {
                    if (ReadCondition(condition, values, read) is { } parsed)
                    {
                        byName[name.Value] = parsed;
                    }
                }

                result = ConditionExpressionParser.Parse(expressionText, map[prefix + "_expr"]!.Position, byName, values);
                break;
            default:
                values.Error(node.Position, expressionText is null
                    ? $"'{key}' must be a list of conditions (or a map of named conditions with '{prefix}_expr')"
                    : $"with '{prefix}_expr', '{key}' must be a map of named conditions");
                break;
        }

        return result is not null && negate ? new ConditionNegation<T>(result) : result;
    }

    private static ConditionLeaf<T>? ReadCondition<T>(YamlNode node, PipelineYamlValues values, Func<YamlMapping, PipelineYamlValues, T?> read)
        where T : class, IProcessingCondition
    {
        if (node is not YamlMapping map)
        {
            values.Error(node.Position, $"a condition must be a map with a 'type', found {node.KindName}");
            return null;
        }

        return read(map, values) is { } condition ? new ConditionLeaf<T>(condition) : null;
    }

    private static List<Finalizer> ReadFinalizers(YamlMapping root, PipelineYamlValues values)
    {
        var result = new List<Finalizer>();
        if (root["finalizers"] is not { } node)
        {
            return result;
        }

        if (node is not YamlSequence list)
        {
            values.Error(node.Position, $"'finalizers' must be a list, found {node.KindName}");
            return result;
        }

        foreach (var item in list.Items)
        {
            if (item is not YamlMapping map)
            {
                values.Error(item.Position, $"a finalizer must be a map, found {item.KindName}");
                continue;
            }

            switch (values.String(map, "type", required: true))
            {
                case "concat":
                    values.CheckKeys(map, ["type", "separator", "prefix", "suffix"], "finalizer 'concat'");
                    result.Add(new ConcatFinalizer(values.String(map, "separator") ?? "\n", values.String(map, "prefix") ?? string.Empty, values.String(map, "suffix") ?? string.Empty));
                    break;
                case "json":
                    values.CheckKeys(map, ["type", "indent"], "finalizer 'json'");
                    result.Add(new JsonFinalizer(map["indent"] is not null));
                    break;
                case null:
                    break;
                case var type:
                    values.Error(map["type"]!.Position, $"unknown finalizer type '{type}'; known: concat, json");
                    break;
            }
        }

        return result;
    }
}
