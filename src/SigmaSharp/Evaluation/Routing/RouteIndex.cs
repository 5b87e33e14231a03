using SigmaSharp.Events;

namespace SigmaSharp.Evaluation.Routing;

/// <summary>
/// Finds the rule groups an event belongs to. Routes conditioned on a Channel are indexed by
/// channel and event id, so an event costs two field lookups and two dictionary probes; the few
/// routes without a channel condition are tested one by one. Values are compared as text read
/// straight from the event's JSON: routing makes no string.
/// </summary>
internal sealed class RouteIndex
{
    private const string AnyEventId = "";

    private readonly FieldKey _channel;
    private readonly FieldKey _eventId;
    private const int MaxText = 128;

    private readonly Dictionary<string, Dictionary<string, List<Candidate>>> _byChannel = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, List<Candidate>>>.AlternateLookup<ReadOnlySpan<char>> _byChannelText;
    private readonly List<Candidate> _generic = [];
    private readonly RuleGroup? _everyEvent;

    public RouteIndex(EventSchema schema, IEnumerable<RuleGroup> groups)
    {
        _channel = schema.Field("Channel");
        _eventId = schema.Field("EventID");
        foreach (var group in groups)
        {
            if (group.Route is not { } route)
            {
                _everyEvent = group;
                continue;
            }
            var channels = route.Conditions.FirstOrDefault(c => c.Key.Equals("Channel", StringComparison.OrdinalIgnoreCase)).Value;
            var eventIds = route.Conditions.FirstOrDefault(c => c.Key.Equals("EventID", StringComparison.OrdinalIgnoreCase)).Value;
            if (channels is null)
            {
                _generic.Add(new Candidate(group, Conditions(schema, route, skipIndexed: false)));
                continue;
            }
            var candidate = new Candidate(group, Conditions(schema, route, skipIndexed: true));
            foreach (var channel in channels)
            {
                if (!_byChannel.TryGetValue(channel, out var byId))
                {
                    _byChannel[channel] = byId = new Dictionary<string, List<Candidate>>(StringComparer.OrdinalIgnoreCase);
                }
                foreach (var id in eventIds ?? [AnyEventId])
                {
                    if (!byId.TryGetValue(id, out var list))
                    {
                        byId[id] = list = [];
                    }
                    list.Add(candidate);
                }
            }
        }
        _byChannelText = _byChannel.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Adds to <paramref name="groups"/> every group whose route <paramref name="e"/> belongs to.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Collect(SigmaEvent e, List<RuleGroup> groups)
    {
        Span<char> buffer = stackalloc char[MaxText];
        if (_byChannel.Count > 0 && e.Get(_channel) is { Exists: true } channel
            && e.TryGetText(channel.FirstIndex, buffer, out var channelText) && _byChannelText.TryGetValue(channelText, out var byId))
        {
            if (e.Get(_eventId) is { Exists: true } id && e.TryGetText(id.FirstIndex, buffer, out var idText)
                && byId.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(idText, out var exact))
            {
                AddMatching(e, exact, groups);
            }
            if (byId.TryGetValue(AnyEventId, out var any))
            {
                AddMatching(e, any, groups);
            }
        }
        AddMatching(e, _generic, groups);
        if (_everyEvent is not null)
        {
            groups.Add(_everyEvent);
        }
    }

    private static void AddMatching(SigmaEvent e, List<Candidate> candidates, List<RuleGroup> groups)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.Matches(e))
            {
                groups.Add(candidate.Group);
            }
        }
    }

    private static (FieldKey Field, string[] Values)[] Conditions(EventSchema schema, LogSourceRoute route, bool skipIndexed) =>
        [.. route.Conditions
            .Where(c => !skipIndexed || !(c.Key.Equals("Channel", StringComparison.OrdinalIgnoreCase) || c.Key.Equals("EventID", StringComparison.OrdinalIgnoreCase)))
            .Select(c => (schema.Field(c.Key), c.Value.ToArray()))];

    private sealed record Candidate(RuleGroup Group, (FieldKey Field, string[] Values)[] Extra)
    {
        public bool Matches(SigmaEvent e)
        {
            foreach (var (field, values) in Extra)
            {
                if (!Holds(e.Get(field), values))
                {
                    return false;
                }
            }
            return true;
        }

        private static bool Holds(FieldValues found, string[] values)
        {
            Span<char> buffer = stackalloc char[MaxText];
            var elements = found.GetEnumerator();
            while (elements.MoveNext())
            {
                if (!found.Event!.TryGetText(elements.CurrentIndex, buffer, out var text))
                {
                    continue;
                }
                foreach (var value in values)
                {
                    if (text.Equals(value, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
