using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using SigmaSharp.Conversion;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Pipelines;

/// <summary>
/// Reads legacy sigmac conversion configs: by name from the configs SigmaSharp ships (data/configs/*.yml),
/// or from a file. A bad config gives diagnostics with file:line:col, never an exception.
/// </summary>
public static class LegacyConfigLoader
{
    private const string ResourcePrefix = "data.configs.";

    /// <summary>Names of the configs shipped with the library, e.g. <c>winlogbeat</c>, <c>splunk-windows</c>.</summary>
    public static IReadOnlyList<string> ShippedNames =>
        [.. EmbeddedNames().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Loads a shipped config by name only, never from the file system (for names from untrusted input).</summary>
    public static (LegacyConfig? Config, IReadOnlyList<SigmaDiagnostic> Diagnostics) LoadShipped(string name) =>
        ReadShipped(name) is { } text
            ? Parse(text, name + ".yml")
            : (null, [ConversionFacts.UnknownConfig(new SourcePosition(name, 0, 0), name, ShippedNames)]);

    /// <summary>Loads a config by shipped name, or by path when <paramref name="nameOrPath"/> names a file.</summary>
    public static (LegacyConfig? Config, IReadOnlyList<SigmaDiagnostic> Diagnostics) Load(string nameOrPath)
    {
        if (File.Exists(nameOrPath))
        {
            var at = new SourcePosition(nameOrPath, 0, 0);
            try
            {
                var length = new FileInfo(nameOrPath).Length;
                return length > YamlBudgets.Default.MaxFileBytes
                    ? (null, [DiagnosticFacts.FileTooLarge(at, length, YamlBudgets.Default.MaxFileBytes)])
                    : Parse(File.ReadAllText(nameOrPath), nameOrPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (null, [DiagnosticFacts.FileUnreadable(at, e.Message)]);
            }
        }

        var text = ReadShipped(nameOrPath);
        if (text is null)
        {
            var at = new SourcePosition(nameOrPath, 0, 0);
            return (null, [ConversionFacts.UnknownConfig(at, nameOrPath, ShippedNames)]);
        }

        return Parse(text, nameOrPath + ".yml");
    }

    /// <summary>Loads several configs and chains them in the order given (later ones see earlier mappings' output).</summary>
    public static (LegacyConfigChain? Chain, IReadOnlyList<SigmaDiagnostic> Diagnostics) LoadChain(IEnumerable<string> namesOrPaths)
    {
        var configs = new List<LegacyConfig>();
        var diagnostics = new List<SigmaDiagnostic>();
        foreach (var name in namesOrPaths)
        {
            var (config, found) = Load(name);
            diagnostics.AddRange(found);
            if (config is not null)
            {
                configs.Add(config);
            }
        }

        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? (null, diagnostics) : (new LegacyConfigChain(configs), diagnostics);
    }

    public static (LegacyConfig? Config, IReadOnlyList<SigmaDiagnostic> Diagnostics) Parse(string text, string file)
    {
        var (documents, error) = YamlTreeReader.Read(text, file, YamlBudgets.Default);
        if (error is not null)
        {
            return (null, [error]);
        }

        if (documents.Count == 0 || documents[0].Root is not YamlMapping root)
        {
            var at = documents.Count > 0 ? documents[0].Position : new SourcePosition(file, 1, 1);
            return (null, [ConversionFacts.BadConfig(at, "a config must be a map")]);
        }

        var reader = new ConfigReader(file);
        var config = reader.Read(root, Path.GetFileNameWithoutExtension(file));
        return reader.Diagnostics.Count > 0 ? (null, reader.Diagnostics) : (config, reader.Diagnostics);
    }

    private static string? ReadShipped(string name)
    {
        var assembly = typeof(LegacyConfigLoader).Assembly;
        var resource = assembly.GetManifestResourceNames().FirstOrDefault(r => r.EndsWith(ResourcePrefix + name + ".yml", StringComparison.Ordinal));
        if (resource is not null)
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        return null;
    }

    private static IEnumerable<string> EmbeddedNames() =>
        typeof(LegacyConfigLoader).Assembly.GetManifestResourceNames()
            .Where(r => r.Contains(ResourcePrefix, StringComparison.Ordinal) && r.EndsWith(".yml", StringComparison.Ordinal))
            .Select(r => r[(r.IndexOf(ResourcePrefix, StringComparison.Ordinal) + ResourcePrefix.Length)..^4]);

    private sealed class ConfigReader(string file)
    {
        public List<SigmaDiagnostic> Diagnostics { get; } = [];

        public LegacyConfig Read(YamlMapping root, string name)
        {
            _ = file;
            var order = Scalar(root["order"], "order") is { } o
                ? int.TryParse(o.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : Fail<int?>(o, "'order' must be an integer")
                : null;
            return new LegacyConfig(
                name,
                Scalar(root["title"], "title")?.Value,
                order,
                StringList(root["backends"], "backends"),
                Scalar(root["logsourcemerging"], "logsourcemerging")?.Value,
                StringList(root["defaultindex"], "defaultindex"),
                LogSources(root["logsources"]),
                FieldMappings(root["fieldmappings"]),
                Scalar(root["dateField"], "dateField")?.Value);
        }

        private T? Fail<T>(YamlNode at, string message)
        {
            Diagnostics.Add(ConversionFacts.BadConfig(at.Position, message));
            return default;
        }

        private YamlScalar? Scalar(YamlNode? node, string what) => node switch
        {
            null => null,
            YamlScalar s when ScalarResolver.IsNull(s) => null,
            YamlScalar s => s,
            _ => Fail<YamlScalar>(node, $"'{what}' must be a single value, found {node.KindName}"),
        };

        private EquatableArray<string> StringList(YamlNode? node, string what) => node switch
        {
            null => EquatableArray<string>.Empty,
            YamlScalar s when ScalarResolver.IsNull(s) => EquatableArray<string>.Empty,
            YamlScalar s => ImmutableArray.Create(s.Value),
            YamlSequence seq when seq.Items.All(i => i is YamlScalar) => seq.Items.Cast<YamlScalar>().Select(s => s.Value).ToImmutableArray(),
            _ => Fail<ImmutableArray<string>>(node, $"'{what}' must be a value or a list of values"),
        };

        private EquatableArray<LegacyLogSource> LogSources(YamlNode? node)
        {
            if (node is null)
            {
                return EquatableArray<LegacyLogSource>.Empty;
            }

            if (node is not YamlMapping map)
            {
                return Fail<ImmutableArray<LegacyLogSource>>(node, "'logsources' must be a map");
            }

            var result = ImmutableArray.CreateBuilder<LegacyLogSource>();
            foreach (var (key, value) in map.Entries)
            {
                if (value is not YamlMapping source)
                {
                    Fail<int>(value, $"log source '{key.Value}' must be a map");
                    continue;
                }

                var category = Scalar(source["category"], "category")?.Value;
                var product = Scalar(source["product"], "product")?.Value;
                var service = Scalar(source["service"], "service")?.Value;
                if (category is null && product is null && service is null)
                {
                    Fail<int>(key, $"log source '{key.Value}' sets none of category, product and service, so it never matches");
                    continue;
                }

                result.Add(new LegacyLogSource(key.Value, category, product, service, Conditions(source["conditions"]),
                    StringList(source["index"], "index"), Scalar(source["search"], "search")?.Value, Rewrite(source["rewrite"]), key.Position));
            }

            return result.ToImmutable();
        }

        private (string?, string?, string?)? Rewrite(YamlNode? node)
        {
            if (node is null)
            {
                return null;
            }

            if (node is not YamlMapping map || map.Entries.Any(e => e.Key.Value is not ("category" or "product" or "service") || e.Value is not YamlScalar))
            {
                return Fail<(string?, string?, string?)?>(node, "'rewrite' must map category, product and/or service to values");
            }

            return ((map["category"] as YamlScalar)?.Value, (map["product"] as YamlScalar)?.Value, (map["service"] as YamlScalar)?.Value);
        }

        private EquatableArray<KeyValuePair<string, LegacyConditionValue>> Conditions(YamlNode? node)
        {
            if (node is null)
            {
                return EquatableArray<KeyValuePair<string, LegacyConditionValue>>.Empty;
            }

            if (node is not YamlMapping map)
            {
                return Fail<ImmutableArray<KeyValuePair<string, LegacyConditionValue>>>(node, "'conditions' must be a map of field: value");
            }

            var result = ImmutableArray.CreateBuilder<KeyValuePair<string, LegacyConditionValue>>();
            foreach (var (key, value) in map.Entries)
            {
                var scalars = value switch
                {
                    YamlScalar s => [s],
                    YamlSequence seq when seq.Items.All(i => i is YamlScalar) => seq.Items.Cast<YamlScalar>().ToList(),
                    _ => null,
                };
                if (scalars is null)
                {
                    Fail<int>(value, $"condition '{key.Value}' must be a value or a list of values");
                    continue;
                }

                var values = scalars.Select(s => new LegacyScalar(s.Value, s.IsPlain && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))).ToImmutableArray();
                result.Add(new(key.Value, new LegacyConditionValue(values, value is YamlSequence)));
            }

            return result.ToImmutable();
        }

        private EquatableArray<LegacyFieldMapping> FieldMappings(YamlNode? node)
        {
            if (node is null)
            {
                return EquatableArray<LegacyFieldMapping>.Empty;
            }

            if (node is not YamlMapping map)
            {
                return Fail<ImmutableArray<LegacyFieldMapping>>(node, "'fieldmappings' must be a map");
            }

            var result = ImmutableArray.CreateBuilder<LegacyFieldMapping>();
            foreach (var (key, value) in map.Entries)
            {
                LegacyFieldMapping? mapping = value switch
                {
                    YamlScalar s when ScalarResolver.IsNull(s) => new SimpleFieldMapping(key.Value, key.Value),
                    YamlScalar s => new SimpleFieldMapping(key.Value, s.Value),
                    YamlSequence seq when seq.Items.All(i => i is YamlScalar) => new MultiFieldMapping(key.Value, seq.Items.Cast<YamlScalar>().Select(s => s.Value).ToImmutableArray()),
                    YamlMapping conditional => Conditional(key.Value, conditional),
                    _ => Fail<LegacyFieldMapping>(value, $"mapping of '{key.Value}' must be a field, a list of fields or a map of conditions"),
                };
                if (mapping is not null)
                {
                    result.RemoveAll(m => m.Source == key.Value);
                    result.Add(mapping);
                }
            }

            return result.ToImmutable();
        }

        private ConditionalFieldMapping? Conditional(string source, YamlMapping map)
        {
            var conditions = ImmutableArray.CreateBuilder<MappingCondition>();
            EquatableArray<string>? fallback = null;
            foreach (var (key, value) in map.Entries)
            {
                var targets = StringList(value, source);
                var eq = key.Value.Split('=');
                if (eq.Length == 2)
                {
                    conditions.Add(new MappingCondition(eq[0], eq[1], targets));
                }
                else if (key.Value == "default" && fallback is null)
                {
                    fallback = targets;
                }
                else
                {
                    return Fail<ConditionalFieldMapping>(key, key.Value == "default"
                        ? $"conditional mapping of '{source}' has more than one default; use a list of targets"
                        : $"conditional mapping of '{source}': expected 'field=value' or 'default', found '{key.Value}'");
                }
            }

            return new ConditionalFieldMapping(source, conditions.ToImmutable(), fallback);
        }
    }
}
