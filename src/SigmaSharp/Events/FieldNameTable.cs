using System.Text;

namespace SigmaSharp.Events;

/// <summary>
/// Interns field names and JSON paths so that events carry small integer ids instead of strings.
/// One table is shared by every event built with the same <see cref="EventSchema"/>; the evaluator
/// resolves a rule's field names to ids once and then compares ints per event.
/// </summary>
/// <remarks>
/// Two id spaces live here. <em>Name ids</em> identify case-insensitive strings (a full dotted path,
/// a Sigma name, or any name a rule asks for). <em>Path nodes</em> form a trie of JSON property names
/// keyed by (parent node, UTF-8 name); the builder walks it for every property, so its lookup is
/// lock-free: readers probe the current slot array and only take the lock to insert.
/// </remarks>
internal sealed class FieldNameTable
{
    internal const int RootNode = 0;

    /// <summary>Rank of a path for resolving an ambiguous short name: lower wins.</summary>
    internal const byte RankEventData = 0, RankSystem = 1, RankOther = 2;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _nameIds = new(StringComparer.OrdinalIgnoreCase);
    private string[] _names = new string[64];
    private byte[] _nameRanks = new byte[64];
    private int _nameCount;

    private PathNode?[] _slots = new PathNode?[256];
    private PathNode[] _nodes = new PathNode[64];
    private int _nodeCount;

    internal FieldNameTable()
    {
        _nodes[0] = new PathNode(RootNode, -1, [], string.Empty, string.Empty, -1, -1, 0);
        _nodeCount = 1;
    }

    /// <summary>The parent of every top-level property.</summary>
    internal PathNode Root => _nodes[0];

    /// <summary>Id of a name, case-insensitively; adds it when new.</summary>
    internal int GetNameId(string name)
    {
        lock (_gate)
        {
            return InternName(name);
        }
    }

    internal string NameOf(int nameId) => Volatile.Read(ref _names)[nameId];

    internal byte RankOf(int nameId) => Volatile.Read(ref _nameRanks)[nameId];

    /// <summary>Every name's rank by id (at least <see cref="NameCount"/> long, read after it).</summary>
    internal byte[] Ranks => Volatile.Read(ref _nameRanks);

    internal PathNode NodeOf(int nodeId) => Volatile.Read(ref _nodes)[nodeId];

    /// <summary>The child of <paramref name="parent"/> called <paramref name="utf8Name"/>.</summary>
    /// <summary>How many name ids exist so far (ids are dense, from 0).</summary>
    internal int NameCount => Volatile.Read(ref _nameCount);

    internal PathNode GetChild(PathNode parent, PathNode? previousSibling, ReadOnlySpan<byte> utf8Name)
    {
        var hint = previousSibling is null ? parent.FirstChildHint : previousSibling.NextSiblingHint;
        if (hint is not null && hint.Parent == parent.Id && utf8Name.SequenceEqual(hint.Utf8Name))
        {
            return hint;
        }
        var child = GetChild(parent.Id, utf8Name);
        if (previousSibling is null)
        {
            parent.FirstChildHint = child;
        }
        else
        {
            previousSibling.NextSiblingHint = child;
        }
        return child;
    }

