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
        var files = FindFiles(paths, diagnostics);
        var results = new RuleFileParser.Result[files.Count];
        Parallel.For(0, files.Count, i => results[i] = RuleFileParser.ParseFile(files[i].Open, files[i].Display, budgets));
        return Assemble(results, diagnostics, diagnostics.Count);
    }

    /// <summary>
    /// Parses the rule files of <paramref name="paths"/> on all cores and hands each file's result to
    /// <paramref name="process"/> on the thread that parsed it, with that thread's own <typeparamref name="TWorker"/>
    /// (taken from <paramref name="workers"/>, one per thread at a time, so give at least one per core). Only what
    /// <paramref name="process"/> returns is kept, with the files' diagnostics and counts: a batch that needs each rule
    /// once (a conversion) then never holds the whole corpus's rules, which is what most of the collector's time in a
    /// whole load goes to. Cross-file steps (legacy aggregations, references, filters) are the caller's: see
    /// <see cref="StreamedLoad{T}.NeedsWholeCollection"/>.
    /// </summary>
    public static StreamedLoad<T> LoadEach<TWorker, T>(
        IEnumerable<string> paths,
        IReadOnlyCollection<TWorker> workers,
        Func<TWorker, RuleFileParser.Result, T> process,
        YamlBudgets? budgets = null)
    {
        ArgumentNullException.ThrowIfNull(workers);
        ArgumentNullException.ThrowIfNull(process);
        if (workers.Count == 0)
        {
            throw new ArgumentException("at least one worker is needed", nameof(workers));
        }

        var diagnostics = new List<SigmaDiagnostic>();
        var files = FindFiles(paths, diagnostics);
        var missing = diagnostics.Count;
        var items = new T[files.Count];
        var kept = new RuleFileParser.Result[files.Count];
        var wholeCollection = 0;
        var idle = new System.Collections.Concurrent.ConcurrentBag<TWorker>(workers);
        Parallel.For(
            0,
            files.Count,
            new ParallelOptions { MaxDegreeOfParallelism = workers.Count },
            () => idle.TryTake(out var worker) ? worker : throw new InvalidOperationException("more threads than workers"),
            (i, _, worker) =>
            {
                var result = RuleFileParser.ParseFile(files[i].Open, files[i].Display, budgets);
                if (result.Rules.Any(NeedsWholeCollection))
                {
                    Interlocked.Exchange(ref wholeCollection, 1);
                }

                items[i] = process(worker, result);
                kept[i] = result with { Rules = [] };
                return worker;
            },
            idle.Add);
        foreach (var result in kept)
        {
            diagnostics.AddRange(result.Diagnostics);
        }

        return new StreamedLoad<T>(
            items,
            diagnostics.ToEquatableArray(),
            kept.Count(r => !r.Skipped),
            kept.Count(r => r.Skipped) + missing,
            kept.Sum(r => r.RulesWithErrors),
            wholeCollection != 0);
    }

    /// <summary>Rules whose meaning depends on other rules of the load (or that become several rules).</summary>
    private static bool NeedsWholeCollection(SigmaRuleBase rule) =>
        rule is CorrelationRule or SigmaFilter || (rule is SigmaRule detection && detection.Conditions.Any(c => c.Aggregation is not null));

    private static List<(string Open, string Display)> FindFiles(IEnumerable<string> paths, List<SigmaDiagnostic> diagnostics)
    {
        var files = new List<(string Open, string Display)>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                // Enumerated from the absolute folder (no working-directory lookup per file), shown as the user wrote it.
                var root = Path.GetFullPath(path);
                files.AddRange(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Select(f => (Open: f, Display: Path.Join(path, f.AsSpan(root.Length).TrimStart(Path.DirectorySeparatorChar))))
                    .OrderBy(f => f.Display, StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add((Path.GetFullPath(path), path));
            }
            else
            {
                diagnostics.Add(DiagnosticFacts.FileNotFound(new SourcePosition(path, 0, 0)));
            }
        }

        return files;
    }

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
