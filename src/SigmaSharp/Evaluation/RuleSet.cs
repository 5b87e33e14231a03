using SigmaSharp.Evaluation.Matching;
using SigmaSharp.Evaluation.Prefilter;
using SigmaSharp.Evaluation.Routing;
using SigmaSharp.Events;
using SigmaSharp.Pipelines;
using SigmaSharp.Rules;

namespace SigmaSharp.Evaluation;

/// <summary>
/// The compiled detection rules of a scan: each rule compiled once per field naming of the routes
/// that serve its log source (filters ANDed in), grouped by route, each group behind a literal
/// prefilter. Immutable after construction; per-thread state lives in <see cref="EvaluationScratch"/>.
/// </summary>
internal sealed class RuleSet
{
    private readonly RuleGroup[] _groups;
    private readonly RouteIndex _index;

    private RuleSet(IReadOnlyList<SigmaRule> rules, IReadOnlyList<CompiledDetection?> reports, RuleGroup[] groups, EventSchema schema)
    {
        Rules = rules;
        Reports = reports;
        _groups = groups;
        _index = new RouteIndex(schema, groups);
    }

    /// <summary>The rules that were compiled, by index.</summary>
    public IReadOnlyList<SigmaRule> Rules { get; }

    /// <summary>Per rule, one of its compilations, whose tested fields name the match report's fields.</summary>
    public IReadOnlyList<CompiledDetection?> Reports { get; }

    public IReadOnlyList<RuleGroup> Groups => _groups;

    public static RuleSet Build(
        IEnumerable<SigmaRule> rules, IReadOnlyList<SigmaFilter> filters, ScanOptions options, EventSchema schema,
        List<SigmaDiagnostic> diagnostics, Action<SigmaDiagnostic>? onRegexTimeout = null)
    {
        var compiler = new RuleCompiler(options.Placeholders, options.RegexTimeout, onRegexTimeout);
        var map = options.IgnoreLogSources ? null : options.LogSources ?? LogSourceMap.Default;
        var baseFields = new FieldResolver(schema);
        var resolvers = new Dictionary<LogSourceRoute, FieldResolver>(ReferenceEqualityComparer.Instance);
        var plans = new List<RulePlan>();
        foreach (var rule in rules)
        {
            var routes = map?.RoutesFor(rule.LogSource) ?? [];
            SigmaDiagnostic? routing = null;
            if (map is not null && routes.Count == 0)
            {
                if (options.UnknownLogSources == UnknownLogSourcePolicy.Skip)
                {
                    plans.Add(new RulePlan(rule, [], EvaluationFacts.SkippedLogSource(rule.LogSource.Position, rule.LogSource.ToString()), Skipped: true));
                    continue;
                }
                routing = EvaluationFacts.UnroutedLogSource(rule.LogSource.Position, rule.LogSource.ToString());
            }
            var targets = new List<(LogSourceRoute?, FieldResolver)>();
            if (routes.Count == 0)
            {
                targets.Add((null, baseFields));
            }
            foreach (var route in routes)
            {
                if (!resolvers.TryGetValue(route, out var fields))
                {
                    fields = route.Fields.Count == 0 ? baseFields : new FieldResolver(schema, route.Fields);
                    resolvers[route] = fields;
                }
                targets.Add((route, fields));
            }
            plans.Add(new RulePlan(rule, targets, routing, Skipped: false));
        }

        // Rules compile independently (a few thousand of them, regexes and value sets each): on every core.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads > 0 ? options.Threads : Environment.ProcessorCount };
        var results = new RuleCompilation[plans.Count];
        Parallel.For(0, plans.Count, parallel, i => results[i] = Compile(compiler, plans[i], filters));

        var entries = new Dictionary<LogSourceRoute, List<GroupEntry>>(ReferenceEqualityComparer.Instance);
        var everyEvent = new List<GroupEntry>();
        var compiled = new List<SigmaRule>();
        var reports = new List<CompiledDetection?>();
        for (var i = 0; i < plans.Count; i++)
        {
            if (plans[i].Routing is { } routing)
            {
                diagnostics.Add(routing);
            }
            var result = results[i];
            diagnostics.AddRange(result.Diagnostics);
            if (result.Failed)
            {
                continue;
            }
            var index = compiled.Count;
            compiled.Add(plans[i].Rule);
            reports.Add(result.Placed.Count > 0 ? result.Placed[0].Detection : null);
            foreach (var (route, detection) in result.Placed)
            {
                var entry = new GroupEntry(index, detection);
                if (route is null)
                {
                    everyEvent.Add(entry);
                }
                else
                {
                    if (!entries.TryGetValue(route, out var list))
                    {
                        entries[route] = list = [];
                    }
                    list.Add(entry);
                }
            }
        }
        var members = entries.Select(p => ((LogSourceRoute?)p.Key, p.Value)).ToList();
        if (everyEvent.Count > 0)
        {
            members.Add((null, everyEvent));
        }
        var groups = new RuleGroup[members.Count];
        var automata = new AutomatonCache();
        Parallel.For(0, members.Count, parallel, i => groups[i] = new RuleGroup(i, members[i].Item1, members[i].Item2, automata));
        return new RuleSet(compiled, reports, groups, schema);
    }

