using System.Runtime.CompilerServices;
using SigmaSharp.Events;

namespace SigmaSharp.Evaluation.Prefilter;

/// <summary>
/// One thread's memory of recent automaton scans: the literals an automaton found in a value, by
/// the value's bytes. Event logs repeat their values (the same images, parents, hashes, users,
/// command lines of services) far more often than not, and looking a value up costs a hash and a
/// comparison where scanning it costs a dependent table read per byte. Direct-mapped and bounded:
/// a colliding value replaces the older one.
/// </summary>
internal sealed class ValueScanCache
{
    /// <summary>Values shorter than this are scanned: the lookup would cost about as much.</summary>
    public const int MinLength = 16;

    /// <summary>Longer values are scanned: they rarely repeat and would hold memory.</summary>
    public const int MaxLength = 512;

    // At most 8,192 × 512 bytes (4 MB) per thread's scratch, however long the values: the scanner may
    // hold one scratch per batch in flight, and peak memory must stay flat.
    private const int Slots = 1 << 13;

    private readonly Entry[] _entries = new Entry[Slots];
    private readonly LiteralHits _found;
    private readonly int[] _identity;

    public ValueScanCache(int maxLiterals)
    {
        _found = new LiteralHits(maxLiterals);
        _identity = [.. Enumerable.Range(0, maxLiterals)];
    }

    /// <summary>
    /// Reports the literals <paramref name="automaton"/> finds in value <paramref name="index"/> of
    /// <paramref name="e"/>, whose raw JSON bytes are <paramref name="raw"/>: scanned as bytes when they
    /// are ASCII with only the escapes <see cref="LiteralAutomaton.ScanJsonAscii"/> reads, else as the
    /// decoded text. The text is a function of the raw bytes, so any value (non-ASCII ones too, which
    /// need decoding) is answered from memory when it was scanned lately.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void ScanValue(LiteralAutomaton automaton, ReadOnlySpan<byte> raw, SigmaEvent e, int index, LiteralHits hits, int[] ids)
    {
        var hash = (uint)AsciiFolding.Hash(raw) ^ (uint)RuntimeHelpers.GetHashCode(automaton);
        ref var entry = ref _entries[hash & (Slots - 1)];
        if (ReferenceEquals(entry.Automaton, automaton) && entry.Hash == hash && entry.Scanned && raw.SequenceEqual(entry.Value.AsSpan(0, entry.Length)))
        {
            foreach (var literal in entry.Found)
            {
                hits.Add(ids[literal]);
            }
            return;
        }
        _found.Reset();
        if (!(System.Text.Ascii.IsValid(raw) && automaton.ScanJsonAscii(raw, _found, _identity)) && e.ValueAt(index) is { } text)
        {
            automaton.Scan(text, _found, _identity);
        }
        if (entry.Value is null || entry.Value.Length < raw.Length)
        {
            entry.Value = new byte[Math.Max(raw.Length, 64)];
        }
        raw.CopyTo(entry.Value);
        entry.Length = raw.Length;
        entry.Hash = hash;
        entry.Automaton = automaton;
        entry.Scanned = true;
        entry.Found = _found.Found.Count == 0 ? [] : [.. _found.Found];
        foreach (var literal in entry.Found)
        {
            hits.Add(ids[literal]);
        }
    }

    private struct Entry
    {
        public LiteralAutomaton? Automaton;
        public byte[] Value;
        public int Length;
        public uint Hash;
        public bool Scanned;
        public int[] Found;
    }
}
