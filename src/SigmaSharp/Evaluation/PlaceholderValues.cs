using SigmaSharp.Rules;
using SigmaSharp.Parsing;

namespace SigmaSharp.Evaluation;

/// <summary>
/// Values for <c>%name%</c> placeholders (the <c>expand</c> modifier), read from YAML:
/// <c>name: value</c> or <c>name: [value, ...]</c>. Values are Sigma strings: <c>*</c> and <c>?</c>
/// are wildcards, as pySigma's value-list placeholder transformation reads them.
/// </summary>
public sealed class PlaceholderValues
{
    public static PlaceholderValues Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    private readonly Dictionary<string, IReadOnlyList<string>> _values;

    public PlaceholderValues(IReadOnlyDictionary<string, IReadOnlyList<string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, IReadOnlyList<string>>(values, StringComparer.Ordinal);
    }

    public int Count => _values.Count;

    public bool TryGet(string name, out IReadOnlyList<string> values) =>
        _values.TryGetValue(name, out values!);

    /// <summary>Reads a placeholder file; a bad file gives <paramref name="error"/> with file:line:col.</summary>
    public static bool TryLoad(string path, out PlaceholderValues? values, out SigmaDiagnostic? error)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > YamlBudgets.Default.MaxFileBytes)
            {
                values = null;
                error = DiagnosticFacts.FileTooLarge(new SourcePosition(path, 0, 0), length, YamlBudgets.Default.MaxFileBytes);
                return false;
            }
            return TryParse(File.ReadAllText(path), path, out values, out error);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            values = null;
            error = EvaluationFacts.InvalidPlaceholderFile(new SourcePosition(path, 0, 0), ex.Message);
            return false;
        }
    }

    /// <summary>As <see cref="TryLoad"/>, but a bad file is an <see cref="InvalidDataException"/> with the positioned message.</summary>
    public static PlaceholderValues Load(string path) =>
        TryLoad(path, out var values, out var error) ? values! : throw new InvalidDataException(error!.ToString());

    public static bool TryParse(string yaml, string fileName, out PlaceholderValues? values, out SigmaDiagnostic? error)
    {
        values = null;
        // The rule files' reader, with their budgets: nesting, node and alias limits keep a hostile file from
        // overflowing the stack or memory, and YamlDotNet's own exceptions come back as diagnostics.
        var (documents, yamlError) = YamlTreeReader.Read(yaml, fileName, YamlBudgets.Default);
        if (yamlError is not null)
        {
            error = yamlError.Code == "SIG100" ? EvaluationFacts.InvalidPlaceholderFile(yamlError.Position, yamlError.Message) : yamlError;
            return false;
        }
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (documents.Count > 0 && documents[0].Root is { } rootNode)
        {
            if (rootNode is not YamlMapping root)
            {
                error = EvaluationFacts.InvalidPlaceholderFile(rootNode.Position, "expected a map of name: value or name: [values]");
                return false;
            }
            foreach (var (key, value) in root.Entries)
            {
                if (key.Value.Length == 0)
                {
                    error = EvaluationFacts.InvalidPlaceholderFile(key.Position, "a placeholder name must be a non-empty text");
                    return false;
                }
                string[]? list = value switch
                {
                    YamlScalar one => [one.Value],
                    YamlSequence seq when seq.Items.All(c => c is YamlScalar) => [.. seq.Items.Cast<YamlScalar>().Select(c => c.Value)],
                    _ => null,
                };
                if (list is null || !map.TryAdd(key.Value, list))
                {
                    error = EvaluationFacts.InvalidPlaceholderFile(
                        list is null ? value.Position : key.Position,
                        list is null ? $"'{key.Value}' must be a text or a list of texts" : $"'{key.Value}' is given twice");
                    return false;
                }
            }
        }
        values = new PlaceholderValues(map);
        error = null;
        return true;
    }
}
