using SigmaSharp.Pipelines.Processing;
using SigmaSharp.Rules;

namespace SigmaSharp.Conversion.Modern;

/// <summary>
/// The pySigma-family targets (output as pySigma and its backends write it), named <c>pysigma-*</c> so that the
/// sigmac-compatible names (<c>splunk</c>, <c>es-qs</c>, ...) keep their meaning. Options: <c>format</c> (output
/// format), <c>table</c> (sqlite, kusto), <c>min_time</c>/<c>max_time</c> (splunk savedsearches), <c>compat=pysigma</c>
/// (sqlite, lucene: pySigma's output even where the engine reads it otherwise than the rule means).
/// </summary>
public static class ModernTargets
{
    private sealed record Entry(ConversionTarget Target, string PySigmaName, IReadOnlyDictionary<string, string> Formats, Func<ModernBackendSettings, ModernBackend> Create);

    private static readonly Entry[] Entries =
    [
        new(new("pysigma-splunk", "Splunk SPL as pySigma-backend-splunk writes it (formats: default, savedsearches, data_model; correlations with stats)", null, new[] { "format", "min_time", "max_time" }), "splunk", SplunkSplBackend.Formats, s => new SplunkSplBackend(s)),
        new(new("pysigma-lucene", "Elasticsearch Lucene query strings as pySigma-backend-elasticsearch writes them (formats: default, dsl_lucene, kibana_ndjson)", null, new[] { "format", "compat" }), "lucene", LuceneQueryBackend.Formats, s => new LuceneQueryBackend(s)),
        new(new("pysigma-eql", "Elasticsearch EQL as pySigma-backend-elasticsearch writes it (formats: default, eqlapi)", null, new[] { "format", "compat" }), "eql", EqlBackend.Formats, s => new EqlBackend(s)),
        new(new("pysigma-esql", "Elasticsearch ES|QL as pySigma-backend-elasticsearch writes it (correlations with STATS)", null, new[] { "format", "compat" }), "esql", EsqlBackend.Formats, s => new EsqlBackend(s)),
        new(new("pysigma-kusto", "Kusto KQL (Microsoft Sentinel / Defender) as pySigma-backend-kusto writes it", null, new[] { "format", "table", "compat" }), "kusto", KustoBackend.Formats, s => new KustoBackend(s)),
        new(new("pysigma-sqlite", "SQLite SQL as pySigma-backend-sqlite (Zircolite) writes it (formats: default, zircolite; correlations with GROUP BY)", null, new[] { "format", "table", "compat" }), "sqlite", SqliteBackend.Formats, s => new SqliteBackend(s)),
    ];

    private static readonly Dictionary<string, bool> CompatChoices = new(StringComparer.Ordinal) { ["none"] = false, ["pysigma"] = true };

    public static IReadOnlyList<ConversionTarget> All { get; } = [.. Entries.Select(e => e.Target)];

    /// <summary>The output formats of a target (name → description); empty for an unknown target.</summary>
    public static IReadOnlyDictionary<string, string> Formats(string target) =>
        Entries.FirstOrDefault(e => e.Target.Name == target)?.Formats ?? new Dictionary<string, string>();

    /// <summary>Creates a target with pipelines given by name or file (<c>-p</c>), merged by priority.</summary>
    public static (IBackend? Backend, IReadOnlyList<SigmaDiagnostic> Diagnostics) Create(
        string name, IEnumerable<string>? pipelines = null, IReadOnlyDictionary<string, string>? options = null, RuleCollection? collection = null)
    {
        var (pipeline, diagnostics) = ProcessingPipelines.Load(pipelines ?? []);
        if (pipeline is null)
        {
            return (null, diagnostics);
        }

        var (backend, more) = CreateWith(name, [pipeline], options, collection);
        return (backend, [.. diagnostics, .. more]);
    }

    /// <summary>
    /// Creates a target applying already loaded pipelines one after the other (each a separate pass, unlike a merge;
    /// a library user can chain passes that way), with references of correlation rules resolved in <paramref name="collection"/>.
    /// </summary>
    public static (IBackend? Backend, IReadOnlyList<SigmaDiagnostic> Diagnostics) CreateWith(
        string name, IReadOnlyList<ProcessingPipeline> pipelines, IReadOnlyDictionary<string, string>? options = null, RuleCollection? collection = null)
    {
        var entry = Entries.FirstOrDefault(e => e.Target.Name == name);
        if (entry is null)
        {
            return (null, [ConversionFacts.UnknownTarget(name, All.Select(t => t.Name))]);
        }

        var backendOptions = new BackendOptions(name, options ?? new Dictionary<string, string>());
        var format = backendOptions.Choice("format", "default", entry.Formats.Keys.ToDictionary(k => k, k => k));
        var compat = backendOptions.Choice("compat", false, CompatChoices);
        var diagnostics = new List<SigmaDiagnostic>();
        foreach (var pipeline in pipelines.Where(p => p.AllowedBackends.Count > 0 && !p.AllowedBackends.Contains(entry.PySigmaName) && !(entry.PySigmaName is "lucene" or "eql" or "esql" && p.AllowedBackends.Contains("elasticsearch"))))
        {
            diagnostics.Add(ProcessingFacts.NotForBackend(pipeline.Name, name));
        }

        if (backendOptions.Errors.Count > 0)
        {
            return (null, backendOptions.Errors);
        }

        var settings = new ModernBackendSettings(pipelines, format, backendOptions, collection is null ? null : collection.FindReference) { PySigmaCompat = compat };
        return (entry.Create(settings), diagnostics);
    }
}
