using SigmaSharp.Events;

namespace SigmaSharp.Evaluation;

/// <summary>
/// Resolves a rule's field names for one log source: the source's own field mapping first
/// (e.g. Security 4688: <c>Image</c> → <c>NewProcessName</c>), then the schema's user mapping,
/// then the name itself.
/// </summary>
internal sealed class FieldResolver(EventSchema schema, IReadOnlyDictionary<string, IReadOnlyList<string>>? sourceMapping = null)
{
    private readonly Dictionary<string, FieldKey> _cache = new(StringComparer.OrdinalIgnoreCase);

    public EventSchema Schema { get; } = schema;

    public FieldKey Resolve(string name)
    {
        lock (_cache)
        {
            if (_cache.TryGetValue(name, out var known))
            {
                return known;
            }
            FieldKey key;
            if (sourceMapping is not null && sourceMapping.TryGetValue(name, out var alternatives))
            {
                var ids = new List<int>();
                foreach (var id in alternatives.SelectMany(a => Schema.Field(a).CandidateIds))
                {
                    if (!ids.Contains(id))
                    {
                        ids.Add(id);
                    }
                }
                key = new FieldKey(name, [.. ids], Schema);
            }
            else
            {
                key = Schema.Field(name);
            }
            _cache[name] = key;
            return key;
        }
    }
}
