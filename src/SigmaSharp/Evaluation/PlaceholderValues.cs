using SigmaSharp.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

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
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            error = EvaluationFacts.InvalidPlaceholderFile(At(fileName, ex.Start), ex.Message);
            return false;
        }
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0)
        {
            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                error = EvaluationFacts.InvalidPlaceholderFile(At(fileName, stream.Documents[0].RootNode.Start), "expected a map of name: value or name: [values]");
                return false;
            }
            foreach (var (key, value) in root.Children)
            {
                if (key is not YamlScalarNode { Value: { Length: > 0 } name })
                {
                    error = EvaluationFacts.InvalidPlaceholderFile(At(fileName, key.Start), "a placeholder name must be a non-empty text");
                    return false;
                }
                string[]? list = value switch
                {
                    YamlScalarNode { Value: { } one } => [one],
                    YamlSequenceNode seq when seq.Children.All(c => c is YamlScalarNode { Value: not null }) =>
                        [.. seq.Children.Cast<YamlScalarNode>().Select(c => c.Value!)],
                    _ => null,
                };
                if (list is null || !map.TryAdd(name, list))
                {
                    error = EvaluationFacts.InvalidPlaceholderFile(
                        At(fileName, list is null ? value.Start : key.Start),
                        list is null ? $"'{name}' must be a text or a list of texts" : $"'{name}' is given twice");
                    return false;
                }
            }
        }
        values = new PlaceholderValues(map);
        error = null;
        return true;
    }

    private static SourcePosition At(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);
}
