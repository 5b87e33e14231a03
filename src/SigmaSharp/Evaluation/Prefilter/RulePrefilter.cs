using SigmaSharp.Evaluation.Matching;
using SigmaSharp.Events;

namespace SigmaSharp.Evaluation.Prefilter;

/// <summary>
/// Decides, per event, which rules of a group can possibly match. A rule has up to 8 literal needs
/// that must all hold (each: one of its literals occurs in one of its named fields); it is a
/// candidate only when the automata found, for every need, one of its literals in one of its
/// fields. Rules without needs are always candidates. Each field
/// named by some need has its own automaton over just its literals, run once over that field's
/// values; keyword needs share one automaton run over every value of the event.
/// </summary>
internal sealed class RulePrefilter
{
    // Whole values looked up in an exact index are read into this much stack, not made strings.
    private const int ExactTextBuffer = 256;

    private readonly (FieldKey? Field, LiteralAutomaton Automaton, int[] Ids)[] _scans;
    private readonly (FieldKey Field, ExactIndex Index)[] _lookups;
    private readonly int[][] _rulesOfLiteral; // entries: rule << 3 | need index
    private readonly ulong[] _always;
    private readonly JsonKeywordSearch? _keywords; // for the scan of every value, when it can
    private readonly byte[] _full;

    /// <param name="needs">Per rule, the needs that must all hold.</param>
    /// <param name="automata">Automata already built for other groups (see <see cref="AutomatonCache"/>).</param>
    public RulePrefilter(IReadOnlyList<IReadOnlyList<LiteralNeed>> needs, AutomatonCache? automata = null)
    {
        RuleCount = needs.Count;
        _full = new byte[needs.Count];
        _always = new ulong[(needs.Count + 63) / 64];
        // Literal ids are per (field, literal): a literal counts only in the fields that need it.
        var ids = new Dictionary<(FieldKey?, string), int>();
        var rulesOfLiteral = new List<List<int>>();
        var perField = new Dictionary<object, (FieldKey? Field, List<string> Texts, List<int> Ids)>(ReferenceEqualityComparer.Instance);
        var anywhere = new object();
        var exact = new Dictionary<FieldKey, ExactIndex>(ReferenceEqualityComparer.Instance);
        for (var rule = 0; rule < needs.Count; rule++)
        {
            if (needs[rule].Count == 0)
            {
                Set(_always, rule);
                continue;
            }
            _full[rule] = (byte)((1 << Math.Min(needs[rule].Count, 8)) - 1);
            for (var index = 0; index < needs[rule].Count && index < 8; index++)
            {
                AddNeed(needs[rule][index], (rule << 3) | index);
            }
        }

        void AddNeed(LiteralNeed need, int entry)
        {
            if (need.Exact && need.Scope is { } fields)
            {
                AddExact(need, fields, entry);
                return;
            }
            FieldKey?[] scope = need.Scope is null ? new FieldKey?[] { null } : [.. need.Scope.Distinct()];
            foreach (var field in scope)
            {
                foreach (var literal in need.Literals)
                {
                    var folded = literal.ToUpperInvariant();
                    if (!ids.TryGetValue((field, folded), out var id))
                    {
                        id = rulesOfLiteral.Count;
                        ids[(field, folded)] = id;
                        rulesOfLiteral.Add([]);
                        var slot = (object?)field ?? anywhere;
                        if (!perField.TryGetValue(slot, out var list))
                        {
                            perField[slot] = list = (field, [], []);
                        }
                        list.Texts.Add(folded);
                        list.Ids.Add(id);
                    }
                    rulesOfLiteral[id].Add(entry);
                }
            }
        }
        void AddExact(LiteralNeed need, IReadOnlyList<FieldKey> fields, int entry)
        {
            foreach (var field in fields.Distinct())
            {
                if (!exact.TryGetValue(field, out var index))
                {
                    exact[field] = index = new ExactIndex();
                }
                foreach (var literal in need.Literals)
                {
                    // Exact ids live beside the substring ids of the same field, marked apart.
                    var key = (field, "\u0002" + literal.ToUpperInvariant());
                    if (!ids.TryGetValue(key, out var id))
                    {
                        id = rulesOfLiteral.Count;
                        ids[key] = id;
                        rulesOfLiteral.Add([]);
                        index.Add(literal, id);
                    }
                    rulesOfLiteral[id].Add(entry);
                }
            }
        }
        _lookups = [.. exact.Select(p => (p.Key, p.Value))];
        var scans = new List<(FieldKey?, LiteralAutomaton, int[])>();
        foreach (var (field, texts, literalIds) in perField.Values)
        {
            var automaton = automata is null ? LiteralAutomaton.Build(texts, out _) : automata.GetOrBuild(texts);
            for (var i = 0; i < texts.Count; i++)
            {
                if (texts[i].Length == 0)
                {
                    // The automaton cannot report an empty literal; the rule stays a candidate.
                    rulesOfLiteral[literalIds[i]].ForEach(entry => Set(_always, entry >> 3));
                }
            }
            scans.Add((field, automaton, [.. literalIds]));
            if (field is null)
            {
                _keywords = JsonKeywordSearch.TryBuild(texts);
            }
            StateCount += automaton.StateCount;
        }
        _scans = [.. scans];
        LiteralCount = rulesOfLiteral.Count;
        _rulesOfLiteral = [.. rulesOfLiteral.Select(r => r.Distinct().ToArray())];
        AlwaysCount = Enumerable.Range(0, needs.Count).Count(i => IsSet(_always, i));
    }

