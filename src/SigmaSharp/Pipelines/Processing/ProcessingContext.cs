using SigmaSharp.Rules;

namespace SigmaSharp.Pipelines.Processing;

/// <summary>
/// What one run of a pipeline over one rule remembers: the pipeline state (<c>set_state</c>), which processing
/// items were applied to the rule, to which detection items (by reference: the model is immutable, so a changed item
/// is a new object that inherits its predecessor's marks) and to which field names, and the diagnostics.
/// </summary>
internal sealed class ProcessingContext(ProcessingPipeline pipeline)
{
    private readonly Dictionary<object, HashSet<string>> _itemApplied = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, HashSet<string>> _fieldApplied = new(StringComparer.Ordinal);

    public ProcessingPipeline Pipeline { get; } = pipeline;

    public ProcessingItem Item { get; set; } = null!;

    public Dictionary<string, object?> State { get; } = new(StringComparer.Ordinal);

    public HashSet<string> RuleApplied { get; } = new(StringComparer.Ordinal);

    public List<SigmaDiagnostic> Diagnostics { get; } = [];

    /// <summary>Set by failure transformations; the rule is then not converted.</summary>
    public bool Rejected { get; set; }

    public void Reject(SourcePosition at, string message)
    {
        Rejected = true;
        Diagnostics.Add(ProcessingFacts.RuleRejected(at, Pipeline.Name, message));
    }

    /// <summary>Records that the current item changed <paramref name="from"/> into <paramref name="to"/>.</summary>
    public void MarkItem(DetectionNode to, DetectionItem? from)
    {
        if (!_itemApplied.TryGetValue(to, out var set))
        {
            _itemApplied[to] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        if (from is not null && _itemApplied.TryGetValue(from, out var inherited))
        {
            set.UnionWith(inherited);
        }

        if (Item.Id is { } id)
        {
            set.Add(id);
            RuleApplied.Add(id);
        }
    }

    public void MarkRule()
    {
        if (Item.Id is { } id)
        {
            RuleApplied.Add(id);
        }
    }

    public void MarkField(string field)
    {
        if (Item.Id is not { } id)
        {
            return;
        }

        if (!_fieldApplied.TryGetValue(field, out var set))
        {
            _fieldApplied[field] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(id);
    }

    public bool ItemWasProcessedBy(DetectionItem item, string id) => _itemApplied.TryGetValue(item, out var set) && set.Contains(id);

    public bool FieldWasProcessedBy(string? field, string id) => field is not null && _fieldApplied.TryGetValue(field, out var set) && set.Contains(id);
}
