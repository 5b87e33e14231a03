namespace SigmaSharp.Conversion;

/// <summary>
/// Simplifies a query tree the way the legacy converter did, so that output matches it query for query: groups are
/// dropped, then until nothing changes: empty AND/OR removed, single-operand AND/OR replaced by the operand, repeated
/// operands removed, same-kind children merged into their parent (only when every child is of that kind or a field
/// test), double NOT removed; finally every AND/OR gets its group back. NOT operands are left as written.
/// </summary>
internal static class QueryTreeOptimizer
{
    private const int MaxPasses = 10_000;

    public static QNode? Optimize(QNode tree)
    {
        QNode? node = Strip(tree);
        var changed = true;
        for (var pass = 0; changed && node is not null && pass < MaxPasses; pass++)
        {
            (node, changed) = OptimizeNode(node!, false);
        }

        return node is null ? null : Regroup(node);
    }

    private static QNode Strip(QNode node)
    {
        switch (node)
        {
            case QGroup group:
                return Strip(group.Inner);
            case QAnd or QOr:
                // In place: every AND/OR of a tree being built has an operand list of its own.
                var items = Items(node);
                for (var i = 0; i < items.Count; i++)
                {
                    items[i] = Strip(items[i]);
                }

                return node;
            default:
                return node;
        }
    }

    private static QNode Regroup(QNode node)
    {
        switch (node)
        {
            case QAnd or QOr:
                var items = Items(node);
                for (var i = 0; i < items.Count; i++)
                {
                    items[i] = Regroup(items[i]);
                }

                return new QGroup(node);
            default:
                return node;
        }
    }

    private static (QNode? Node, bool Changed) OptimizeNode(QNode node, bool changed)
    {
        switch (node)
        {
            case QAnd or QOr:
                var items = Items(node);
                if (items.Count == 0)
                {
                    return (null, true);
                }

                if (items.Contains(null!))
                {
                    SetItems(node, [.. items.Where(i => i is not null)]);
                    return OptimizeNode(node, true);
                }

                if (items.Count == 1)
                {
                    return OptimizeNode(items[0], true);
                }

                var unique = Unique(items);
                if (unique.Count < items.Count)
                {
                    SetItems(node, unique);
                    return OptimizeNode(node, true);
                }

                if (MergesIntoParent(node, items))
                {
                    SetItems(node, Merged(node, items));
                    return OptimizeNode(node, true);
                }

                // Most passes change nothing: the operand list is replaced only when an operand is.
                List<QNode>? optimized = null;
                var anyChanged = false;
                for (var i = 0; i < items.Count; i++)
                {
                    var (result, resultChanged) = OptimizeNode(items[i], changed);
                    anyChanged |= resultChanged;
                    if (optimized is null && !ReferenceEquals(result, items[i]))
                    {
                        optimized = items.GetRange(0, i);
                    }

                    optimized?.Add(result!);
                }

                if (optimized is not null)
                {
                    SetItems(node, optimized);
                }

                return (node, changed || anyChanged);
            case QNot not:
                switch (not.Item)
                {
                    case QNot inner:
                        return OptimizeNode(inner.Item, true);
                    case QNull nullTest:
                        return OptimizeNode(new QNull(nullTest.Field, !nullTest.Negated), true);
                }

                var (item, itemChanged) = OptimizeNode(not.Item, changed);
                not.Item = item!;
                return (not, changed || itemChanged);
            default:
                return (node, changed);
        }
    }

    /// <summary>Whether some operand is of the parent's kind (AND in AND, OR in OR) and every other one is a field test.</summary>
    private static bool MergesIntoParent(QNode node, List<QNode> items)
    {
        var type = node.GetType();
        var any = false;
        foreach (var item in items)
        {
            var same = item.GetType() == type;
            if (!same && item is not QField)
            {
                return false;
            }

            any |= same;
        }

        return any;
    }

    /// <summary>The operands with each operand of the parent's kind replaced by its own operands.</summary>
    private static List<QNode> Merged(QNode node, List<QNode> items)
    {
        var merged = new List<QNode>(items.Count * 2);
        foreach (var item in items)
        {
            if (item.GetType() == node.GetType())
            {
                merged.AddRange(Items(item));
            }
            else
            {
                merged.Add(item);
            }
        }

        return merged;
    }

    private static List<QNode> Items(QNode node) => node switch
    {
        QAnd and => and.Items,
        QOr or => or.Items,
        _ => [],
    };

    private static void SetItems(QNode node, List<QNode> items)
    {
        if (node is QAnd and)
        {
            and.Items = items;
        }
        else if (node is QOr or)
        {
            or.Items = items;
        }
    }

    /// <summary>Field tests and keywords are equal by value, other nodes only to themselves.</summary>
    private static List<QNode> Unique(List<QNode> items)
    {
        if (items.Count <= 8)
        {
            // Short operand lists (nearly all): compared pairwise, and returned as they are when all differ.
            for (var i = 1; i < items.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (items[j].Equals(items[i]))
                    {
                        return UniqueBySet(items);
                    }
                }
            }

            return items;
        }

        return UniqueBySet(items);
    }

    private static List<QNode> UniqueBySet(List<QNode> items)
    {
        var result = new List<QNode>(items.Count);
        var seen = new HashSet<QNode>();
        foreach (var item in items)
        {
            if (seen.Add(item))
            {
                result.Add(item);
            }
        }

        return result;
    }
}
