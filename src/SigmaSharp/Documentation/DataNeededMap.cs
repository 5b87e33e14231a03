using System.Collections.Immutable;
using SigmaSharp.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SigmaSharp.Documentation;

/// <summary>One mapping entry: a log source pattern (null keys match anything) and the Data Needed it implies.</summary>
public sealed record DataNeededEntry(string? Product, string? Category, string? Service, ImmutableArray<string> DataNeeded)
{
    public bool Matches(LogSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Same(Product, source.Product) && Same(Category, source.Category) && Same(Service, source.Service);
    }

    private static bool Same(string? pattern, string? value) =>
        pattern is null || string.Equals(pattern, value, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Data Needed (Atomic Threat Coverage) per Sigma log source, from data/datasources.yml or a user's file of
/// the same shape. Problems in a file are returned as messages with their line, never thrown.
/// </summary>
public sealed record DataNeededMap(ImmutableArray<DataNeededEntry> Entries)
{
    internal const string ResourceName = "SigmaSharp.data.datasources.yml";

    private static readonly Lazy<DataNeededMap> BundledMap = new(LoadBundled, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The map embedded in the library (data/datasources.yml).</summary>
    public static DataNeededMap Bundled => BundledMap.Value;

    /// <summary>The Data Needed of every entry matching any of the log sources, in entry order, each name once.</summary>
    public ImmutableArray<string> For(IEnumerable<LogSource> sources)
    {
        var list = sources.ToList();
        return Entries.Where(e => list.Exists(e.Matches)).SelectMany(e => e.DataNeeded)
            .Distinct(StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>This map's entries followed by another's (a user's extension).</summary>
    public DataNeededMap Concat(DataNeededMap other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new DataNeededMap(Entries.AddRange(other.Entries));
    }

    public static (DataNeededMap Map, ImmutableArray<string> Problems) Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = ImmutableArray.CreateBuilder<string>();
        var entries = ImmutableArray.CreateBuilder<DataNeededEntry>();
        // The rule files' budgeted reader first: YamlStream has no depth or alias limits of its own.
        if (Parsing.YamlTreeReader.Read(text, file, Parsing.YamlBudgets.Default).Error is { } budget)
        {
            problems.Add(budget.ToString());
            return (new DataNeededMap([]), problems.ToImmutable());
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            problems.Add($"{file}:{e.Start.Line}:{e.Start.Column}: {e.Message}");
            return (new DataNeededMap([]), problems.ToImmutable());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet throws these, not YamlException, on some malformed input (found by fuzzing).
            problems.Add($"{file}:1:1: {e.Message}");
            return (new DataNeededMap([]), problems.ToImmutable());
        }

        if (stream.Documents.Count == 0
            || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("mappings"), out var mappings)
            || mappings is not YamlSequenceNode list)
        {
            problems.Add($"{file}:1:1: expected a map with a 'mappings' list");
            return (new DataNeededMap([]), problems.ToImmutable());
        }

        foreach (var node in list)
        {
            if (node is not YamlMappingNode item
                || Child(item, "logsource") is not YamlMappingNode source
                || Child(item, "data_needed") is not { } needed)
            {
                problems.Add($"{file}:{node.Start.Line}:{node.Start.Column}: an entry needs 'logsource' (a map) and 'data_needed'");
                continue;
            }
            var names = needed switch
            {
                YamlScalarNode scalar when scalar.Value is { Length: > 0 } one => [one],
                YamlSequenceNode sequence => sequence.OfType<YamlScalarNode>().Select(s => s.Value).OfType<string>().ToImmutableArray(),
                _ => ImmutableArray<string>.Empty,
            };
            entries.Add(new DataNeededEntry(Scalar(source, "product"), Scalar(source, "category"), Scalar(source, "service"), names));
        }
        return (new DataNeededMap(entries.ToImmutable()), problems.ToImmutable());
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static DataNeededMap LoadBundled()
    {
        using var stream = typeof(DataNeededMap).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        var (map, problems) = Parse(reader.ReadToEnd(), "data/datasources.yml");
        return problems.IsEmpty ? map : throw new InvalidOperationException("data/datasources.yml: " + string.Join("; ", problems));
    }
}
