using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Printing;

/// <summary>The detection section (or a filter's selections): search identifiers, then condition and timeframe.</summary>
internal static class DetectionYaml
{
    public static List<KeyValuePair<string, EmittedNode>> Entries(
        IReadOnlyList<SearchIdentifier> identifiers, IReadOnlyList<SigmaCondition> conditions, string? timeframe)
    {
        var entries = identifiers.Select(i => Entry(YamlScalarText.Key(i.Name), Definition(i.Definition))).ToList();
        var names = identifiers.Select(i => i.Name).ToList();
        var texts = conditions.Select(c => (EmittedNode)new EmittedScalar(YamlScalarText.Text(ConditionText.Choose(c, names)))).ToList();
        if (texts.Count > 0)
        {
            entries.Add(Entry("condition", texts.Count == 1 ? texts[0] : new EmittedList(texts)));
        }

        if (timeframe is not null)
        {
            entries.Add(Entry("timeframe", new EmittedScalar(YamlScalarText.Text(timeframe))));
        }

        return entries;
    }

    private static KeyValuePair<string, EmittedNode> Entry(string key, EmittedNode value) => new(key, value);

    /// <summary>A search identifier's definition: a map (AND group), a list (OR group or keywords) or one keyword.</summary>
    private static EmittedNode Definition(DetectionNode node) => node switch
    {
        DetectionGroup { Linking: Linking.And } map => Map(map),
        DetectionGroup list => new EmittedList(list.Items.Select(ListEntry).ToList()),
        DetectionItem item => Keywords(item),
        _ => throw new ArgumentException($"unknown detection node {node.GetType().Name}", nameof(node)),
    };

    private static EmittedNode ListEntry(DetectionNode node) => node switch
    {
        DetectionItem { WrittenAsList: false } item when KeywordSpelling(item) is { Values: [var single] } => single.Emit(),
        _ => Definition(node),
    };

    private static EmittedNode Keywords(DetectionItem item)
    {
        var spelling = KeywordSpelling(item);
        if (spelling is null)
        {
            // A keyword test that needs modifiers can only be written as a map entry with an empty field name.
            return Map(new DetectionGroup(new[] { (DetectionNode)item }, Linking.And, item.Position));
        }

        return item.WrittenAsList || spelling.Values.Length != 1
            ? new EmittedList(spelling.Values.Select(v => (EmittedNode)v.Emit()).ToList())
            : spelling.Values[0].Emit();
    }

    /// <summary>The spelling of a keyword item when it needs no modifier key; null otherwise.</summary>
    private static DetectionItemSpelling.Spelling? KeywordSpelling(DetectionItem item)
    {
        if (item.Field is not null)
        {
            return null;
        }

        var spelling = DetectionItemSpelling.Spell(item);
        return spelling.Modifiers.IsEmpty ? spelling : null;
    }

    private static EmittedMap Map(DetectionGroup group)
    {
        var entries = new List<KeyValuePair<string, EmittedNode>>();
        foreach (var node in group.Items)
        {
            if (node is not DetectionItem item)
            {
                throw new ArgumentException($"a map of a search identifier holds only field tests, found a nested group at {node.Position}", nameof(group));
            }

            var spelling = DetectionItemSpelling.Spell(item);
            EmittedNode value = item.WrittenAsList || spelling.Values.Length != 1
                ? new EmittedList(spelling.Values.Select(v => (EmittedNode)v.Emit()).ToList())
                : spelling.Values[0].Emit();
            entries.Add(Entry(YamlScalarText.Key(spelling.Key), value));
        }

        return new EmittedMap(entries);
    }
}
