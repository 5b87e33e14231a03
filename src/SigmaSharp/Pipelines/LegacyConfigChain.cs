using SigmaSharp.Rules;

namespace SigmaSharp.Pipelines;

/// <summary>What a rule field becomes after all configs of a chain: a list of target fields, or a conditional mapping.</summary>
internal sealed record FieldResolution(IReadOnlyList<string> Targets, ConditionalFieldMapping? Conditional);

/// <summary>The log sources of a chain that matched one rule, merged: their conditions, indices and free-text searches.</summary>
internal sealed record MergedLogSource(
    IReadOnlyList<IReadOnlyList<KeyValuePair<string, LegacyConditionValue>>> Conditions,
    IReadOnlyList<string> Indices,
    IReadOnlyList<string> Searches);

/// <summary>
/// Several legacy configs applied in the order given, as sigmac chains <c>-c a -c b</c>: a field is mapped by the
/// first config, its result by the second, and so on; log sources of all configs that match are merged, with a
/// rewrite in one config changing what later configs match. Conditional mappings are only meaningful in the
/// last config (sigmac's restriction, kept).
/// </summary>
public sealed class LegacyConfigChain
{
    private readonly List<Dictionary<string, LegacyFieldMapping>> _mappings;
    private readonly Dictionary<string, FieldResolution> _cache = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public LegacyConfigChain(IEnumerable<LegacyConfig> configs)
    {
        Configs = [.. configs];
        _mappings = [.. Configs.Select(c =>
        {
            var map = new Dictionary<string, LegacyFieldMapping>(StringComparer.Ordinal);
            foreach (var m in c.FieldMappings)
            {
                map[m.Source] = m;
            }

            return map;
        })];
    }

    public static LegacyConfigChain Empty { get; } = new([]);

    public IReadOnlyList<LegacyConfig> Configs { get; }

    /// <summary>The default index of the last config (sigmac keeps the last one, even when it sets none).</summary>
    public IReadOnlyList<string> DefaultIndex => Configs.Count == 0 ? [] : Configs[^1].DefaultIndex;

    /// <summary>The name of the timestamp field for targets that filter on time (xpack-watcher); sigmac's default is "timestamp".</summary>
    public string DateField => Configs.Select(c => c.DateField).LastOrDefault(d => d is not null) ?? "timestamp";

    public bool MergesLogSourcesWithOr =>
        Configs.Select(c => c.LogSourceMerging?.ToLowerInvariant()).FirstOrDefault(v => !string.IsNullOrEmpty(v)) == "or";

    internal FieldResolution ResolveField(string field)
    {
        lock (_lock)
        {
            if (_cache.TryGetValue(field, out var cached))
            {
                return cached;
            }
        }

        var resolved = Resolve(field);
        lock (_lock)
        {
            _cache[field] = resolved;
        }

        return resolved;
    }

    private FieldResolution Resolve(string field)
    {
        var current = new List<string> { field };
        ConditionalFieldMapping? conditional = null;
        foreach (var mappings in _mappings)
        {
            if (conditional is not null)
            {
                break;
            }

            var next = new List<string>();
            foreach (var name in current)
            {
                switch (mappings.GetValueOrDefault(name))
                {
                    case null:
                        Add(next, name);
                        break;
                    case SimpleFieldMapping simple:
                        Add(next, simple.Target);
                        break;
                    case MultiFieldMapping multi:
                        foreach (var target in multi.Targets)
                        {
                            Add(next, target);
                        }

                        break;
                    case ConditionalFieldMapping c when current.Count == 1:
                        conditional = c;
                        break;
                    case ConditionalFieldMapping c:
                        Add(next, c.Default?.FirstOrDefault() ?? name);
                        break;
                }
            }

            current = next;
        }

        return new FieldResolution(current, conditional);
    }

    private static void Add(List<string> list, string name)
    {
        if (!list.Contains(name))
        {
            list.Add(name);
        }
    }

    internal MergedLogSource GetLogSource(LogSource source)
    {
        var (category, product, service) = (source.Category, source.Product, source.Service);
        var conditions = new List<IReadOnlyList<KeyValuePair<string, LegacyConditionValue>>>();
        var indices = new List<string>();
        var searches = new List<string>();
        foreach (var config in Configs)
        {
            foreach (var ls in config.LogSources)
            {
                if (!ls.Matches(category, product, service))
                {
                    continue;
                }

                if (!ls.Conditions.IsEmpty)
                {
                    conditions.Add(ls.Conditions);
                }

                foreach (var index in ls.Indices.Where(i => !indices.Contains(i)))
                {
                    indices.Add(index);
                }

                if (ls.Search is not null)
                {
                    searches.Add(ls.Search);
                }

                if (ls.Rewrite is { } rewrite)
                {
                    (category, product, service) = rewrite;
                }
            }
        }

        return new MergedLogSource(conditions, indices.Count == 0 ? DefaultIndex : indices, searches);
    }
}
