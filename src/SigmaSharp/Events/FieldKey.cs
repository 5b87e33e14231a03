namespace SigmaSharp.Events;

/// <summary>
/// A field name resolved against one <see cref="EventSchema"/>: the interned ids of the name and
/// of its mapped alternatives, tried in order. Comparing ids per event is what keeps lookups cheap.
/// </summary>
public sealed class FieldKey
{
    internal FieldKey(string name, int[] candidateIds, EventSchema schema)
    {
        Name = name;
        CandidateIds = candidateIds;
        Schema = schema;
    }

    /// <summary>The name as the rule wrote it.</summary>
    public string Name { get; }

    internal int[] CandidateIds { get; }

    internal EventSchema Schema { get; }

    public override string ToString() => Name;
}
