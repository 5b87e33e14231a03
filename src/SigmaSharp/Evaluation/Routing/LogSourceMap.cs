using SigmaSharp.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SigmaSharp.Evaluation.Routing;

/// <summary>
/// Which events each rule log source reads, from YAML (the shipped <c>data/logsources.yml</c>,
/// optionally extended by user files). Later files override: their entries for a
/// product/category/service replace every earlier entry for the same triple.
/// </summary>
/// <remarks>
/// Format: <c>sources:</c> a list of maps with <c>product</c>, <c>category</c>, <c>service</c>
/// (at least category or service), <c>conditions</c> (field: value or [values]; all fields must
/// hold one of their values; compared ignoring case) and optional <c>fields</c> (rule field:
/// event field or [event fields]).
/// </remarks>
public sealed class LogSourceMap
{
    internal const string ResourceName = "SigmaSharp.data.logsources.yml";

    private LogSourceMap(IReadOnlyList<LogSourceRoute> routes) => Routes = routes;

    public static LogSourceMap Empty { get; } = new([]);

    public IReadOnlyList<LogSourceRoute> Routes { get; }

    /// <summary>The map shipped with the library.</summary>
    public static LogSourceMap Default { get; } = LoadShipped();

    /// <summary>The routes that serve a rule's log source (none: the source is unknown to the map).</summary>
    public IReadOnlyList<LogSourceRoute> RoutesFor(LogSource logSource) => [.. Routes.Where(r => r.Serves(logSource))];

    /// <summary>This map with <paramref name="other"/>'s entries added, replacing entries of the same product/category/service.</summary>
    public LogSourceMap Extend(LogSourceMap other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var replaced = other.Routes.Select(Key).ToHashSet();
        return new LogSourceMap([.. Routes.Where(r => !replaced.Contains(Key(r))), .. other.Routes]);
    }

    private static (string?, string?, string?) Key(LogSourceRoute r) =>
        (r.Product?.ToUpperInvariant(), r.Category?.ToUpperInvariant(), r.Service?.ToUpperInvariant());

    public static bool TryLoad(string path, out LogSourceMap? map, out SigmaDiagnostic? error)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > Parsing.YamlBudgets.Default.MaxFileBytes)
            {
                map = null;
                error = DiagnosticFacts.FileTooLarge(new SourcePosition(path, 0, 0), length, Parsing.YamlBudgets.Default.MaxFileBytes);
                return false;
            }
            return TryParse(File.ReadAllText(path), path, out map, out error);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            map = null;
            error = EvaluationFacts.InvalidLogSourceMap(new SourcePosition(path, 0, 0), ex.Message);
            return false;
        }
    }

    public static bool TryParse(string yaml, string fileName, out LogSourceMap? map, out SigmaDiagnostic? error)
    {
        map = null;
        // The rule files' budgeted reader first: YamlStream has no depth or alias limits of its own.
        if (Parsing.YamlTreeReader.Read(yaml, fileName, Parsing.YamlBudgets.Default).Error is { } budget)
        {
            error = budget.Code == "SIG100" ? EvaluationFacts.InvalidLogSourceMap(budget.Position, budget.Message) : budget;
            return false;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            error = EvaluationFacts.InvalidLogSourceMap(At(fileName, ex.Start), ex.Message);
            return false;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet throws these, not YamlException, on some malformed input (found by fuzzing).
            error = EvaluationFacts.InvalidLogSourceMap(new SourcePosition(fileName, 1, 1), ex.Message);
            return false;
        }
        if (stream.Documents.Count == 0)
        {
            map = Empty;
            error = null;
            return true;
        }
        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode rootMap || !rootMap.Children.TryGetValue(new YamlScalarNode("sources"), out var sourcesNode)
            || sourcesNode is not YamlSequenceNode sources)
        {
            error = EvaluationFacts.InvalidLogSourceMap(At(fileName, root.Start), "expected a map with a 'sources:' list");
            return false;
        }
        var routes = new List<LogSourceRoute>();
        foreach (var node in sources)
        {
            if (ReadRoute(node, fileName, out error) is not { } route)
            {
                return false;
            }
            routes.Add(route);
        }
        map = new LogSourceMap(routes);
        error = null;
        return true;
    }

    private static LogSourceRoute? ReadRoute(YamlNode node, string file, out SigmaDiagnostic? error)
    {
        error = null;
        if (node is not YamlMappingNode entry)
        {
            error = EvaluationFacts.InvalidLogSourceMap(At(file, node.Start), "each source must be a map");
            return null;
        }
        string? product = null, category = null, service = null;
        var conditions = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, value) in entry.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "product" or "category" or "service":
                    if (value is not YamlScalarNode { Value: { Length: > 0 } text })
                    {
                        error = EvaluationFacts.InvalidLogSourceMap(At(file, value.Start), $"'{key}' must be a text");
                        return null;
                    }
                    _ = key == "product" ? product = text : key == "category" ? category = text : service = text;
                    break;
                case "conditions" or "fields":
                    if (value is not YamlMappingNode pairs)
                    {
                        error = EvaluationFacts.InvalidLogSourceMap(At(file, value.Start), $"'{key}' must be a map of field: value or [values]");
                        return null;
                    }
                    foreach (var (nameNode, valuesNode) in pairs.Children)
                    {
                        var values = Texts(valuesNode);
                        if (nameNode is not YamlScalarNode { Value: { Length: > 0 } name } || values is null)
                        {
                            error = EvaluationFacts.InvalidLogSourceMap(At(file, values is null ? valuesNode.Start : nameNode.Start),
                                $"entries of '{key}' must be field: value or field: [values]");
                            return null;
                        }
                        if (key == "conditions")
                        {
                            conditions.Add(new(name, values));
                        }
                        else
                        {
                            fields[name] = values;
                        }
                    }
                    break;
                default:
                    error = EvaluationFacts.InvalidLogSourceMap(At(file, keyNode.Start),
                        $"unknown key '{key}' (expected product, category, service, conditions, fields)");
                    return null;
            }
        }
        if (category is null && service is null)
        {
            error = EvaluationFacts.InvalidLogSourceMap(At(file, node.Start), "a source needs a category or a service");
            return null;
        }
        if (conditions.Count == 0)
        {
            error = EvaluationFacts.InvalidLogSourceMap(At(file, node.Start), "a source needs at least one condition");
            return null;
        }
        return new LogSourceRoute(product, category, service, conditions, fields, At(file, node.Start));
    }

    private static string[]? Texts(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { Length: > 0 } one } => [one],
        YamlSequenceNode { Children.Count: > 0 } list when list.Children.All(c => c is YamlScalarNode { Value.Length: > 0 }) =>
            [.. list.Children.Cast<YamlScalarNode>().Select(c => c.Value!)],
        _ => null,
    };

    private static LogSourceMap LoadShipped()
    {
        using var stream = typeof(LogSourceMap).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return TryParse(reader.ReadToEnd(), "data/logsources.yml", out var map, out var error)
            ? map!
            : throw new InvalidOperationException("the shipped log source map is invalid: " + error);
    }

    private static SourcePosition At(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);
}
