using System.Collections.Immutable;
using SigmaSharp.Pipelines.Processing;
using SigmaSharp.Rules;

namespace SigmaSharp.Conversion.Modern;

/// <summary>
/// A pySigma-family target: the rule goes through the processing pipeline(s), then each condition is walked by
/// <see cref="ConditionTreeBuilder"/>, spelled by a <see cref="TextQueryRenderer"/> over the target's
/// <see cref="TextDialect"/>, and wrapped by the output format. Targets override only the wrapping and the few
/// tests their table cannot say.
/// </summary>
internal abstract class ModernBackend(ModernBackendSettings settings) : IBackend, IOrderedCompletion
{
    private readonly List<string> _allQueries = [];

    internal ModernBackendSettings Settings { get; } = settings;

    protected BackendOptions Options => Settings.Options;

    protected string Format => Settings.Format;

    public abstract string Name { get; }

    protected abstract TextDialect Dialect { get; }

    protected virtual TextQueryRenderer CreateRenderer() => new(Dialect);

    public ConversionResult Convert(SigmaRuleBase rule)
    {
        var diagnostics = new List<SigmaDiagnostic>();
        var (processed, state) = Process(rule, diagnostics);
        if (processed is null)
        {
            return Result(rule, [], diagnostics);
        }

        var queries = processed switch
        {
            SigmaRule sigmaRule => ConvertRule(sigmaRule, state, diagnostics),
            CorrelationRule correlation => ConvertCorrelation(correlation, state, diagnostics),
            _ => Fail(diagnostics, ConversionFacts.RuleKindNotSupported(rule.Source.Position, Name, "filter")),
        };
        var result = Result(rule, queries, diagnostics);
        if (result.IsConverted && !ConvertsIndependently)
        {
            // Kept only when the end of the run builds a document from them (output format, finalizer).
            _allQueries.AddRange(result.Queries);
        }

        return result;
    }

    /// <summary>Runs the rule through the pipelines in order; null when one refused it.</summary>
    private (SigmaRuleBase? Rule, Dictionary<string, object?> State) Process(SigmaRuleBase rule, List<SigmaDiagnostic> diagnostics)
    {
        var state = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pipeline in Settings.Pipelines)
        {
            var outcome = pipeline.Apply(rule);
            diagnostics.AddRange(outcome.Diagnostics);
            foreach (var (key, value) in outcome.State)
            {
                state[key] = value;
            }

            if (outcome.Rule is null)
            {
                return (null, state);
            }

            rule = outcome.Rule;
        }