    private static RuleCompilation Compile(RuleCompiler compiler, RulePlan plan, IReadOnlyList<SigmaFilter> filters)
    {
        if (plan.Skipped)
        {
            return new RuleCompilation([], [], Failed: true);
        }
        var ruleFilters = filters.Where(f => FilterApplier.AppliesTo(f, plan.Rule)).ToList();
        var byResolver = new Dictionary<FieldResolver, CompiledDetection?>(ReferenceEqualityComparer.Instance);
        var failed = false;
        var ruleDiagnostics = new List<SigmaDiagnostic>();
        var placed = new List<(LogSourceRoute? Route, CompiledDetection Detection)>();
        foreach (var (route, fields) in plan.Targets)
        {
            if (!byResolver.TryGetValue(fields, out var detection))
            {
                detection = CompileWithFilters(compiler, plan.Rule, ruleFilters, fields, ruleDiagnostics);
                byResolver[fields] = detection;
                failed |= detection is null;
            }
            if (detection is not null)
            {
                placed.Add((route, detection));
            }
        }
        // Diagnostics repeat per field naming; one copy of each is enough.
        return new RuleCompilation(placed, [.. ruleDiagnostics.Distinct()], failed);
    }

    /// <summary>A rule with the routes (and their field naming) it is compiled for; a routing diagnostic to report first.</summary>
    private sealed record RulePlan(SigmaRule Rule, List<(LogSourceRoute? Route, FieldResolver Fields)> Targets, SigmaDiagnostic? Routing, bool Skipped);

    private sealed record RuleCompilation(List<(LogSourceRoute? Route, CompiledDetection Detection)> Placed, SigmaDiagnostic[] Diagnostics, bool Failed);

    private static CompiledDetection? CompileWithFilters(
        RuleCompiler compiler, SigmaRule rule, List<SigmaFilter> filters, FieldResolver fields, List<SigmaDiagnostic> diagnostics)
    {
        var detection = compiler.Compile(rule, fields, diagnostics);
        if (detection is null || filters.Count == 0)
        {
            return detection;
        }
        var operands = new List<EventMatcher> { detection.Matcher };
        var tested = detection.TestedFields.ToList();
        var regexes = detection.Regexes.ToList();
        foreach (var filter in filters)
        {
            var compiled = compiler.Compile(filter.Detection, filter.Conditions.Take(1).ToEquatableArray(), filter.Source.Position, fields, diagnostics);
            if (compiled is null)
            {
                return null;
            }
            operands.Add(compiled.Matcher);
            regexes.AddRange(compiled.Regexes);
        }
        return new CompiledDetection(new AndMatcher([.. operands]), tested, regexes);
    }

    public EvaluationScratch CreateScratch() => new(this);

    /// <summary>The groups whose route <paramref name="e"/> belongs to (for profiling tools).</summary>
    internal void CollectGroups(SigmaEvent e, List<RuleGroup> groups) => _index.Collect(e, groups);

    /// <summary>Calls <paramref name="onMatch"/> once per rule matching <paramref name="e"/>: groups in route order, rules in load order.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Evaluate(SigmaEvent e, EvaluationScratch scratch, Action<int, CompiledDetection> onMatch)
    {
        var groups = scratch.Groups;
        groups.Clear();
        _index.Collect(e, groups);
        scratch.NextEvent(dedupe: groups.Count > 1);
        foreach (var group in groups)
        {
            group.Evaluate(e, scratch, onMatch);
        }
    }
}

/// <summary>One thread's working memory for a <see cref="RuleSet"/>.</summary>
internal sealed class EvaluationScratch
{
    private readonly PrefilterScratch[] _prefilters;
    private readonly int[] _matchedStamp;
    private int _serial;
    private bool _dedupe;

    public EvaluationScratch(RuleSet set)
    {
        var cache = new ValueScanCache(set.Groups.Select(g => g.Prefilter.MaxAutomatonLiterals).DefaultIfEmpty(0).Max());
        _prefilters = [.. set.Groups.Select(g => g.Prefilter.CreateScratch(cache))];
        _matchedStamp = new int[set.Rules.Count];
    }

    public List<RuleGroup> Groups { get; } = [];

    /// <summary>The event object the thread builds each event of its batch into (see <see cref="EventBatch"/>).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051", Justification = "passed by ref to be made on first use")]
    public SigmaEvent? Event;

    /// <summary>False when the rule already matched this event through another group.</summary>
    public bool IsNew(int rule) => !_dedupe || _matchedStamp[rule] != _serial;

    public PrefilterScratch PrefilterOf(RuleGroup group) => _prefilters[group.Index];

    public void NextEvent(bool dedupe)
    {
        _dedupe = dedupe;
        if (dedupe && ++_serial == int.MaxValue)
        {
            Array.Clear(_matchedStamp);
            _serial = 1;
        }
    }

    public void MarkMatched(int rule)
    {
        if (_dedupe)
        {
            _matchedStamp[rule] = _serial;
        }
    }
}
