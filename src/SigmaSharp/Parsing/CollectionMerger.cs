using SigmaSharp.Rules;

namespace SigmaSharp.Parsing;

/// <summary>
/// Multi-document rule files as the legacy sigmac converter read them: <c>action: global</c> documents
/// accumulate attributes merged into every later rule (the global value wins for scalars and lists; maps merge
/// key by key), <c>action: reset</c> forgets them, and <c>action: repeat</c> merges a document into a copy of
/// the previous rule. Documents without an action are rules.
/// </summary>
internal static class CollectionMerger
{
    public sealed record MergedDocument(YamlMapping Map, int Index, SourcePosition Position);

    public static List<MergedDocument> Merge(IReadOnlyList<YamlDocumentNode> documents, DocumentContext context)
    {
        var merged = new List<MergedDocument>();
        YamlMapping? global = null;
        YamlMapping? previous = null;
        foreach (var document in documents)
        {
            if (document.Root is null || document.Root is YamlScalar s && ScalarResolver.IsNull(s))
            {
                continue; // an empty document (e.g. a trailing '---') holds no rule
            }

            if (document.Root is not YamlMapping map)
            {
                context.Report(DiagnosticFacts.DocumentNotAMap(document.Position, document.Root.KindName));
                continue;
            }

            var actionNode = map["action"];
            var action = actionNode is YamlScalar a ? a.Value : null;
            var body = Without(map, "action");
            switch (action)
            {
                case null:
                    var rule = global is null ? body : DeepMerge(body, global);
                    merged.Add(new MergedDocument(rule, document.Index, document.Position));
                    previous = rule;
                    break;
                case "global":
                    global = global is null ? body : DeepMerge(global, body);
                    break;
                case "reset":
                    global = null;
                    break;
                case "repeat":
                    if (previous is null)
                    {
                        context.Report(DiagnosticFacts.InvalidAction(actionNode!.Position, "'action: repeat' needs a rule before it to repeat"));
                        break;
                    }

                    previous = DeepMerge(previous, body);
                    merged.Add(new MergedDocument(previous, document.Index, document.Position));
                    break;
                default:
                    context.Report(DiagnosticFacts.InvalidAction(actionNode!.Position, $"unknown action '{action}'; expected global, reset or repeat"));
                    break;
            }
        }

        return merged;
    }

    private static YamlMapping Without(YamlMapping map, string key) =>
        map[key] is null ? map : new YamlMapping(map.Entries.Where(e => e.Key.Value != key).ToList(), map.Position);

    /// <summary>
    /// <paramref name="source"/> merged into <paramref name="destination"/>: nested maps merge, anything else from
    /// the source replaces the destination's value in place; new keys are appended in the source's order.
    /// </summary>
    internal static YamlMapping DeepMerge(YamlMapping destination, YamlMapping source)
    {
        var entries = destination.Entries.ToList();
        foreach (var (key, value) in source.Entries)
        {
            var index = entries.FindIndex(e => e.Key.Value == key.Value);
            if (index < 0)
            {
                entries.Add(new(key, value));
            }
            else if (value is YamlMapping sourceMap && entries[index].Value is YamlMapping destinationMap)
            {
                entries[index] = new(entries[index].Key, DeepMerge(destinationMap, sourceMap));
            }
            else
            {
                entries[index] = new(entries[index].Key, value);
            }
        }

        return new YamlMapping(entries, destination.Position);
    }
}
