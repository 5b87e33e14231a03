namespace SigmaSharp.Evaluation.Prefilter;

/// <summary>
/// Aho–Corasick automaton over case-folded text: finds, in one pass over a value, every literal
/// (of many thousands) that occurs in it, and possibly a few more (see the character classes in
/// <see cref="Build"/>). Characters are folded with the invariant upper-case
/// mapping (as OrdinalIgnoreCase does) and mapped to a small alphabet of the characters the
/// literals use; the goto/fail structure is flattened into a dense transition table so each
/// character costs two array reads.
/// </summary>
internal sealed partial class LiteralAutomaton
{
    private const int NonAsciiBuckets = 32;

    private readonly byte[] _classOf; // ASCII characters only; others go through _bucketClass
    private readonly byte[] _bucketClass;
    private readonly int[] _row;
    private const int NarrowStateLimit = 0x7FFF;

    private readonly ushort[]? _narrow;
    private readonly int _classes;
    private readonly int[] _outputStart; // by state; state + 1 gives the end

    private readonly int[] _outputs;

    // Values at least this long (in raw bytes) are scanned as two halves at once.
    private const int SplitLength = 64;

    private readonly int _longest; // characters of the longest literal

    // Transitions hold the target's row offset (state × classes), with the sign bit set when the
    // target reports literals: one table read per character, no multiply, no output-table read.
    // Automata of fewer than 32,768 states hold the target state in 16 bits instead: half the
    // table, which matters more than the multiply since the table outgrows the caches.
    private LiteralAutomaton(byte[] classOf, byte[] bucketClass, int classes, ushort[]? narrow, int[] rows, int[] outputStart, int[] outputs, int literalCount, bool ascii, int longest)
    {
        _longest = longest;
        _classOf = classOf;
        _bucketClass = bucketClass;
        _classes = classes;
        _narrow = narrow;
        _row = rows;
        _outputStart = outputStart;
        _outputs = outputs;
        LiteralCount = literalCount;
        IsAscii = ascii;
        StateCount = outputStart.Length - 1;
    }

    /// <summary>True when every literal is ASCII, so UTF-8 bytes of pure-ASCII text can be scanned directly.</summary>
    public bool IsAscii { get; }

    public int StateCount { get; }

    /// <summary>Bytes held by the transition table (for profiling tools).</summary>
    internal long TableBytes => _row.LongLength * sizeof(int) + (_narrow?.LongLength ?? 0) * sizeof(ushort);

    public int LiteralCount { get; }

    /// <summary>Reports each literal found in <paramref name="text"/> to <paramref name="hits"/> as <paramref name="ids"/>[literal index] (once per literal per event).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Scan(ReadOnlySpan<char> text, LiteralHits hits, int[] ids)
    {
        var classOf = _classOf;
        if (_narrow is { } narrow)
        {
            var classes = _classes;
            var state = 0;
            foreach (var c in text)
            {
                int target = narrow[state * classes + (c < 128 ? classOf[c] : NonAsciiClass(c))];
                state = target & NarrowStateLimit;
                if (target > NarrowStateLimit)
                {
                    ReportState(state, hits, ids);
                }
            }
            return;
        }
        var rows = _row;
        var row = 0;
        foreach (var c in text)
        {
            row = rows[row + (c < 128 ? classOf[c] : NonAsciiClass(c))];
            if (row < 0)
            {
                row &= int.MaxValue;
                Report(row, hits, ids);
            }
        }
    }

    /// <summary>
    /// As <see cref="Scan(ReadOnlySpan{char}, LiteralHits, int[])"/> over an ASCII JSON string's raw
    /// bytes, reading the escapes <c>\\</c>, <c>\"</c> and <c>\/</c> on the way (Windows paths are full
    /// of them). False at any other escape: the caller then scans the decoded text, and literals
    /// reported twice count once.
    /// </summary>
    public bool ScanJsonAscii(ReadOnlySpan<byte> raw, LiteralHits hits, int[] ids)
    {
        if (_narrow is { } narrow && raw.Length >= SplitLength && 8 * _longest <= raw.Length)
        {
            return ScanJsonAsciiInTwo(narrow, raw, hits, ids);
        }
        return ScanJsonAscii(raw, 0, raw.Length, 0, hits, ids);
    }

    /// <summary>As <see cref="ScanJsonAscii(ReadOnlySpan{byte}, LiteralHits, int[])"/>, never split (for benchmarks).</summary>
    internal bool ScanJsonAsciiOneChain(ReadOnlySpan<byte> raw, LiteralHits hits, int[] ids) => ScanJsonAscii(raw, 0, raw.Length, 0, hits, ids);

