using SigmaSharp.Rules;

namespace SigmaSharp.Parsing;

/// <summary>
/// Loads rule files and folders (recursively, *.yml and *.yaml) into one <see cref="RuleCollection"/>, on all
/// cores, in a stable order. Correlation and filter references are resolved across all files of the load.
/// </summary>
public static class RuleLoader
{
    private static readonly string[] Extensions = [".yml", ".yaml"];

    public static RuleCollection Load(IEnumerable<string> paths, YamlBudgets? budgets = null)
    {
        var diagnostics = new List<SigmaDiagnostic>();
        var parsed = ParseEach(paths, Enumerable.Range(0, Environment.ProcessorCount).ToList(), (_, result) => result, budgets, diagnostics);
        return Assemble([.. parsed.Select(p => p.Item)], diagnostics, diagnostics.Count);
    }

    /// <summary>
    /// Parses the rule files of <paramref name="paths"/> on all cores and hands each file's result to
    /// <paramref name="process"/> on the thread that parsed it, with that thread's own <typeparamref name="TWorker"/>
    /// (one thread per worker of <paramref name="workers"/>). Only what <paramref name="process"/> returns is kept,
    /// with the files' diagnostics and counts: a batch that needs each rule once (a conversion) then never holds the
    /// whole corpus's rules, which is what most of the collector's time in a whole load goes to. Cross-file steps
    /// (legacy aggregations, references, filters) are the caller's: see <see cref="StreamedLoad{T}.NeedsWholeCollection"/>.
    /// </summary>
    public static StreamedLoad<T> LoadEach<TWorker, T>(
        IEnumerable<string> paths,
        IReadOnlyCollection<TWorker> workers,
        Func<TWorker, RuleFileParser.Result, T> process,
        YamlBudgets? budgets = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        var diagnostics = new List<SigmaDiagnostic>();
        var wholeCollection = 0;
        var parsed = ParseEach(
            paths,
            workers,
            (worker, result) =>
            {
                if (result.Rules.Any(NeedsWholeCollection))
                {
                    Interlocked.Exchange(ref wholeCollection, 1);
                }

                return (Item: process(worker, result), Kept: result with { Rules = [] });
            },
            budgets,
            diagnostics);
        var missing = diagnostics.Count;
        foreach (var (_, kept) in parsed.Select(p => p.Item))
        {
            diagnostics.AddRange(kept.Diagnostics);
        }

        return new StreamedLoad<T>(
            [.. parsed.Select(p => p.Item.Item)],
            diagnostics.ToEquatableArray(),
            parsed.Count(p => !p.Item.Kept.Skipped),
            parsed.Count(p => p.Item.Kept.Skipped) + missing,
            parsed.Sum(p => p.Item.Kept.RulesWithErrors),
            wholeCollection != 0);
    }

    /// <summary>Rules whose meaning depends on other rules of the load (or that become several rules).</summary>
    private static bool NeedsWholeCollection(SigmaRuleBase rule) =>
        rule is CorrelationRule or SigmaFilter || (rule is SigmaRule detection && detection.Conditions.Any(c => c.Aggregation is not null));

    /// <summary>
    /// Files are parsed as the folders are walked (walking thousands of files is not free): one thread per worker
    /// takes them from the walk, and the results are put in load order at the end — the paths in the order given,
    /// each folder's files by name.
    /// </summary>
    private static List<FoundFile<T>> ParseEach<TWorker, T>(
        IEnumerable<string> paths, IReadOnlyCollection<TWorker> workers, Func<TWorker, RuleFileParser.Result, T> process, YamlBudgets? budgets, List<SigmaDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(workers);
        if (workers.Count == 0)
        {
            throw new ArgumentException("at least one worker is needed", nameof(workers));
        }

        using var walk = new System.Collections.Concurrent.BlockingCollection<FoundFile<T>>();
        List<FoundFile<T>> Parse(TWorker worker)
        {
            var done = new List<FoundFile<T>>();
            foreach (var file in walk.GetConsumingEnumerable())
            {
                done.Add(file with { Item = process(worker, RuleFileParser.ParseFile(file.Open, file.Display, budgets)) });
            }

            return done;
        }

        // One worker is the calling thread's, once the walk is done: the load finishes even when the thread pool has
        // no thread to spare (a load started from a pool thread, a busy server).
        var helpers = workers.Skip(1)
            .Select(worker => Task.Factory.StartNew(() => Parse(worker), CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default))
            .ToList();
        List<FoundFile<T>> own;
        try
        {
            try
            {
                Walk(paths, walk, diagnostics);
            }
            finally
            {
                walk.CompleteAdding();
            }

            own = Parse(workers.First());
        }
        finally
        {
            // Every parser has stopped before the walk's queue is disposed, whatever failed.
            Task.WhenAll(helpers).ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        }

        // The walk order is the file system's; the load order is the paths' and, within a folder, the names'.
        return [.. helpers.SelectMany(p => p.GetAwaiter().GetResult()).Concat(own)
            .OrderBy(f => f.Path)
            .ThenBy(f => f.Display, StringComparer.Ordinal)];
    }

