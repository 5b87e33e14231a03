using System.Collections.Frozen;
using SigmaSharp.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SigmaSharp.Events;

/// <summary>
/// Rule field name → event field name(s), applied when a rule's field is looked up, e.g.
/// <c>Image: NewProcessName</c> or <c>CommandLine: [ProcessCommandLine, process.command_line]</c>.
/// Names compare case-insensitively. A sigmac-style file whose only key is <c>fieldmappings:</c>
/// is read too.
/// </summary>
public sealed class FieldMapping
{
    public static FieldMapping Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    private readonly FrozenDictionary<string, IReadOnlyList<string>> _map;

    public FieldMapping(IReadOnlyDictionary<string, IReadOnlyList<string>> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        _map = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public int Count => _map.Count;

    /// <summary>The event field names to try for <paramref name="ruleField"/>, in order; empty when unmapped.</summary>
    public IReadOnlyList<string> AlternativesFor(string ruleField) =>
        _map.TryGetValue(ruleField, out var alternatives) ? alternatives : [];

    /// <summary>Loads a mapping file; on failure <paramref name="error"/> says where (file:line:col) and why.</summary>
    public static bool TryLoad(string path, out FieldMapping? mapping, out FieldMappingError? error)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            mapping = null;
            error = new FieldMappingError(new SourcePosition(path, 0, 0), ex.Message);
            return false;
        }
        return TryParse(text, path, out mapping, out error);
    }

    public static bool TryParse(string yaml, string fileName, out FieldMapping? mapping, out FieldMappingError? error)
    {
        mapping = null;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            error = new FieldMappingError(Position(fileName, ex.Start), ex.Message);
            return false;
        }
        if (stream.Documents.Count == 0)
        {
            mapping = Empty;
            error = null;
            return true;
        }
        var root = stream.Documents[0].RootNode;
        if (root is YamlMappingNode { Children.Count: 1 } wrapper
            && wrapper.Children.Single() is { Key: YamlScalarNode { Value: "fieldmappings" }, Value: var inner })
        {
            root = inner;
        }
        if (root is not YamlMappingNode entries)
        {
            error = new FieldMappingError(Position(fileName, root.Start), "a field mapping must be a map of field: name or field: [names]");
            return false;
        }
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in entries.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } field })
            {
                error = new FieldMappingError(Position(fileName, key.Start), "a mapped field name must be a non-empty text");
                return false;
            }
            if (map.ContainsKey(field))
            {
                error = new FieldMappingError(Position(fileName, key.Start), $"'{field}' is mapped twice");
                return false;
            }
            if (Alternatives(value) is not { } alternatives)
            {
                error = new FieldMappingError(Position(fileName, value.Start), $"'{field}' must map to a name or a list of names");
                return false;
            }
            map[field] = alternatives;
        }
        mapping = new FieldMapping(map);
        error = null;
        return true;
    }

    private static string[]? Alternatives(YamlNode value) => value switch
    {
        YamlScalarNode { Value: { Length: > 0 } name } => [name],
        YamlSequenceNode { Children.Count: > 0 } list when list.Children.All(c => c is YamlScalarNode { Value.Length: > 0 }) =>
            [.. list.Children.Cast<YamlScalarNode>().Select(c => c.Value!)],
        _ => null,
    };

    private static SourcePosition Position(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);
}

/// <summary>Why a field mapping file could not be read, and where.</summary>
public sealed record FieldMappingError(SourcePosition Position, string Message)
{
    public override string ToString() => $"{Position}: {Message}";
}