    // Each character costs a table read that depends on the previous one, so one scan runs at the
    // latency of those reads. A long value is scanned as two halves at once, two independent chains
    // the processor overlaps. The second half starts 2 × the longest literal bytes early (a literal's
    // characters may each be an escape pair), so every literal ending in it lies inside it; literals
    // found by both count once.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private bool ScanJsonAsciiInTwo(ushort[] narrow, ReadOnlySpan<byte> raw, LiteralHits hits, int[] ids)
    {
        var classOf = _classOf;
        var classes = _classes;
        var mid = UnitStart(raw, raw.Length / 2);
        var second = UnitStart(raw, Math.Max(0, mid - 2 * _longest));
        int first = 0, state1 = 0, state2 = 0;
        while (first < mid && second < raw.Length)
        {
            int b1 = raw[first++];
            if (b1 == '\\')
            {
                if (first == mid || !IsPlainEscape(raw[first]))
                {
                    return false;
                }
                b1 = raw[first++];
            }
            int b2 = raw[second++];
            if (b2 == '\\')
            {
                if (second == raw.Length || !IsPlainEscape(raw[second]))
                {
                    return false;
                }
                b2 = raw[second++];
            }
            int target1 = narrow[state1 * classes + classOf[b1]];
            int target2 = narrow[state2 * classes + classOf[b2]];
            state1 = target1 & NarrowStateLimit;
            state2 = target2 & NarrowStateLimit;
            if ((target1 | target2) > NarrowStateLimit)
            {
                if (target1 > NarrowStateLimit)
                {
                    ReportState(state1, hits, ids);
                }
                if (target2 > NarrowStateLimit)
                {
                    ReportState(state2, hits, ids);
                }
            }
        }
        return ScanJsonAscii(raw, first, mid, state1, hits, ids) && ScanJsonAscii(raw, second, raw.Length, state2, hits, ids);
    }

    // The first byte at or after `at` that starts a character: not the second byte of an escape pair.
    private static int UnitStart(ReadOnlySpan<byte> raw, int at)
    {
        var from = at;
        while (from > 0 && raw[from - 1] == '\\')
        {
            from--;
        }
        return (at - from) % 2 == 1 ? at + 1 : at;
    }

    private static bool IsPlainEscape(byte b) => b is (byte)'\\' or (byte)'"' or (byte)'/';

    // Scans raw[start..end) from `state` (a state with 16-bit tables, else a row offset).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private bool ScanJsonAscii(ReadOnlySpan<byte> raw, int start, int end, int state, LiteralHits hits, int[] ids)
    {
        var classOf = _classOf;
        var narrow = _narrow;
        var rows = _row;
        var classes = _classes;
        for (var i = start; i < end; i++)
        {
            var b = raw[i];
            if (b == '\\')
            {
                if (++i == end || !IsPlainEscape(raw[i]))
                {
                    return false;
                }
                b = raw[i];
            }
            if (narrow is not null)
            {
                int target = narrow[state * classes + classOf[b]];
                state = target & NarrowStateLimit;
                if (target > NarrowStateLimit)
                {
                    ReportState(state, hits, ids);
                }
            }
            else
            {
                state = rows[state + classOf[b]];
                if (state < 0)
                {
                    state &= int.MaxValue;
                    Report(state, hits, ids);
                }
            }
        }
        return true;
    }

    // Folding may turn a non-ASCII character into an ASCII one (U+017F into S).
    private byte NonAsciiClass(char c)
    {
        var upper = char.ToUpperInvariant(c);
        return upper < 128 ? _classOf[upper] : _bucketClass[upper % NonAsciiBuckets];
    }

    // Only rows that report literals get here (a few per value), so the division is cheap enough.
    private void Report(int row, LiteralHits hits, int[] ids) => ReportState(row / _classes, hits, ids);

    private void ReportState(int state, LiteralHits hits, int[] ids)
    {
        for (int i = _outputStart[state], end = _outputStart[state + 1]; i < end; i++)
        {
            hits.Add(ids[_outputs[i]]);
        }
    }
}

/// <summary>Per-thread record of the literals found in the current event.</summary>
internal sealed class LiteralHits(int literalCount)
{
    private readonly int[] _stamp = new int[literalCount];
    private readonly List<int> _found = [];
    private int _serial = 1;

    public IReadOnlyList<int> Found => _found;

    public void Add(int literal)
    {
        if (_stamp[literal] != _serial)
        {
            _stamp[literal] = _serial;
            _found.Add(literal);
        }
    }

    public void Reset()
    {
        _found.Clear();
        if (++_serial == int.MaxValue)
        {
            Array.Clear(_stamp);
            _serial = 1;
        }
    }
}
