using System.Globalization;
using System.Text.RegularExpressions;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Pipelines.Processing;

/// <summary>Typed reads of pipeline YAML parameters; every wrong type or missing value is reported with its position.</summary>
internal sealed class PipelineYamlValues
{
    public List<SigmaDiagnostic> Diagnostics { get; } = [];

    public void Error(SourcePosition at, string message) => Diagnostics.Add(ProcessingFacts.BadPipeline(at, message));

    public string? String(YamlMapping map, string key, bool required = false)
    {
        switch (map[key])
        {
            case null:
                if (required)
                {
                    Error(map.Position, $"missing parameter '{key}'");
                }

                return null;
            case YamlScalar scalar when ScalarResolver.IsNull(scalar) && !required:
                return null;
            case YamlScalar scalar:
                return scalar.Value;
            case var node:
                Error(node.Position, $"'{key}' must be a single value, found {node.KindName}");
                return null;
        }
    }

    public bool Bool(YamlMapping map, string key, bool fallback)
    {
        switch (map[key])
        {
            case null:
                return fallback;
            case YamlScalar { Value: "true" or "True" or "yes" or "on" }:
                return true;
            case YamlScalar { Value: "false" or "False" or "no" or "off" }:
                return false;
            case var node:
                Error(node.Position, $"'{key}' must be true or false, found {Describe(node)}");
                return fallback;
        }
    }

    public int Int(YamlMapping map, string key, int fallback)
    {
        switch (map[key])
        {
            case null:
                return fallback;
            case YamlScalar scalar when int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value):
                return value;
            case var node:
                Error(node.Position, $"'{key}' must be an integer, found {Describe(node)}");
                return fallback;
        }
    }

    /// <summary>A list of strings; a single scalar counts as a one-item list (as pySigma accepts it).</summary>
    public List<string> StringList(YamlMapping map, string key, bool required = false)
    {
        var node = map[key];
        if (node is null)
        {
            if (required)
            {
                Error(map.Position, $"missing parameter '{key}'");
            }

            return [];
        }

        return StringList(node, key);
    }

    public List<string> StringList(YamlNode node, string what)
    {
        switch (node)
        {
            case YamlScalar scalar:
                return [scalar.Value];
            case YamlSequence sequence:
                var result = new List<string>();
                foreach (var item in sequence.Items)
                {
                    if (item is YamlScalar s)
                    {
                        result.Add(s.Value);
                    }
                    else
                    {
                        Error(item.Position, $"the items of '{what}' must be single values, found {item.KindName}");
                    }
                }

                return result;
            default:
                Error(node.Position, $"'{what}' must be a value or a list of values, found {node.KindName}");
                return [];
        }
    }

    /// <summary>A map of name → one or several strings, in file order.</summary>
    public List<KeyValuePair<string, IReadOnlyList<string>>> StringListMap(YamlMapping map, string key, bool required = true)
    {
        var result = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        switch (map[key])
        {
            case null when required:
                Error(map.Position, $"missing parameter '{key}'");
                break;
            case null:
                break;
            case YamlMapping mapping:
                foreach (var (name, value) in mapping.Entries)
                {
                    // A key given twice: the last value wins, in the first one's place, as PyYAML (so pySigma) reads it.
                    var entry = new KeyValuePair<string, IReadOnlyList<string>>(name.Value, StringList(value, key + "." + name.Value));
                    var earlier = result.FindIndex(e => e.Key == name.Value);
                    if (earlier >= 0)
                    {
                        result[earlier] = entry;
                    }
                    else
                    {
                        result.Add(entry);
                    }
                }

                break;
            case var node:
                Error(node.Position, $"'{key}' must be a map, found {node.KindName}");
                break;
        }

        return result;
    }

    public YamlMapping? Map(YamlMapping map, string key, bool required = true)
    {
        switch (map[key])
        {
            case YamlMapping mapping:
                return mapping;
            case null when !required:
                return null;
            case null:
                Error(map.Position, $"missing parameter '{key}'");
                return null;
            case var node:
                Error(node.Position, $"'{key}' must be a map, found {node.KindName}");
                return null;
        }
    }

    public Regex? Regex(YamlMapping map, string key, bool required = true, RegexOptions options = RegexOptions.None)
    {
        var text = String(map, key, required);
        return text is null ? null : Compile(text, map[key]!.Position, options);
    }

    public Regex? Compile(string pattern, SourcePosition at, RegexOptions options = RegexOptions.None)
    {
        // Rule values are untrusted: patterns run without backtracking, so no input can make them slow.
        try
        {
            return new Regex(pattern, options | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (ArgumentException e)
        {
            Error(at, $"invalid regular expression '{pattern}': {e.Message}");
            return null;
        }
        catch (NotSupportedException e)
        {
            Error(at, $"regular expression '{pattern}' uses a construct SigmaSharp does not run on untrusted values (backreferences, lookarounds, atomic groups): {e.Message}");
            return null;
        }
    }

    /// <summary>Reports parameters the transformation or condition does not know (pySigma fails on them too).</summary>
    public void CheckKeys(YamlMapping map, IEnumerable<string> known, string what)
    {
        var allowed = known.ToHashSet(StringComparer.Ordinal);
        foreach (var key in map.Entries.Select(e => e.Key).Where(k => !allowed.Contains(k.Value)))
        {
            Error(key.Position, $"unknown parameter '{key.Value}' of {what}; known: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}");
        }
    }

    private static string Describe(YamlNode node) => node is YamlScalar s ? $"'{s.Value}'" : node.KindName;
}
