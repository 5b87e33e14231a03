namespace SigmaSharp.Events;

/// <summary>
/// What events built together share: the interned field names, the optional field mapping, and the
/// ordered lists of fields that give an event's timestamp and host name. Build one per scan, resolve
/// the rules' field names with <see cref="Field"/> once, and pass it to the readers.
/// </summary>
public sealed class EventSchema
{
    /// <summary>
    /// Where the event time is looked for, first hit wins: the EVTX system time, then the usual
    /// names of ECS/Elastic, generic JSON, Sysmon's UtcTime, NXLog, CloudTrail and Zeek.
    /// </summary>
    public static IReadOnlyList<string> DefaultTimestampFields { get; } =
    [
        "Event.System.TimeCreated.#attributes.SystemTime", "@timestamp", "timestamp",
        "TimeCreated", "UtcTime", "EventTime", "eventTime", "time", "ts",
    ];

    /// <summary>Where the host name is looked for, first hit wins.</summary>
    public static IReadOnlyList<string> DefaultHostNameFields { get; } =
    [
        "Event.System.Computer", "Computer", "host.name", "hostname", "Hostname", "ComputerName", "host",
    ];

    internal FieldNameTable Names { get; } = new();

    public EventSchema(
        FieldMapping? mapping = null,
        IReadOnlyList<string>? timestampFields = null,
        IReadOnlyList<string>? hostNameFields = null)
    {
        Mapping = mapping ?? FieldMapping.Empty;
        TimestampFields = (timestampFields ?? DefaultTimestampFields).Select(FieldWithoutMapping).ToArray();
        HostNameFields = (hostNameFields ?? DefaultHostNameFields).Select(FieldWithoutMapping).ToArray();
    }

    public FieldMapping Mapping { get; }

    internal FieldKey[] TimestampFields { get; }

    internal FieldKey[] HostNameFields { get; }

    /// <summary>
    /// Resolves a rule's field name once: the mapped alternatives in their order, then the name
    /// itself when the mapping did not list it.
    /// </summary>
    public FieldKey Field(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var alternatives = Mapping.AlternativesFor(name);
        var ids = new List<int>(alternatives.Count + 1);
        foreach (var alternative in alternatives)
        {
            ids.Add(Names.GetNameId(alternative));
        }
        var own = Names.GetNameId(name);
        if (!ids.Contains(own))
        {
            ids.Add(own);
        }
        return new FieldKey(name, [.. ids], this);
    }

    private FieldKey FieldWithoutMapping(string name) => new(name, [Names.GetNameId(name)], this);
}