        return (rule, state);
    }

    /// <summary>The finished (not yet wrapped) queries of a rule a correlation refers to; null when it cannot be converted.</summary>
    internal List<string>? ConvertForCorrelation(SigmaRule rule, List<SigmaDiagnostic> diagnostics)
    {
        var (processed, state) = Process(rule, diagnostics);
        if (processed is not SigmaRule sigmaRule)
        {
            return null;
        }

        var queries = new List<string>();
        foreach (var condition in sigmaRule.Conditions)
        {
            if (condition.Expression is null)
            {
                return null;
            }

            var renderer = CreateRenderer();
            var tree = ConditionTreeBuilder.Build(sigmaRule, condition.Expression);
            var text = tree is null ? null : renderer.Render(tree);
            var query = renderer.Unsupported is null ? FinishQuery(sigmaRule, text, renderer, state) : null;
            if (query is null)
            {
                diagnostics.Add(ConversionFacts.NotSupported(condition.Position, Name, renderer.Unsupported ?? "the referenced rule's condition selects nothing"));
                return null;
            }

            queries.Add(query);
        }

        return queries;
    }

    private static ConversionResult Result(SigmaRuleBase rule, IReadOnlyList<string> queries, List<SigmaDiagnostic> diagnostics) =>
        new(rule, diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? EquatableArray<string>.Empty : queries.ToImmutableArray(), diagnostics.ToImmutableArray());

    protected static List<string> Fail(List<SigmaDiagnostic> diagnostics, SigmaDiagnostic diagnostic)
    {
        diagnostics.Add(diagnostic);
        return [];
    }

    private List<string> ConvertRule(SigmaRule rule, IReadOnlyDictionary<string, object?> state, List<SigmaDiagnostic> diagnostics)
    {
        if (rule.Conditions.IsEmpty)
        {
            return Fail(diagnostics, ConversionFacts.RuleHasNoCondition(rule.Source.Position));
        }

        var queries = new List<string>();
        for (var index = 0; index < rule.Conditions.Count; index++)
        {
            var condition = rule.Conditions[index];
            if (condition.Expression is null || condition.Aggregation is not null)
            {
                return Fail(diagnostics, ConversionFacts.NotSupported(condition.Position, Name, condition.Expression is null ? "the condition did not parse" : "aggregations in conditions (use a correlation rule)"));
            }

            var renderer = CreateRenderer();
            var tree = ConditionTreeBuilder.Build(rule, condition.Expression);
            var text = tree is null ? null : renderer.Render(tree);
            if (renderer.Unsupported is not null)
            {
                return Fail(diagnostics, ConversionFacts.NotSupported(condition.Position, Name, renderer.Unsupported));
            }

            var query = FinishQuery(rule, text, renderer, state);
            if (query is null)
            {
                return Fail(diagnostics, ConversionFacts.NotSupported(condition.Position, Name, "the condition selects nothing the target can search"));
            }

            queries.Add(FinalizeQuery(rule, query, index, state, diagnostics));
        }

        return queries;
    }

    /// <summary>Adds what follows the main expression (deferred parts); null when there is no query at all.</summary>
    protected virtual string? FinishQuery(SigmaRule rule, string? expression, TextQueryRenderer renderer, IReadOnlyDictionary<string, object?> state) => expression;

    /// <summary>Wraps one query in the output format (prefix, table of fields, saved-search stanza ...).</summary>
    protected virtual string FinalizeQuery(SigmaRule rule, string query, int index, IReadOnlyDictionary<string, object?> state, List<SigmaDiagnostic> diagnostics) => query;

    protected virtual List<string> ConvertCorrelation(CorrelationRule rule, IReadOnlyDictionary<string, object?> state, List<SigmaDiagnostic> diagnostics) =>
        Fail(diagnostics, ConversionFacts.RuleKindNotSupported(rule.Source.Position, Name, "correlation"));

    /// <summary>The output format's document around all queries (savedsearches.conf, NDJSON ...) or the pipelines' finalizers.</summary>
    /// <summary>False when the end of the run builds a document from all queries (an output format, a finalizer).</summary>
    public bool ConvertsIndependently => Format == "default" && Settings.Pipelines.All(p => p.Finalizers.Count == 0);

    public string? Finalize() => Document(_allQueries);

    /// <summary>The queries are the rules' own; the document is built from all of them in rule order, as <see cref="Finalize"/> builds it.</summary>
    public (IReadOnlyList<EquatableArray<string>> Queries, IReadOnlyList<string>? Document) CompleteInOrder(IReadOnlyList<ConvertedQueries> converted)
    {
        ArgumentNullException.ThrowIfNull(converted);
        var document = ConvertsIndependently ? null : Document([.. converted.SelectMany(c => c.Queries)]);
        return ([.. converted.Select(c => c.Queries)], document is null ? null : [document]);
    }

    private string? Document(List<string> queries)
    {
        var finalizer = Settings.Pipelines.SelectMany(p => p.Finalizers).LastOrDefault();
        return finalizer?.Finalize(queries) ?? FinalizeOutput(queries);
    }

    protected virtual string? FinalizeOutput(IReadOnlyList<string> queries) => null;
}

/// <summary>What every modern backend is created with: pipelines applied in order, output format, options.</summary>
internal sealed record ModernBackendSettings(IReadOnlyList<ProcessingPipeline> Pipelines, string Format, BackendOptions Options, Func<string, SigmaRuleBase?>? ResolveReference)
{
    /// <summary>
    /// <c>compat=pysigma</c>: write what pySigma writes even where the engine then reads something other than the rule
    /// (SQLite's NOT over a missing field, Lucene's regular expressions; docs/pysigma-differences.md).
    /// </summary>
    public bool PySigmaCompat { get; init; }
}