    private static void Walk<T>(IEnumerable<string> paths, System.Collections.Concurrent.BlockingCollection<FoundFile<T>> found, List<SigmaDiagnostic> diagnostics)
    {
        var index = 0;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                // Enumerated from the absolute folder (no working-directory lookup per file), shown as the user wrote it.
                var root = Path.GetFullPath(path);
                foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
                {
                    if (Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                    {
                        found.Add(new FoundFile<T>(index, file, Path.Join(path, file.AsSpan(root.Length).TrimStart(Path.DirectorySeparatorChar)), default!));
                    }
                }
            }
            else if (File.Exists(path))
            {
                found.Add(new FoundFile<T>(index, Path.GetFullPath(path), path, default!));
            }
            else
            {
                diagnostics.Add(DiagnosticFacts.FileNotFound(new SourcePosition(path, 0, 0)));
            }

            index++;
        }
    }

    /// <summary>A rule file found under the <paramref name="Path"/>-th path given, and what parsing it gave.</summary>
    private sealed record FoundFile<T>(int Path, string Open, string Display, T Item);

    /// <summary>Loads rules from texts already in memory (web requests, tests); names are used as file names.</summary>
    public static RuleCollection LoadTexts(IEnumerable<(string Name, string Text)> texts, YamlBudgets? budgets = null) =>
        Assemble(texts.Select(t => RuleFileParser.ParseText(t.Text, t.Name, budgets)).ToArray(), [], 0);

    private static RuleCollection Assemble(RuleFileParser.Result[] results, List<SigmaDiagnostic> diagnostics, int missing)
    {
        var rules = new List<SigmaRuleBase>();
        foreach (var result in results)
        {
            diagnostics.AddRange(result.Diagnostics);
            rules.AddRange(result.Rules);
        }

        var errorsBefore = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var converted = LegacyAggregationConverter.Convert(rules, diagnostics);
        var refusedAggregations = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) - errorsBefore;
        var collection = new RuleCollection(
            converted.ToEquatableArray(),
            EquatableArray<SigmaDiagnostic>.Empty,
            results.Count(r => !r.Skipped),
            results.Count(r => r.Skipped) + missing,
            results.Sum(r => r.RulesWithErrors) + refusedAggregations);
        diagnostics.AddRange(ReferenceResolver.Check(collection));
        return collection with { Diagnostics = diagnostics.ToEquatableArray() };
    }
}

/// <summary>Reports correlation and filter references that name no loaded rule.</summary>
internal static class ReferenceResolver
{
    public static IEnumerable<SigmaDiagnostic> Check(RuleCollection collection)
    {
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in collection.Rules)
        {
            if (rule.Id is not null)
            {
                known.Add(rule.Id);
            }

            if (rule.Name is not null)
            {
                known.Add(rule.Name);
            }
        }

        foreach (var rule in collection.Rules)
        {
            var references = rule switch
            {
                CorrelationRule c => c.Rules,
                SigmaFilter f => f.Rules,
                _ => EquatableArray<string>.Empty,
            };
            foreach (var reference in references.Where(r => !known.Contains(r)))
            {
                yield return rule is SigmaFilter
                    ? DiagnosticFacts.UnresolvedReference(rule.Source.Position, reference) with { Severity = DiagnosticSeverity.Warning }
                    : DiagnosticFacts.UnresolvedReference(rule.Source.Position, reference);
            }
        }
    }
}
