using System.CommandLine;
using SigmaSharp.Cli.Output;
using SigmaSharp.Conversion;
using SigmaSharp.Parsing;
using SigmaSharp.Pipelines;
using SigmaSharp.Pipelines.Processing;
using SigmaSharp.Rules;
using PipelineLoad = System.Lazy<(SigmaSharp.Pipelines.Processing.ProcessingPipeline? Pipeline, System.Collections.Generic.IReadOnlyList<SigmaSharp.Rules.SigmaDiagnostic> Diagnostics)>;

namespace SigmaSharp.Cli.Commands;

/// <summary>
/// <c>sigma convert -t TARGET [-c CONFIG]... [-O key=value]... [-o FILE|DIR/] PATH...</c>: rules to queries.
/// Every rule that cannot be converted is reported with its reason and the batch goes on.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Rule files or folders." };
        var target = new Option<string[]>("--target", "-t") { Description = "Target query language (see 'sigma list targets'); repeat for several targets in one run.", Required = true };
        var configs = new Option<string[]>("--config", "-c") { Description = "sigmac targets: field-mapping config by name (see 'sigma list configs') or file; repeatable, merged in order." };
        var pipelines = new Option<string[]>("--pipeline", "-p") { Description = "pysigma-* targets: processing pipeline by name (see 'sigma list pipelines') or file; repeatable, merged by priority." };
        var backendOptions = new Option<string[]>("--backend-option", "-O") { Description = "Backend option key=value (a bare key means true); repeatable." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file, or one file per rule into this folder when it ends with '/'." };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var skip = new Option<bool>("--skip-unsupported") { Description = "Report unsupported rules on stderr and go on (default)." };
        var fail = new Option<bool>("--fail-unsupported") { Description = "Exit 1 when any rule cannot be converted." };
        var command = new Command("convert", "Convert Sigma rules into queries of a SIEM or tool.")
        {
            paths, target, configs, pipelines, backendOptions, output, format, skip, fail,
        };
        command.SetAction(parse => Run(new ConvertOptions(
            parse.GetValue(paths)!,
            parse.GetValue(target)!,
            parse.GetValue(configs) ?? [],
            ParseBackendOptions(parse.GetValue(backendOptions) ?? []),
            parse.GetValue(output),
            parse.GetValue(format) == "json",
            parse.GetValue(fail) && !parse.GetValue(skip))
        {
            Pipelines = parse.GetValue(pipelines) ?? [],
        }));
        return command;
    }

    internal sealed record ConvertOptions(
        string[] Paths, string[] Targets, string[] Configs, IReadOnlyDictionary<string, string> BackendOptions, string? Output, bool Json, bool FailUnsupported)
    {
        public string[] Pipelines { get; init; } = [];
    }

    internal static Dictionary<string, string> ParseBackendOptions(IEnumerable<string> pairs)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq == 0)
            {
                throw new UsageException($"backend option '{pair}' has no key; write key=value");
            }

            options[eq < 0 ? pair : pair[..eq]] = eq < 0 ? "true" : pair[(eq + 1)..];
        }

        return options;
    }

    internal static int Run(ConvertOptions options, TextWriter? stdout = null)
    {
        if (stdout is not null)
        {
            return RunWith(options, stdout);
        }

        // Thousands of queries: one write per 64 KB instead of one per line (Console.Out flushes every line).
        using var buffered = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        try
        {
            return RunWith(options, buffered);
        }
        finally
        {
            buffered.Flush();
        }
    }

    private static int RunWith(ConvertOptions options, TextWriter stdout)
    {
        var targetNames = options.Targets.Distinct(StringComparer.Ordinal).ToList();
        var pipelines = new PipelineLoad(() => ProcessingPipelines.Load(options.Pipelines));
        var backends = targetNames.Select(t => CreateBackend(options, t, null, reportWarnings: true, pipelines)).ToList();
        var toFolder = options.Output is not null && (options.Output.EndsWith('/') || Directory.Exists(options.Output));
        if (backends.Count > 1 && !toFolder && (options.Json || options.Output is not null))
        {
            throw new UsageException("several targets write JSON or files only into a folder: give -o DIR/");
        }

        if (backends.All(b => b.ConvertsIndependently || b is IOrderedCompletion) && ConvertFileByFile(options, targetNames, backends, pipelines) is { } streamed)
        {
            return Report(options, stdout, backends, streamed.Results, streamed.Documents, streamed.LoadDiagnostics, streamed.Errors, toFolder);
        }

        // Correlations, filters and run-wide output (watch names, end-of-run documents) need every rule at once.
        var collection = FilterApplier.Apply(RuleLoader.Load(options.Paths));
        var targets = targetNames
            .Select(t => (Backend: CreateBackend(options, t, collection, reportWarnings: false, pipelines), CreateAnother: (Func<IBackend>)(() => CreateBackend(options, t, collection, reportWarnings: false, pipelines))))
            .ToList();
        var rules = collection.Rules.Where(r => r is not SigmaFilter).ToList();
        var converted = BatchConverter.Convert(targets, rules)
            .Select(results => (IReadOnlyList<ConvertedRule>)[.. results.Select(ConvertedRule.From)])
            .ToArray();
        var finals = targets.Select(t => t.Backend).ToList();
        return Report(options, stdout, finals, converted, [.. finals.Select(b => Parts(b.Finalize()))], collection.Diagnostics, collection.RulesWithErrors + collection.FilesSkipped, toFolder);
    }

    /// <summary>
    /// Converts each file's rules on the thread that parsed them, keeping only the queries: the rules themselves are
    /// dropped file by file. Run-wide names and end-of-run documents are made afterwards, in rule order
    /// (<see cref="IOrderedCompletion"/>). Null when the load holds rules that need the whole collection (correlations, filters).
    /// </summary>
    private static (IReadOnlyList<ConvertedRule>[] Results, IReadOnlyList<string>?[] Documents, EquatableArray<SigmaDiagnostic> LoadDiagnostics, int Errors)? ConvertFileByFile(
        ConvertOptions options, List<string> targetNames, List<IBackend> first, PipelineLoad pipelines)
    {
        var workers = new List<IBackend[]> { first.ToArray() };
        for (var i = 1; i < Environment.ProcessorCount; i++)
        {
            workers.Add([.. targetNames.Select(t => CreateBackend(options, t, null, reportWarnings: false, pipelines))]);
        }

        var load = RuleLoader.LoadEach(options.Paths, workers, (backends, file) =>
        {
            var rules = file.Rules.Where(r => r is not SigmaFilter).ToList();
            var converted = new ConvertedRule[rules.Count * backends.Length];
            for (var r = 0; r < rules.Count; r++)
            {
                for (var t = 0; t < backends.Length; t++)
                {
                    converted[(r * backends.Length) + t] = ConvertedRule.From(backends[t].Convert(rules[r]));
                }
            }

            return converted;
        });
        if (load.NeedsWholeCollection)
        {
            return null;
        }

        var results = new IReadOnlyList<ConvertedRule>[targetNames.Count];
        var documents = new IReadOnlyList<string>?[targetNames.Count];
        for (var t = 0; t < targetNames.Count; t++)
        {
            var target = t;
            var converted = load.Items.SelectMany(file => file.Where((_, i) => i % targetNames.Count == target)).ToList();
            (results[t], documents[t]) = first[t] is IOrderedCompletion completion ? Complete(completion, converted) : (converted, Parts(first[t].Finalize()));
        }

        return (results, documents, load.Diagnostics, load.RulesWithErrors + load.FilesSkipped);
    }

    private static (IReadOnlyList<ConvertedRule> Results, IReadOnlyList<string>? Document) Complete(IOrderedCompletion completion, List<ConvertedRule> results)
    {
        var (queries, document) = completion.CompleteInOrder([.. results.Where(r => r.IsConverted).Select(r => new ConvertedQueries(r.Id, r.Title, r.Queries))]);
        var next = 0;
        return ([.. results.Select(r => r.IsConverted ? r with { Queries = queries[next++] } : r)], document);
    }

    private static IReadOnlyList<string>? Parts(string? document) => document is null ? null : [document];

    private static int Report(
        ConvertOptions options, TextWriter stdout, List<IBackend> backends, IReadOnlyList<ConvertedRule>[] allResults, IReadOnlyList<string>?[] documents,
        EquatableArray<SigmaDiagnostic> loadDiagnostics, int errors, bool toFolder)
    {
        foreach (var diagnostic in loadDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            Console.Error.WriteLine(diagnostic.ToString());
        }

        var failed = false;
        for (var t = 0; t < backends.Count; t++)
        {
            var backend = backends[t];
            var results = allResults[t];
            var summary = new ConversionSummary(errors, results);
            foreach (var diagnostic in summary.Unsupported)
            {
                Console.Error.WriteLine(diagnostic.ToString());
            }

            var output = options.Output;
            if (backends.Count > 1)
            {
                // Several targets: a section per target on one stream, a sub-folder per target for folder output.
                if (toFolder)
                {
                    output = Path.Combine(options.Output!, backend.Name) + Path.DirectorySeparatorChar;
                }
                else if (!options.Json)
                {
                    stdout.WriteLine("# target: " + backend.Name);
                }
            }

            ConversionWriter.Write(results, documents[t], options.Json, output, stdout);
            stdout.Flush(); // the queries before their summary, also when both streams go to one terminal
            Console.Error.WriteLine((backends.Count > 1 ? backend.Name + ": " : string.Empty) + summary);
            failed |= summary.Errors > 0 || (options.FailUnsupported && summary.Unsupported.Count > 0);
        }

        return failed ? CommandRunner.Findings : CommandRunner.Clean;
    }

    /// <param name="pipelines">The run's -p pipelines, loaded once for all its backends: a loaded pipeline is only read
    /// (its per-item memo is concurrent), so the instances converting in parallel share it.</param>
    private static IBackend CreateBackend(ConvertOptions options, string target, RuleCollection? collection, bool reportWarnings, PipelineLoad pipelines)
    {
        if (SigmaSharp.Conversion.Modern.ModernTargets.All.Any(t => t.Name == target))
        {
            if (options.Configs.Length > 0)
            {
                throw new UsageException($"{target} takes processing pipelines (-p), not sigmac configs (-c)");
            }

            var (pipeline, loadProblems) = pipelines.Value;
            var (modern, more) = pipeline is null
                ? (null, [])
                : SigmaSharp.Conversion.Modern.ModernTargets.CreateWith(target, [pipeline], options.BackendOptions, collection);
            IReadOnlyList<SigmaDiagnostic> problems = [.. loadProblems, .. more];
            foreach (var warning in problems.Where(d => reportWarnings && d.Severity != DiagnosticSeverity.Error))
            {
                Console.Error.WriteLine(warning.ToString());
            }

            return modern ?? throw new UsageException(string.Join(Environment.NewLine, problems.Select(d => d.ToString())));
        }

        if (options.Pipelines.Length > 0)
        {
            throw new UsageException($"{target} is a sigmac target: it takes configs (-c), not pipelines (-p); pipelines go with the pysigma-* targets");
        }

        LegacyConfigChain? chain = null;
        if (options.Configs.Length > 0)
        {
            var (loaded, configErrors) = LegacyConfigLoader.LoadChain(options.Configs);
            if (loaded is null || configErrors.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                throw new UsageException(string.Join(Environment.NewLine, configErrors.Select(d => d.ToString())));
            }

            chain = loaded;
        }

        var (backend, errors) = ConversionTargets.Create(target, options.BackendOptions, chain);
        return backend ?? throw new UsageException(string.Join(Environment.NewLine, errors.Select(d => d.Message)));
    }
}