    public int RuleCount { get; }

    /// <summary>The fields scanned, each with its automaton's size (for profiling tools).</summary>
    internal IEnumerable<(string Field, int Literals, int States, long Bytes)> Scans =>
        _scans.Select(s => (s.Field?.Name ?? "(any)", s.Automaton.LiteralCount, s.Automaton.StateCount, s.Automaton.TableBytes));

    /// <summary>The automata by field name (for benchmarks).</summary>
    internal IEnumerable<(string Field, LiteralAutomaton Automaton)> Automata => _scans.Select(s => (s.Field?.Name ?? "(any)", s.Automaton));

    /// <summary>How many (rule, need) entries a literal marks when found (for profiling tools).</summary>
    internal int EntriesOf(int literal) => _rulesOfLiteral[literal].Length;

    /// <summary>Rules evaluated on every event of the group (no usable literal need).</summary>
    public int AlwaysCount { get; }

    public int LiteralCount { get; }

    public int StateCount { get; }

    public PrefilterScratch CreateScratch(ValueScanCache? cache = null) => new(LiteralCount, _always.Length, RuleCount) { Cache = cache };

    /// <summary>The most literals one automaton holds (sizes a <see cref="ValueScanCache"/>).</summary>
    public int MaxAutomatonLiterals => _scans.Length == 0 ? 0 : _scans.Max(s => s.Automaton.LiteralCount);

