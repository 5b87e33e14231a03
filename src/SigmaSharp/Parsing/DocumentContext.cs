using SigmaSharp.Rules;

namespace SigmaSharp.Parsing;

/// <summary>Collects the diagnostics of one YAML document while it is turned into a rule, and reads typed values.</summary>
internal sealed class DocumentContext(string file)
{
    public string File { get; } = file;

    public List<SigmaDiagnostic> Diagnostics { get; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public void Report(SigmaDiagnostic diagnostic) => Diagnostics.Add(diagnostic);

    /// <summary>A scalar attribute as text; reports a wrong type and returns null.</summary>
    public string? ScalarText(YamlMapping map, string key)
    {
        var node = map[key];
        switch (node)
        {
            case null:
                return null;
            case YamlScalar scalar when ScalarResolver.IsNull(scalar):
                return null;
            case YamlScalar scalar:
                return scalar.Value;
            default:
                Report(DiagnosticFacts.WrongType(node.Position, $"'{key}'", "a single value", node.KindName));
                return null;
        }
    }

    /// <summary>A list of scalars; a single scalar is accepted as a one-item list, as pySigma accepts it.</summary>
    public EquatableArray<string> ScalarList(YamlMapping map, string key)
    {
        var node = map[key];
        switch (node)
        {
            case null:
                return EquatableArray<string>.Empty;
            case YamlScalar scalar when ScalarResolver.IsNull(scalar):
                return EquatableArray<string>.Empty;
            case YamlScalar scalar:
                return new[] { scalar.Value };
            case YamlSequence sequence:
                var items = new List<string>(sequence.Items.Count);
                foreach (var item in sequence.Items)
                {
                    if (item is YamlScalar s)
                    {
                        items.Add(s.Value);
                    }
                    else
                    {
                        Report(DiagnosticFacts.WrongType(item.Position, $"an item of '{key}'", "a single value", item.KindName));
                    }
                }

                return items.ToEquatableArray();
            default:
                Report(DiagnosticFacts.WrongType(node.Position, $"'{key}'", "a list", node.KindName));
                return EquatableArray<string>.Empty;
        }
    }

    public YamlMapping? Map(YamlMapping map, string key)
    {
        var node = map[key];
        switch (node)
        {
            case null:
                return null;
            case YamlMapping mapping:
                return mapping;
            default:
                Report(DiagnosticFacts.WrongType(node.Position, $"'{key}'", "a map", node.KindName));
                return null;
        }
    }

    /// <summary>A YAML node as plain immutable data (string, list, ordered map) for custom attributes, equal by content.</summary>
    public static object? ToPlain(YamlNode node) => node switch
    {
        YamlScalar s when ScalarResolver.IsNull(s) => null,
        YamlScalar s => s.Value,
        YamlSequence q => q.Items.Select(ToPlain).ToEquatableArray(),
        YamlMapping m => m.Entries.Select(e => new KeyValuePair<string, object?>(e.Key.Value, ToPlain(e.Value))).ToEquatableArray(),
        _ => null,
    };
}
