using System.Runtime.InteropServices;
using SigmaSharp.Rules;

namespace SigmaSharp.Parsing;

/// <summary>
/// Our own YAML node tree, built from YamlDotNet's event stream under budgets (depth, nodes, aliases).
/// Nodes are shared when an alias repeats them; <see cref="ExpandedSize"/> counts the nodes a walker would visit.
/// </summary>
internal abstract class YamlNode(SourcePosition position)
{
    public SourcePosition Position { get; } = position;

    public abstract long ExpandedSize { get; }

    public abstract string KindName { get; }
}

internal enum ScalarStyle
{
    Plain,
    Quoted,
    Block,
}

internal sealed class YamlScalar(string value, ScalarStyle style, string? tag, SourcePosition position) : YamlNode(position)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    public string? Tag { get; } = tag;

    public override long ExpandedSize => 1;

    public override string KindName => "a scalar";

    public bool IsPlain => Style == ScalarStyle.Plain && Tag is null;
}

internal sealed class YamlSequence(IReadOnlyList<YamlNode> items, SourcePosition position) : YamlNode(position)
{
    private readonly long _size = SizeOf(items);

    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override long ExpandedSize => _size;

    public override string KindName => "a list";

    private static long SizeOf(IReadOnlyList<YamlNode> items)
    {
        long size = 1;
        for (var i = 0; i < items.Count; i++)
        {
            size += items[i].ExpandedSize;
        }

        return size;
    }
}

internal sealed class YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries, SourcePosition position, IReadOnlyList<YamlScalar>? duplicates = null)
    : YamlNode(position)
{
    /// <summary>Keys written again later in the map; <see cref="Entries"/> holds each key once, with its last value.</summary>
    public IReadOnlyList<YamlScalar> Duplicates { get; } = duplicates ?? [];

    private readonly long _size = SizeOf(entries);

    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = entries;

    public override long ExpandedSize => _size;

    public override string KindName => "a map";

    /// <summary>Last value wins for duplicate keys, as PyYAML (and so sigmac and pySigma) read them.</summary>
    public YamlNode? this[string key]
    {
        get
        {
            // The reader hands over a list: read as a span, the rule's keys are looked up without an interface call per entry.
            var entries = Entries is List<KeyValuePair<YamlScalar, YamlNode>> list ? CollectionsMarshal.AsSpan(list) : [.. Entries];
            for (var i = entries.Length - 1; i >= 0; i--)
            {
                var candidate = entries[i].Key.Value;
                if (candidate.Length == key.Length && string.Equals(candidate, key, StringComparison.Ordinal))
                {
                    return entries[i].Value;
                }
            }

            return null;
        }
    }

    public YamlScalar? KeyNode(string key) => Entries.LastOrDefault(e => e.Key.Value == key).Key;

    private static long SizeOf(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries)
    {
        long size = 1;
        for (var i = 0; i < entries.Count; i++)
        {
            size += 1 + entries[i].Value.ExpandedSize;
        }

        return size;
    }
}

/// <summary>One YAML document of a file, with its root node.</summary>
internal sealed record YamlDocumentNode(YamlNode? Root, int Index, SourcePosition Position)
{
    /// <summary>True when some map of the document repeats a key, so that only such documents are walked to report them.</summary>
    public bool HasDuplicateKeys { get; init; }
}
