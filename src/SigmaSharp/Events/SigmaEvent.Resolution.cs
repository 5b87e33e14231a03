namespace SigmaSharp.Events;

// Where each field name resolves in the event (the rules are in the class remarks, SigmaEvent.cs).
public sealed partial class SigmaEvent
{
    // The same decisions as Resolve, for every name of the event at once: a full path claims the
    // first entry of that path, whatever claimed the name before; a Sigma name keeps the entry whose
    // path ranks best (lower wins, the first on ties) unless a full path holds the name.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void ResolveAll(ulong[] resolved)
    {
        var shortClaim = (ulong)(uint)_serial << 32;
        var pathClaim = (ulong)(uint)(_serial + 1) << 32;
        var n = _count;
        var fullIds = _ids.AsSpan(0, n);
        var shortIds = _ids.AsSpan(n, n);
        byte[]? ranks = null;
        for (var i = 0; i < fullIds.Length; i++)
        {
            ref var path = ref resolved[fullIds[i]];
            if ((path & ~0xFFFF_FFFFUL) != pathClaim)
            {
                path = pathClaim | (uint)i;
            }
            var name = shortIds[i];
            if (name < 0)
            {
                continue;
            }
            ref var slot = ref resolved[name];
            var claim = slot & ~0xFFFF_FFFFUL;
            if (claim == pathClaim)
            {
                continue;
            }
            if (claim != shortClaim)
            {
                slot = shortClaim | (uint)i;
                continue;
            }
            // A Sigma name met again under another path (or the same path's next value): rare.
            ranks ??= Schema.Names.Ranks;
            if (ranks[fullIds[i]] < ranks[fullIds[(int)(uint)slot]])
            {
                slot = shortClaim | (uint)i;
            }
        }
    }

    private FieldValues Find(int nameId)
    {
        var resolved = _resolved;
        if (resolved is null)
        {
            return Resolve(nameId);
        }
        // Names interned after the event was filled (or never claimed in it) are absent from it.
        if ((uint)nameId < (uint)resolved.Length)
        {
            var slot = resolved[nameId];
            if ((uint)(slot >> 33) == (uint)_serial >> 1)
            {
                var entry = (int)(uint)slot;
                return new FieldValues(this, _ids[entry], entry);
            }
        }
        return default;
    }

    private FieldValues Resolve(int nameId)
    {
        var n = _count;
        var fullIds = _ids.AsSpan(0, n);
        var exact = fullIds.IndexOf(nameId);
        if (exact >= 0)
        {
            return new FieldValues(this, nameId, exact);
        }
        var shortIds = _ids.AsSpan(n, n);
        var first = shortIds.IndexOf(nameId);
        if (first < 0)
        {
            return default;
        }
        var best = first;
        var bestRank = Schema.Names.RankOf(fullIds[first]);
        for (var i = IndexOf(shortIds[(first + 1)..], nameId, first + 1); i >= 0;
             i = IndexOf(shortIds[(i + 1)..], nameId, i + 1))
        {
            if (fullIds[i] != fullIds[best] && Schema.Names.RankOf(fullIds[i]) < bestRank)
            {
                best = i;
                bestRank = Schema.Names.RankOf(fullIds[i]);
            }
        }
        return new FieldValues(this, fullIds[best], best);
    }
}
