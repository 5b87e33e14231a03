using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace SigmaSharp.Evaluation.Prefilter;

/// <summary>
/// What lets the prefilter compare ASCII text as bytes and still agree with
/// <see cref="StringComparison.OrdinalIgnoreCase"/> on the decoded text.
/// </summary>
internal static class AsciiFolding
{
    /// <summary>
    /// Non-ASCII characters that upper or lower case to ASCII (U+0130, U+0131, U+017F, U+212A, ...): the
    /// only ones through which text that is not ASCII could compare equal, ignoring case, to ASCII text.
    /// </summary>
    public static SearchValues<char> ToAscii { get; } = SearchValues.Create(CharactersFoldingToAscii());

    /// <summary>A fast hash of bytes (eight per step); callers compare in full on equal hashes.</summary>
    public static int Hash(ReadOnlySpan<byte> bytes)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        foreach (var word in words)
        {
            h = (h ^ word) * 0xBF58476D1CE4E5B9UL;
            h ^= h >> 29;
        }
        for (var i = words.Length * 8; i < bytes.Length; i++)
        {
            h = (h ^ bytes[i]) * 0x94D049BB133111EBUL;
        }
        h ^= h >> 32;
        return (int)h;
    }

    private static string CharactersFoldingToAscii()
    {
        var found = new StringBuilder();
        for (var c = '\u0080'; c < char.MaxValue; c++)
        {
            if (!char.IsSurrogate(c) && (char.ToUpperInvariant(c) < 0x80 || char.ToLowerInvariant(c) < 0x80))
            {
                found.Append(c);
            }
        }
        return found.ToString();
    }
}

/// <summary>
/// Ids by byte key (ASCII text already upper-cased): open addressing over a power-of-two table, so a
/// lookup is a hash, a probe or two and one comparison, with no interface calls.
/// </summary>
internal sealed class UpperAsciiTable
{
    private Entry[] _slots = new Entry[16];
    private int _count;

    public void Add(byte[] key, int id)
    {
        if ((_count + 1) * 2 > _slots.Length)
        {
            var old = _slots;
            _slots = new Entry[old.Length * 2];
            foreach (var entry in old)
            {
                if (entry.Key is not null)
                {
                    _slots[FreeSlot(entry.Key, entry.Hash)] = entry;
                }
            }
        }
        var hash = AsciiFolding.Hash(key);
        var slot = FreeSlot(key, hash);
        if (_slots[slot].Key is null)
        {
            _slots[slot] = new Entry(key, hash, [id]);
            _count++;
        }
        else if (!_slots[slot].Ids.Contains(id))
        {
            _slots[slot] = _slots[slot] with { Ids = [.. _slots[slot].Ids, id] };
        }
    }

    /// <summary>The ids of <paramref name="key"/>, or null.</summary>
    public int[]? Find(ReadOnlySpan<byte> key)
    {
        var hash = AsciiFolding.Hash(key);
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref readonly var entry = ref slots[i];
            if (entry.Key is null)
            {
                return null;
            }
            if (entry.Hash == hash && key.SequenceEqual(entry.Key))
            {
                return entry.Ids;
            }
        }
    }

    // The slot holding key, or the empty slot where it would go.
    private int FreeSlot(byte[] key, int hash)
    {
        var mask = _slots.Length - 1;
        var i = hash & mask;
        while (_slots[i].Key is { } existing && !(_slots[i].Hash == hash && existing.AsSpan().SequenceEqual(key)))
        {
            i = (i + 1) & mask;
        }
        return i;
    }

    private readonly record struct Entry(byte[] Key, int Hash, int[] Ids);
}
