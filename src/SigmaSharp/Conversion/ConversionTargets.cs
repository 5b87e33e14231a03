using SigmaSharp.Conversion.Targets;
using SigmaSharp.Pipelines;
using SigmaSharp.Rules;

namespace SigmaSharp.Conversion;

/// <summary>The conversion targets SigmaSharp knows, and the factory the CLI and library users call.</summary>
public static class ConversionTargets
{
    private sealed record Entry(ConversionTarget Target, Func<LegacyConfigChain, BackendOptions, QueryBackend> Create);

    private static readonly Entry[] Entries =
    [
        new(new("powershell", "PowerShell Get-WinEvent pipeline filtering event messages", "powershell-generic", Names("csv", "escaping")), (c, o) => new PowerShellBackend(c, o)),
        new(new("es-qs", "Elasticsearch query string (Lucene syntax)", "winlogbeat", Names(LuceneBackend.OptionNames)), (c, o) => new LuceneBackend(c, o)),
        new(new("xpack-watcher", "Elasticsearch X-Pack Watcher: a curl command per rule creating the watch", "winlogbeat", Names(XPackWatcherBackend.OptionNames)), (c, o) => new XPackWatcherBackend(c, o)),
        new(new("graylog", "Graylog search query (Lucene syntax)", null, Names(LuceneBackend.OptionNames)), (c, o) => new GraylogBackend(c, o)),
        new(new("splunk", "Splunk search (SPL), with '| table' of the rule's fields", "splunk-windows", Names("rulecomment")), (c, o) => new SplunkBackend(c, o)),
        new(new("logpoint", "LogPoint search query", "logpoint-windows", Names("rulecomment")), (c, o) => new LogPointBackend(c, o)),
        new(new("grep", "grep -P (PCRE) command matching whole log lines", null, Names("escaping")), (c, o) => new GrepBackend(c, o)),
    ];

    private static string[] Names(params string[] own) => [.. own.Concat(QueryBackend.CommonOptionNames).Distinct()];

    public static IReadOnlyList<ConversionTarget> All { get; } = [.. Entries.Select(e => e.Target)];

    /// <summary>
    /// Creates a backend. <paramref name="options"/> are the <c>-O key=value</c> pairs (a key without value means
    /// "true"); <paramref name="config"/> the legacy configs chained in order (none: no field mapping).
    /// </summary>
    public static (IBackend? Backend, IReadOnlyList<SigmaDiagnostic> Diagnostics) Create(
        string name, IReadOnlyDictionary<string, string>? options = null, LegacyConfigChain? config = null)
    {
        var entry = Entries.FirstOrDefault(e => e.Target.Name == name);
        if (entry is null)
        {
            return (null, [ConversionFacts.UnknownTarget(name, All.Select(t => t.Name))]);
        }

        var backendOptions = new BackendOptions(name, options ?? new Dictionary<string, string>());
        var backend = entry.Create(config ?? LegacyConfigChain.Empty, backendOptions);
        return backendOptions.Errors.Count > 0 ? (null, backendOptions.Errors) : (backend, []);
    }

    /// <summary>Creates a backend with the configs sigmac's documentation used for it (see <see cref="ConversionTarget.DefaultConfig"/>).</summary>
    public static (IBackend? Backend, IReadOnlyList<SigmaDiagnostic> Diagnostics) CreateWithDefaultConfig(string name, IReadOnlyDictionary<string, string>? options = null)
    {
        var target = All.FirstOrDefault(t => t.Name == name);
        if (target?.DefaultConfig is null)
        {
            return Create(name, options);
        }

        var (chain, diagnostics) = LegacyConfigLoader.LoadChain([target.DefaultConfig]);
        return chain is null ? (null, diagnostics) : Create(name, options, chain);
    }
}