    internal PathNode GetChild(int parent, ReadOnlySpan<byte> utf8Name)
    {
        var hash = Hash(parent, utf8Name);
        var slots = Volatile.Read(ref _slots);
        var mask = slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var node = slots[i];
            if (node is null)
            {
                break;
            }
            if (node.Hash == hash && node.Parent == parent && utf8Name.SequenceEqual(node.Utf8Name))
            {
                return node;
            }
        }
        return AddChild(parent, utf8Name, hash);
    }

    private PathNode AddChild(int parent, ReadOnlySpan<byte> utf8Name, int hash)
    {
        lock (_gate)
        {
            var slots = _slots;
            var mask = slots.Length - 1;
            var i = hash & mask;
            for (; slots[i] is { } node; i = (i + 1) & mask)
            {
                if (node.Hash == hash && node.Parent == parent && utf8Name.SequenceEqual(node.Utf8Name))
                {
                    return node;
                }
            }
            var created = CreateNode(parent, utf8Name.ToArray(), hash);
            if ((_nodeCount + 1) * 2 > slots.Length)
            {
                Volatile.Write(ref _slots, Rehash(slots.Length * 2));
            }
            else
            {
                Volatile.Write(ref slots[i], created);
            }
            return created;
        }
    }

    private PathNode CreateNode(int parent, byte[] utf8Name, int hash)
    {
        var parentNode = _nodes[parent];
        var name = Encoding.UTF8.GetString(utf8Name);
        var fullPath = parent == RootNode ? name : parentNode.FullPath + "." + name;
        var shortName = SigmaNameOf(parentNode, name);
        var node = new PathNode(
            _nodeCount, parent, utf8Name, name, fullPath,
            InternName(fullPath), shortName is null ? -1 : InternName(shortName), hash);
        if (_nodeCount == _nodes.Length)
        {
            var grown = new PathNode[_nodes.Length * 2];
            _nodes.CopyTo(grown, 0);
            Volatile.Write(ref _nodes, grown);
        }
        _nodes[_nodeCount] = node;
        _nodeCount++;
        return node;
    }

    // The spec's Windows naming: attributes join element and attribute with '_' (Provider_Name),
    // '#text' is the element's own value, anything else is known by its property name.
    private string? SigmaNameOf(PathNode parent, string name)
    {
        if (name == "#attributes")
        {
            return null;
        }
        if (name == "#text")
        {
            return parent.Id == RootNode ? name : NameOrNull(parent.ShortNameId) ?? parent.Name;
        }
        if (parent.Name == "#attributes")
        {
            var element = _nodes[parent.Parent];
            return element.Id == RootNode ? name : element.Name + "_" + name;
        }
        return name;
    }

    private string? NameOrNull(int nameId) => nameId < 0 ? null : _names[nameId];

    private PathNode?[] Rehash(int size)
    {
        var slots = new PathNode?[size];
        for (var n = 1; n < _nodeCount; n++)
        {
            var node = _nodes[n];
            var i = node.Hash & (size - 1);
            while (slots[i] is not null)
            {
                i = (i + 1) & (size - 1);
            }
            slots[i] = node;
        }
        return slots;
    }

    private int InternName(string name)
    {
        if (_nameIds.TryGetValue(name, out var id))
        {
            return id;
        }
        id = _nameCount;
        var names = _names;
        var ranks = _nameRanks;
        if (id == names.Length)
        {
            names = new string[id * 2];
            ranks = new byte[id * 2];
            _names.CopyTo(names, 0);
            _nameRanks.CopyTo(ranks, 0);
        }
        // Filled before publishing, so a lock-free reader never sees a hole for a returned id.
        names[id] = name;
        ranks[id] = RankOfPath(name);
        Volatile.Write(ref _nameRanks, ranks);
        Volatile.Write(ref _names, names);
        _nameIds.Add(name, id);
        _nameCount++;
        return id;
    }

    private static byte RankOfPath(string path) =>
        path.StartsWith("Event.EventData.", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("Event.UserData.", StringComparison.OrdinalIgnoreCase) ? RankEventData
        : path.StartsWith("Event.System.", StringComparison.OrdinalIgnoreCase) ? RankSystem
        : RankOther;

    private static int Hash(int parent, ReadOnlySpan<byte> name)
    {
        var hash = new HashCode();
        hash.Add(parent);
        hash.AddBytes(name);
        return hash.ToHashCode() & int.MaxValue;
    }

    /// <summary>One JSON property name under one parent, with its resolved names.</summary>
    internal sealed record PathNode(
        int Id, int Parent, byte[] Utf8Name, string Name, string FullPath,
        int FullNameId, int ShortNameId, int Hash)
    {
        // Events of one source repeat their property order, so "the child that came first last
        // time" and "the sibling that followed this one last time" usually name the next property:
        // checking them is one short byte compare instead of hashing. Races only cost a miss.
        internal PathNode? FirstChildHint;
        internal PathNode? NextSiblingHint;
    }
}
