using SigmaSharp.Rules;

namespace SigmaSharp.Pipelines.Processing;

/// <summary>
/// A pySigma processing pipeline: transformations applied in order to each rule before conversion, with the
/// conditions under which each applies, pipeline variables for placeholders, and finalizers for the output.
/// Several pipelines are merged into one by priority (lower first), the order pySigma uses.
/// </summary>
public sealed class ProcessingPipeline
{
    internal ProcessingPipeline(
        string name,
        int priority,
        string? description,
        IReadOnlyList<ProcessingItem> items,
        IReadOnlyDictionary<string, IReadOnlyList<string>> vars,
        IReadOnlyList<string> allowedBackends,
        IReadOnlyList<Finalizer> finalizers,
        SourcePosition position)
    {
        Name = name;
        Priority = priority;
        Description = description;
        Items = items;
        Vars = vars;
        AllowedBackends = allowedBackends;
        Finalizers = finalizers;
        Position = position;
    }

    public static ProcessingPipeline Empty { get; } = new("empty", 0, null, [], new Dictionary<string, IReadOnlyList<string>>(), [], [], SourcePosition.None);

    public string Name { get; }

    public int Priority { get; }

    public string? Description { get; }

    /// <summary>pySigma backend names the pipeline is meant for (empty: any).</summary>
    public IReadOnlyList<string> AllowedBackends { get; }

    public int ItemCount => Items.Count;

    internal IReadOnlyList<ProcessingItem> Items { get; }

    internal IReadOnlyDictionary<string, IReadOnlyList<string>> Vars { get; }

    internal IReadOnlyList<Finalizer> Finalizers { get; }

    internal SourcePosition Position { get; }

    /// <summary>
    /// Merges pipelines as pySigma does when several are given: ordered by priority (stable for equal priorities),
    /// items concatenated, variables merged (later wins), finalizers concatenated.
    /// </summary>
    public static ProcessingPipeline Merge(IEnumerable<ProcessingPipeline> pipelines)
    {
        var ordered = pipelines.OrderBy(p => p.Priority).ToList();
        if (ordered.Count == 1)
        {
            return ordered[0];
        }

        var vars = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, value) in ordered.SelectMany(p => p.Vars))
        {
            vars[key] = value;
        }

        var allowed = ordered.Where(p => p.AllowedBackends.Count > 0).Select(p => p.AllowedBackends).ToList();
        return new ProcessingPipeline(
            string.Join("+", ordered.Select(p => p.Name)),
            ordered.Count == 0 ? 0 : ordered[0].Priority,
            string.Join("; ", ordered.Select(p => p.Description).OfType<string>()),
            [.. ordered.SelectMany(p => p.Items)],
            vars,
            allowed.Count == 0 ? [] : [.. allowed.Aggregate((a, b) => [.. a.Intersect(b)])],
            [.. ordered.SelectMany(p => p.Finalizers)],
            ordered.Count == 0 ? SourcePosition.None : ordered[0].Position);
    }

    /// <summary>Applies every item whose rule conditions hold, in order; returns the new rule (null when refused).</summary>
    internal ProcessingOutcome Apply(SigmaRuleBase rule)
    {
        var context = new ProcessingContext(this);
        foreach (var item in Items)
        {
            context.Item = item;
            if (!item.MatchesRule(rule, context))
            {
                continue;
            }

            rule = item.Transformation.Apply(rule, context);
            context.MarkRule();
            if (context.Rejected)
            {
                return new ProcessingOutcome(null, context.Diagnostics, context.State);
            }
        }

        return new ProcessingOutcome(rule, context.Diagnostics, context.State);
    }
}

/// <summary>The rule after a pipeline (null when a failure transformation refused it), with diagnostics and state.</summary>
internal sealed record ProcessingOutcome(SigmaRuleBase? Rule, IReadOnlyList<SigmaDiagnostic> Diagnostics, IReadOnlyDictionary<string, object?> State);

/// <summary>A pipeline finalizer: turns all queries of a run into one output document.</summary>
internal abstract record Finalizer
{
    public abstract string Finalize(IReadOnlyList<string> queries);
}

/// <summary><c>concat</c>: queries joined by a separator, between a prefix and a suffix.</summary>
internal sealed record ConcatFinalizer(string Separator, string Prefix, string Suffix) : Finalizer
{
    public override string Finalize(IReadOnlyList<string> queries) => Prefix + string.Join(Separator, queries) + Suffix;
}

/// <summary><c>json</c>: the queries as a JSON array.</summary>
internal sealed record JsonFinalizer(bool Indent) : Finalizer
{
    public override string Finalize(IReadOnlyList<string> queries) =>
        new System.Text.Json.Nodes.JsonArray([.. queries.Select(q => (System.Text.Json.Nodes.JsonNode)q)]).ToJsonString(Indent ? IndentedOptions : CompactOptions);

    private static readonly System.Text.Json.JsonSerializerOptions IndentedOptions = new() { WriteIndented = true };
    private static readonly System.Text.Json.JsonSerializerOptions CompactOptions = new();
}
