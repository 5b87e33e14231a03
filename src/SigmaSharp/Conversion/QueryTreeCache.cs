using SigmaSharp.Pipelines;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Conversion;

/// <summary>What a query tree is built from: the same rule condition, config and settings always give the same tree.</summary>
internal readonly record struct QueryTreeKey(
    SigmaRule Rule, ConditionNode Condition, LegacyConfigChain Config, string? IndexField, bool UsesLogSource, SigmacQuirks Quirks)
{
    public bool Matches(in QueryTreeKey other) =>
        ReferenceEquals(Rule, other.Rule) && ReferenceEquals(Condition, other.Condition) && ReferenceEquals(Config, other.Config)
        && string.Equals(IndexField, other.IndexField, StringComparison.Ordinal) && UsesLogSource == other.UsesLogSource && Quirks == other.Quirks;

    public QNode? Build() => new QueryTreeBuilder(Rule, Config, IndexField, UsesLogSource, Quirks).Build(Condition);
}

/// <summary>
/// The last few query trees one thread built. A run converting each rule for several sigmac targets in a row
/// (<c>sigma convert -t splunk -t es-qs ...</c>) asks for the same tree once per target; most targets build it with
/// the same settings, so it is built once and rendered by each. Trees are not changed once built, so sharing them is
/// safe; the cache holds a handful of entries, so it keeps no more than a few rules alive.
/// </summary>
internal sealed class QueryTreeCache
{
    private const int Size = 8;

    private readonly QueryTreeKey[] _keys = new QueryTreeKey[Size];
    private readonly QNode?[] _trees = new QNode?[Size];
    private readonly bool[] _used = new bool[Size];
    private int _next;

    public QNode? GetOrBuild(in QueryTreeKey key)
    {
        for (var i = 0; i < Size; i++)
        {
            if (_used[i] && _keys[i].Matches(key))
            {
                return _trees[i];
            }
        }

        var tree = key.Build();
        _keys[_next] = key;
        _trees[_next] = tree;
        _used[_next] = true;
        _next = (_next + 1) % Size;
        return tree;
    }
}
