using SigmaSharp.Evaluation.Matching;
using SigmaSharp.Events;

namespace SigmaSharp.Evaluation.Prefilter;

/// <summary>
/// Decides, per event, which rules of a group can possibly match: a rule with a known literal
/// need (one of its literals must occur in one of its fields) is a candidate only when the
/// automaton found one of them; rules without a need are always candidates. The automaton runs
/// once over the values of the fields the needs name (or every value when a keyword needs it).
/// </summary>
internal sealed class RulePrefilter
{
    private readonly LiteralAutomaton? _automaton;
    private readonly int[][] _rulesOfLiteral;
    private readonly ulong[] _always;
    private readonly FieldKey[] _fields;
    private readonly bool _allValues;

    public RulePrefilter(IReadOnlyList<LiteralNeed?> needs)
    {
        RuleCount = needs.Count;
        _always = new ulong[(needs.Count + 63) / 64];
        var literals = new List<string>();
        var literalIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rulesOfLiteral = new List<List<int>>();
        var fields = new Dictionary<FieldKey, bool>(ReferenceEqualityComparer.Instance);
        for (var rule = 0; rule < needs.Count; rule++)
        {
            if (needs[rule] is not { } need)
            {
                Set(_always, rule);
                continue;
            }
            foreach (var literal in need.Literals)
            {
                if (!literalIds.TryGetValue(literal, out var id))
                {
                    id = literals.Count;
                    literalIds[literal] = id;
                    literals.Add(literal);
                    rulesOfLiteral.Add([]);
                }
                rulesOfLiteral[id].Add(rule);
            }
            if (need.Scope is null)
            {
                _allValues = true;
            }
            else
            {
                foreach (var field in need.Scope)
                {
                    fields[field] = true;
                }
            }
        }
        _fields = [.. fields.Keys];
        if (literals.Count > 0)
        {
            _automaton = LiteralAutomaton.Build(literals, out var accepted);
            for (var id = 0; id < literals.Count; id++)
            {
                if (!accepted[id])
                {
                    rulesOfLiteral[id].ForEach(rule => Set(_always, rule));
                }
            }
        }
        _rulesOfLiteral = [.. rulesOfLiteral.Select(r => r.Distinct().ToArray())];
        AlwaysCount = Enumerable.Range(0, needs.Count).Count(i => IsSet(_always, i));
    }

    public int RuleCount { get; }

    /// <summary>Rules evaluated on every event of the group (no usable literal need).</summary>
    public int AlwaysCount { get; }

    public int LiteralCount => _automaton?.LiteralCount ?? 0;

    public int StateCount => _automaton?.StateCount ?? 0;

    public PrefilterScratch CreateScratch() => new(LiteralCount, _always.Length);

    /// <summary>Fills <see cref="PrefilterScratch.Candidates"/> with the rules that may match <paramref name="e"/>.</summary>
    public void Select(SigmaEvent e, PrefilterScratch scratch)
    {
        var candidates = scratch.Candidates;
        _always.CopyTo(candidates, 0);
        if (_automaton is null)
        {
            return;
        }
        var hits = scratch.Hits;
        hits.Reset();
        if (_allValues)
        {
            for (var i = 0; i < e.FieldCount; i++)
            {
                if (e.ValueAt(i) is { } text)
                {
                    _automaton.Scan(text, hits);
                }
            }
        }
        else
        {
            foreach (var field in _fields)
            {
                var values = e.Get(field).GetEnumerator();
                while (values.MoveNext())
                {
                    if (values.Current is { } text)
                    {
                        _automaton.Scan(text, hits);
                    }
                }
            }
        }
        foreach (var literal in hits.Found)
        {
            foreach (var rule in _rulesOfLiteral[literal])
            {
                Set(candidates, rule);
            }
        }
    }

    private static void Set(ulong[] bits, int index) => bits[index >> 6] |= 1UL << (index & 63);

    private static bool IsSet(ulong[] bits, int index) => (bits[index >> 6] & (1UL << (index & 63))) != 0;
}

/// <summary>One thread's working memory for one group's prefilter.</summary>
internal sealed class PrefilterScratch(int literalCount, int words)
{
    public LiteralHits Hits { get; } = new(literalCount);

    public ulong[] Candidates { get; } = new ulong[words];
}
