using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Pipelines.Processing;

/// <summary>A shipped pipeline for listings (<c>sigma list pipelines</c>).</summary>
public sealed record PipelineInfo(string Name, string Description, int Priority, IReadOnlyList<string> AllowedBackends);

/// <summary>
/// Finds and loads processing pipelines: by name from those SigmaSharp ships (data/pipelines/*.yml: sysmon,
/// windows, windows-audit, splunk_windows, ecs_windows, ...) or from a YAML file path, several merged by priority.
/// </summary>
public static class ProcessingPipelines
{
    private const string ResourcePrefix = "data.pipelines.";
    private static readonly Lazy<IReadOnlyList<PipelineInfo>> ShippedInfo = new(ReadShippedInfo);

    /// <summary>The shipped pipelines, by name.</summary>
    public static IReadOnlyList<PipelineInfo> Shipped => ShippedInfo.Value;

    /// <summary>
    /// Loads each name or file and merges them (pySigma's order: ascending priority, command-line order for equal
    /// priorities). The same pipeline given twice is an error (SIG523). No names: the empty pipeline.
    /// </summary>
    public static (ProcessingPipeline? Pipeline, IReadOnlyList<SigmaDiagnostic> Diagnostics) Load(IEnumerable<string> namesOrFiles)
    {
        var pipelines = new List<ProcessingPipeline>();
        var diagnostics = new List<SigmaDiagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in namesOrFiles)
        {
            var (pipeline, errors) = LoadOne(spec);
            diagnostics.AddRange(errors);
            if (pipeline is null)
            {
                continue;
            }

            if (!seen.Add(pipeline.Name))
            {
                diagnostics.Add(ProcessingFacts.DuplicatePipeline(pipeline.Name));
                continue;
            }

            pipelines.Add(pipeline);
        }

        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return (null, diagnostics);
        }

        return (pipelines.Count == 0 ? ProcessingPipeline.Empty : ProcessingPipeline.Merge(pipelines), diagnostics);
    }

    /// <summary>One pipeline: an existing file path (or a name ending in .yml/.yaml), else a shipped name.</summary>
    public static (ProcessingPipeline? Pipeline, IReadOnlyList<SigmaDiagnostic> Diagnostics) LoadOne(string nameOrFile)
    {
        if (File.Exists(nameOrFile) || nameOrFile.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || nameOrFile.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        {
            var position = new SourcePosition(nameOrFile, 0, 0);
            string text;
            try
            {
                var info = new FileInfo(nameOrFile);
                if (info.Length > YamlBudgets.Default.MaxFileBytes)
                {
                    return (null, [DiagnosticFacts.FileTooLarge(position, info.Length, YamlBudgets.Default.MaxFileBytes)]);
                }

                text = File.ReadAllText(nameOrFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (null, [DiagnosticFacts.FileUnreadable(position, e.Message)]);
            }

            return Parse(text, nameOrFile);
        }

        var shipped = ReadShipped(nameOrFile);
        return shipped is null
            ? (null, [ProcessingFacts.UnknownPipeline(nameOrFile, Shipped.Select(p => p.Name))])
            : Parse(shipped.Value.Text, shipped.Value.File);
    }

    /// <summary>Parses pipeline YAML; errors carry file:line:col.</summary>
    public static (ProcessingPipeline? Pipeline, IReadOnlyList<SigmaDiagnostic> Diagnostics) Parse(string text, string file) => PipelineReader.Parse(text, file);

    private static (string Text, string File)? ReadShipped(string name)
    {
        if (!IsPlainName(name))
        {
            return null;
        }

        var assembly = typeof(ProcessingPipelines).Assembly;
        var resource = assembly.GetManifestResourceNames().FirstOrDefault(r => r.EndsWith(ResourcePrefix + name + ".yml", StringComparison.Ordinal));
        if (resource is not null)
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            return (reader.ReadToEnd(), "pipelines/" + name + ".yml");
        }

        return null;
    }

    private static bool IsPlainName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static List<PipelineInfo> ReadShippedInfo()
    {
        var names = typeof(ProcessingPipelines).Assembly.GetManifestResourceNames()
            .Where(r => r.Contains(ResourcePrefix, StringComparison.Ordinal) && r.EndsWith(".yml", StringComparison.Ordinal))
            .Select(r => r[(r.IndexOf(ResourcePrefix, StringComparison.Ordinal) + ResourcePrefix.Length)..^4])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var result = new List<PipelineInfo>();
        foreach (var name in names)
        {
            if (LoadOne(name).Pipeline is { } pipeline)
            {
                result.Add(new PipelineInfo(name, pipeline.Description ?? pipeline.Name, pipeline.Priority, pipeline.AllowedBackends));
            }
        }

        return result;
    }
}