    /// <summary>Fills <see cref="PrefilterScratch.Candidates"/> with the rules that may match <paramref name="e"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Select(SigmaEvent e, PrefilterScratch scratch)
    {
        var candidates = scratch.Candidates;
        _always.CopyTo(candidates, 0);
        if (_scans.Length == 0 && _lookups.Length == 0)
        {
            return;
        }
        var hits = scratch.Hits;
        hits.Reset();
        Span<char> buffer = stackalloc char[ExactTextBuffer];
        Span<byte> upper = stackalloc byte[ExactTextBuffer];
        foreach (var (field, index) in _lookups)
        {
            var values = e.Get(field).GetEnumerator();
            while (values.MoveNext())
            {
                // Most values (ids, codes, paths with only \\ escapes) are looked up from their bytes; others
                // are decoded.
                if (index.TakesAscii && e.TryGetUpperAscii(values.CurrentIndex, upper, out var length))
                {
                    index.FindUpperAscii(upper[..length], hits);
                }
                else if (e.TryGetText(values.CurrentIndex, buffer, out var text))
                {
                    index.Find(text, hits);
                }
            }
        }
        foreach (var (field, automaton, ids) in _scans)
        {
            if (field is null)
            {
                if (_keywords is null || !_keywords.TryScan(e.Json.Span, ref scratch.Chars, hits, ids))
                {
                    ScanEveryValue(e, automaton, hits, ids);
                }
                continue;
            }
            var values = e.Get(field).GetEnumerator();
            while (values.MoveNext())
            {
                ScanValue(e, values.CurrentIndex, automaton, hits, ids, scratch.Cache);
            }
        }
        var masks = scratch.Masks;
        var touched = scratch.Touched;
        foreach (var literal in hits.Found)
        {
            foreach (var entry in _rulesOfLiteral[literal])
            {
                var rule = entry >> 3;
                if (masks[rule] == 0)
                {
                    touched.Add(rule);
                }
                masks[rule] |= (byte)(1 << (entry & 7));
            }
        }
        foreach (var rule in touched)
        {
            if (masks[rule] == _full[rule])
            {
                Set(candidates, rule);
            }
            masks[rule] = 0;
        }
        touched.Clear();
    }

    // Keyword needs read every value of every event. The event's JSON holds every value's text, so
    // one pass over it finds at least their literals (names and punctuation may add a few), without
    // the per-value overhead; escapes other than \\, \" and \/ send it back value by value.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void ScanEveryValue(SigmaEvent e, LiteralAutomaton automaton, LiteralHits hits, int[] ids)
    {
        var json = e.Json.Span;
        if (System.Text.Ascii.IsValid(json) && automaton.ScanJsonAscii(json, hits, ids))
        {
            return;
        }
        for (var i = 0; i < e.FieldCount; i++)
        {
            ScanValue(e, i, automaton, hits, ids, null);
        }
    }

    // ASCII values are scanned as their raw UTF-8 bytes, which saves decoding them; values with other
    // escapes or non-ASCII characters (whose case folding may reach ASCII, e.g. U+017F) are decoded,
    // unless the thread's cache remembers the value.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void ScanValue(SigmaEvent e, int index, LiteralAutomaton automaton, LiteralHits hits, int[] ids, ValueScanCache? cache)
    {
        var kind = e.KindAt(index);
        if (kind is EventValueKind.Null or EventValueKind.Empty)
        {
            return;
        }
        if (kind is EventValueKind.String or EventValueKind.Number)
        {
            var raw = e.RawValueAt(index);
            if (cache is not null && raw.Length is >= ValueScanCache.MinLength and <= ValueScanCache.MaxLength)
            {
                cache.ScanValue(automaton, raw, e, index, hits, ids);
                return;
            }
            if (System.Text.Ascii.IsValid(raw) && automaton.ScanJsonAscii(raw, hits, ids))
            {
                return;
            }
        }
        if (e.ValueAt(index) is { } text)
        {
            automaton.Scan(text, hits, ids);
        }
    }



    private static void Set(ulong[] bits, int index) => bits[index >> 6] |= 1UL << (index & 63);

    private static bool IsSet(ulong[] bits, int index) => (bits[index >> 6] & (1UL << (index & 63))) != 0;
}

/// <summary>One thread's working memory for one group's prefilter.</summary>
internal sealed class PrefilterScratch(int literalCount, int words, int rules)
{
    /// <summary>Per rule, the needs found so far in the current event (cleared after each event).</summary>
    public byte[] Masks { get; } = new byte[rules];

    public List<int> Touched { get; } = [];

    public LiteralHits Hits { get; } = new(literalCount);

    public ulong[] Candidates { get; } = new ulong[words];

    /// <summary>An event's JSON as text for <see cref="JsonKeywordSearch"/> (grown as needed).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051", Justification = "passed by ref to grow it")]
    public char[] Chars = [];

    /// <summary>The thread's memory of value scans, shared by its groups; null scans every value.</summary>
    public ValueScanCache? Cache { get; set; }
}
