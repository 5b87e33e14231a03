using System.Collections.Frozen;
using SigmaSharp.Rules;
using SigmaSharp.Parsing;

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
            var length = new FileInfo(path).Length;
            if (length > YamlBudgets.Default.MaxFileBytes)
            {
                mapping = null;
                error = new FieldMappingError(new SourcePosition(path, 0, 0), DiagnosticFacts.FileTooLarge(new SourcePosition(path, 0, 0), length, YamlBudgets.Default.MaxFileBytes).Message);
                return false;
            }
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
        // The rule files' reader, with their budgets (nesting, nodes, aliases); YamlDotNet's exceptions come back as errors.
        var (documents, yamlError) = YamlTreeReader.Read(yaml, fileName, YamlBudgets.Default);
        if (yamlError is not null)
        {
            error = new FieldMappingError(yamlError.Position, yamlError.Code == "SIG100" ? yamlError.Message : $"{yamlError.Code}: {yamlError.Message}");
            return false;
        }
        if (documents.Count == 0 || documents[0].Root is not { } root)
        {
            mapping = Empty;
            error = null;
            return true;
        }
        if (root is YamlMapping { Entries.Count: 1 } wrapper && wrapper.Entries[0].Key.Value == "fieldmappings")
        {
            root = wrapper.Entries[0].Value;
        }
        if (root is not YamlMapping entries)
        {
            error = new FieldMappingError(root.Position, "a field mapping must be a map of field: name or field: [names]");
            return false;
        }
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in entries.Entries)
        {
            var field = key.Value;
            if (field.Length == 0)
            {
                error = new FieldMappingError(key.Position, "a mapped field name must be a non-empty text");
                return false;
            }
            if (map.ContainsKey(field))
            {
                error = new FieldMappingError(key.Position, $"'{field}' is mapped twice");
                return false;
            }
            if (Alternatives(value) is not { } alternatives)
            {
                error = new FieldMappingError(value.Position, $"'{field}' must map to a name or a list of names");
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
        YamlScalar { Value.Length: > 0 } name => [name.Value],
        YamlSequence { Items.Count: > 0 } list when list.Items.All(c => c is YamlScalar { Value.Length: > 0 }) =>
            [.. list.Items.Cast<YamlScalar>().Select(c => c.Value)],
        _ => null,
    };
}

/// <summary>Why a field mapping file could not be read, and where.</summary>
public sealed record FieldMappingError(SourcePosition Position, string Message)
{
    public override string ToString() => $"{Position}: {Message}";
}
