using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Tests.Engines.Generation;

/// <summary>
/// Events built from a rule's model: a few that satisfy the condition (one choice per OR, NOT's operand left false by
/// leaving its fields out), then, on top of the first of those, for every value of every detection item (filters
/// included) an event holding that value and its near misses (<see cref="ValueWitnesses.NearMisses"/>). Whether any
/// of them matches is for the evaluator to say; they are built so that many do and many almost do.
/// </summary>
internal sealed class EventGenerator(SigmaRule rule)
{
    private const int MaxAlternatives = 12;

    public List<FlatEvent> Generate(int maxEvents)
    {
        var satisfying = rule.Conditions.Where(c => c.Expression is not null).SelectMany(c => Satisfy(c.Expression!)).Take(4).ToList();
        var events = new List<FlatEvent>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(PartialEvent partial, string origin)
        {
            var e = partial.ToEvent(origin);
            if (seen.Add(e.Json))
            {
                events.Add(e);
            }
        }

        foreach (var partial in satisfying)
        {
            Add(partial, "satisfies the condition");
        }

        var baseEvent = satisfying.FirstOrDefault() ?? PartialEvent.Empty;
        var values = AllValues().ToList();
        // Rules with very long value lists keep an evenly spread sample of their values (deterministic).
        var perValue = 8;
        var step = Math.Max(1, (values.Count * perValue) / Math.Max(1, maxEvents - events.Count));
        for (var i = 0; i < values.Count; i += step)
        {
            var (item, value) = values[i];
            var field = ValueWitnesses.FieldOf(item);
            foreach (var witness in ValueWitnesses.For(item, value).Take(2))
            {
                var e = baseEvent.Override(witness);
                var what = $"{item.Key}: {value}";
                Add(e, what);
                foreach (var (change, miss) in ValueWitnesses.NearMisses(e, field, value))
                {
                    Add(miss, $"{what} ({change})");
                }
            }
        }

        return events;
    }

    private IEnumerable<(DetectionItem Item, Rules.Values.SigmaValue Value)> AllValues()
    {
        IEnumerable<DetectionItem> Items(DetectionNode node) => node switch
        {
            DetectionGroup group => group.Items.SelectMany(Items),
            DetectionItem item => [item],
            _ => [],
        };
        return rule.Detection.SelectMany(d => Items(d.Definition)).SelectMany(item => item.Values.Select(v => (item, v)));
    }

    private List<PartialEvent> Satisfy(ConditionNode node) => node switch
    {
        AndNode and => All(and.Operands.Select(Satisfy)),
        OrNode or => Any(or.Operands.Select(Satisfy)),
        NotNode not => Falsify(not.Operand),
        SelectionNode selection => Identifier(selection.Name),
        OfNode { Quantifier: Quantifier.All } of => All(of.Matches.Select(Identifier)),
        OfNode of => Any(of.Matches.Select(Identifier)),
        _ => [PartialEvent.Empty],
    };

    /// <summary>Leaving a selection's fields out makes it false; a NOT inside is made true instead.</summary>
    private List<PartialEvent> Falsify(ConditionNode node) => node switch
    {
        NotNode not => Satisfy(not.Operand),
        AndNode and => Falsify(and.Operands[0]),
        OrNode or => All(or.Operands.Select(Falsify)),
        _ => [PartialEvent.Empty],
    };

    private List<PartialEvent> Identifier(string name) =>
        rule.FindIdentifier(name) is { } identifier ? Definition(identifier.Definition) : [PartialEvent.Empty];

    private List<PartialEvent> Definition(DetectionNode node) => node switch
    {
        DetectionGroup { Linking: Linking.And } map => All(map.Items.Select(Definition)),
        DetectionGroup list => Any(list.Items.Select(Definition)),
        DetectionItem { Negated: true } => [PartialEvent.Empty],
        DetectionItem { ValueLinking: Linking.And } item =>
            [item.Values.Select(v => ValueWitnesses.For(item, v).FirstOrDefault() ?? PartialEvent.Empty).Aggregate(PartialEvent.Empty, (a, b) => a.Merge(b))],
        DetectionItem item => Any(item.Values.Select(v => ValueWitnesses.For(item, v))),
        _ => [PartialEvent.Empty],
    };

    /// <summary>The first choice of every operand merged, then the other choices of each operand in turn.</summary>
    private static List<PartialEvent> All(IEnumerable<List<PartialEvent>> operands)
    {
        var lists = operands.Where(l => l.Count > 0).ToList();
        if (lists.Count == 0)
        {
            return [PartialEvent.Empty];
        }

        var firsts = lists.Select(l => l[0]).ToList();
        var result = new List<PartialEvent> { firsts.Aggregate(PartialEvent.Empty, (a, b) => a.Merge(b)) };
        for (var i = 0; i < lists.Count && result.Count < MaxAlternatives; i++)
        {
            foreach (var alternative in lists[i].Skip(1).Take(MaxAlternatives - result.Count))
            {
                result.Add(firsts.Select((f, j) => j == i ? alternative : f).Aggregate(PartialEvent.Empty, (a, b) => a.Merge(b)));
            }
        }

        return result;
    }

    private static List<PartialEvent> Any(IEnumerable<List<PartialEvent>> operands) => [.. operands.SelectMany(l => l).Take(MaxAlternatives)];
}
