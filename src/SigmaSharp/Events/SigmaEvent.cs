using System.Text;
using System.Text.Json;

namespace SigmaSharp.Events;

/// <summary>
/// One event, flattened: every scalar of the JSON document in document order, each with its full
/// dotted path and its Sigma name. Immutable once built; safe to read from several threads.
/// </summary>
/// <remarks>
/// <para>Field lookup (case-insensitive), first rule that finds something wins:</para>
/// <list type="number">
/// <item>the full dotted path, exactly (<c>Event.EventData.Image</c>, <c>process.command_line</c>);</item>
/// <item>the Sigma name: the property name (<c>Image</c>, <c>EventID</c>, <c>eventName</c>); for XML
/// attributes element and attribute joined by '_' (<c>Provider_Name</c>, <c>Execution_ProcessID</c>);
/// for <c>#text</c> the element's name. When that name occurs under several paths, a path under
/// <c>Event.EventData</c>/<c>Event.UserData</c> wins, then one under <c>Event.System</c>, else
/// the first in document order.</item>
/// </list>
/// <para>The event keeps its UTF-8 JSON and the position of each value; strings are decoded only
/// when asked for, which keeps building an event close to the cost of reading its tokens.</para>
/// </remarks>
public sealed partial class SigmaEvent
{
    private byte[] _json;
    private int[] _ids; // [0, n): full path name ids; [n, 2n): Sigma name ids
    private ValueSpan[] _values; // [0, n) in use; longer when the event object is reused
    private int _count; // n
    private int[]? _next; // reused events only: per entry, the next entry of the same path, or -1
    private string?[]? _decoded;
    // Reused events only: where each name resolves in the current event, worked out for every name
    // of the event when it is filled, so that a lookup (routes, prefilters and rules ask for many
    // names, most of them absent) is one array read. Per name id: the claim in the high half (_serial
    // for a Sigma name, _serial + 1 for a full path, which no Sigma name can take over; anything
    // else: absent from this event), the entry in the low half.
    private ulong[]? _resolved;
    private int _serial;
    private DateTimeOffset? _timestamp;
    private bool _timestampDone;

    internal SigmaEvent(
        EventSchema schema, byte[] json, int start, int length, int[] ids, ValueSpan[] values, EventOrigin origin)
    {
        Schema = schema;
        Origin = origin;
        _json = json;
        JsonStart = start;
        JsonLength = length;
        _ids = ids;
        _values = values;
        _count = values.Length;
    }

    public EventSchema Schema { get; }

    /// <summary>Where the event came from (file name and line or record number), if known.</summary>
    public EventOrigin Origin { get; private set; }

    /// <summary>Number of flattened entries, including nulls and empty containers.</summary>
    public int FieldCount => _count;

    /// <summary>The event as UTF-8 JSON, as read.</summary>
    public ReadOnlyMemory<byte> Json => _json.AsMemory(JsonStart, JsonLength);

    internal int JsonStart { get; private set; }

    internal int JsonLength { get; private set; }

    /// <summary>Values of a field; see the class remarks for how names resolve.</summary>
    public FieldValues this[string name] => Get(Schema.Field(name));

    /// <summary>Values of a field resolved once with <see cref="EventSchema.Field"/>.</summary>
    public FieldValues Get(FieldKey key)
    {
        if (!ReferenceEquals(key.Schema, Schema))
        {
            return Get(Schema.Field(key.Name));
        }
        if (_resolved is { } resolved)
        {
            // A reused event: each candidate is one read of what was resolved when the event was filled
            // (as Find, inline: routes, prefilters and rules make dozens of these lookups per event).
            var claim = (uint)_serial >> 1;
            foreach (var candidate in key.CandidateIds)
            {
                if ((uint)candidate < (uint)resolved.Length && (uint)(resolved[candidate] >> 33) == claim)
                {
                    var entry = (int)(uint)resolved[candidate];
                    return new FieldValues(this, _ids[entry], entry);
                }
            }
            return default;
        }
        foreach (var candidate in key.CandidateIds)
        {
            var found = Find(candidate);
            if (found.Exists)
            {
                return found;
            }
        }
        return default;
    }

    public bool Exists(FieldKey key) => Get(key).Exists;

    /// <summary>Every entry in document order, with path, Sigma name and value.</summary>
    public IEnumerable<EventField> Fields
    {
        get
        {
            var names = Schema.Names;
            for (var i = 0; i < _count; i++)
            {
                var shortId = _ids[_count + i];
                var path = names.NameOf(_ids[i]);
                yield return new EventField(path, shortId < 0 ? path : names.NameOf(shortId), ValueAt(i), KindAt(i));
            }
        }
    }

    /// <summary>Every non-null value, for keyword search over the whole event.</summary>
    public IEnumerable<string> AllValues
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                if (ValueAt(i) is { } value)
                {
                    yield return value;
                }
            }
        }
    }

    /// <summary>The event time from <see cref="EventSchema.DefaultTimestampFields"/> (or the
    /// schema's own list): ISO 8601 text (UTC when no offset is given) or Unix epoch seconds or
    /// milliseconds; null when no listed field parses.</summary>
    public DateTimeOffset? Timestamp
    {
        get
        {
            if (!Volatile.Read(ref _timestampDone))
            {
                _timestamp = EventTimestamp.Find(this);
                Volatile.Write(ref _timestampDone, true);
            }
            return _timestamp;
        }
    }

    /// <summary>The computer or host name from the schema's host name fields.</summary>
    public string? Computer
    {
        get
        {
            foreach (var key in Schema.HostNameFields)
            {
                if (Get(key).First is { Length: > 0 } host)
                {
                    return host;
                }
            }
            return null;
        }
    }

    public override string ToString() => Encoding.UTF8.GetString(Json.Span);

    internal EventValueKind KindAt(int index) => _values[index].Kind;

    /// <summary>The text of entry <paramref name="index"/>: strings unescaped, numbers verbatim.</summary>
    internal string? ValueAt(int index)
    {
        var span = _values[index];
        switch (span.Kind)
        {
            case EventValueKind.Null or EventValueKind.Empty:
                return null;
            case EventValueKind.True:
                return "true";
            case EventValueKind.False:
                return "false";
        }
        var decoded = _decoded ??= new string?[_values.Length];
        return decoded[index] ??= Decode(span);
    }

    /// <summary>
    /// The text of entry <paramref name="index"/> as <see cref="ValueAt"/> gives it, without making a
    /// string when the value is plain ASCII that fits <paramref name="buffer"/> (the usual case for
    /// channels, event ids, codes); false for null and empty containers.
    /// </summary>
    internal bool TryGetText(int index, Span<char> buffer, out ReadOnlySpan<char> text)
    {
        var span = _values[index];
        if (span.Kind is EventValueKind.String or EventValueKind.Number && !span.Escaped && span.Length <= buffer.Length
            && System.Text.Ascii.ToUtf16(_json.AsSpan(span.Start, span.Length), buffer, out var written) == System.Buffers.OperationStatus.Done)
        {
            text = buffer[..written];
            return true;
        }
        var value = ValueAt(index);
        text = value;
        return value is not null;
    }

    /// <summary>
    /// The raw JSON of entry <paramref name="index"/> upper-cased into <paramref name="buffer"/>: only for a
    /// string or number that is ASCII, whose escapes are all <c>\\</c> or <c>\"</c>, and fits; false for
    /// anything else. Such bytes are the value's text with just '\' and '"' escaped, one text for one form.
    /// </summary>
    internal bool TryGetUpperAscii(int index, Span<byte> buffer, out int length)
    {
        length = 0;
        var span = _values[index];
        if (span.Kind is not (EventValueKind.String or EventValueKind.Number) || span.Length > buffer.Length
            || System.Text.Ascii.ToUpper(_json.AsSpan(span.Start, span.Length), buffer, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }
        if (span.Escaped)
        {
            // Upper-casing leaves backslashes and what they escape as they were (\n stays \n).
            var text = buffer[..written];
            for (var at = text.IndexOf((byte)'\\'); at >= 0;)
            {
                if (at + 1 >= text.Length || text[at + 1] is not ((byte)'\\' or (byte)'"'))
                {
                    return false;
                }
                var next = text[(at + 2)..].IndexOf((byte)'\\');
                at = next < 0 ? -1 : at + 2 + next;
            }
        }
        length = written;
        return true;
    }

    /// <summary>Raw UTF-8 of a string or number value (still JSON-escaped if it was).</summary>
    internal ReadOnlySpan<byte> RawValueAt(int index) =>
        _json.AsSpan(_values[index].Start, _values[index].Length);

    internal int NextEntryOfPath(int pathId, int from)
    {
        // Going on from an entry of this path: reused events link each entry to the next of its path.
        if (_next is not null && (uint)(from - 1) < (uint)_count && _ids[from - 1] == pathId)
        {
            return _next[from - 1];
        }
        return from >= _count ? -1 : IndexOf(_ids.AsSpan(from, _count - from), pathId, from);
    }

    /// <summary>
    /// Makes this object the event just built in <paramref name="scratch"/>, reusing its arrays: the
    /// scanner's workers build every event of a batch into one object, since no event of theirs
    /// outlives its evaluation. Only for objects that were never handed out.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal void Reuse(byte[] json, int start, int length, EventBuilderScratch scratch, EventOrigin origin)
    {
        _json = json;
        JsonStart = start;
        JsonLength = length;
        Origin = origin;
        var count = scratch.Count;
        if (_values.Length < count)
        {
            var capacity = Math.Max(count, _values.Length * 2);
            _values = new ValueSpan[capacity];
            _ids = new int[2 * capacity];
            _decoded = null;
        }
        if (_next is null || _next.Length < _values.Length)
        {
            _next = new int[_values.Length];
        }
        scratch.CopyTo(_ids, _values, _next);
        _count = count;
        if (_decoded is not null)
        {
            Array.Clear(_decoded);
        }
        _timestamp = null;
        _timestampDone = false;
        // Every id in the event was interned before this read, so the array covers them all.
        var names = Schema.Names.NameCount;
        if (_resolved is null || _resolved.Length < names)
        {
            _resolved = new ulong[Math.Max(names * 2, 256)];
            _serial = 0;
        }
        _serial += 2;
        if (_serial >= int.MaxValue - 2)
        {
            Array.Clear(_resolved);
            _serial = 2;
        }
        ResolveAll(_resolved);
    }

    private static int IndexOf(ReadOnlySpan<int> span, int value, int offset)
    {
        var i = span.IndexOf(value);
        return i < 0 ? -1 : i + offset;
    }

    private string Decode(ValueSpan span)
    {
        var raw = _json.AsSpan(span.Start, span.Length);
        if (!span.Escaped)
        {
            return Encoding.UTF8.GetString(raw);
        }
        if (TwoCharacterEscapes.TryDecode(raw) is { } text)
        {
            return text;
        }
        // The span excludes the quotes; widened by one byte each side it is one JSON string to unescape.
        var reader = new Utf8JsonReader(_json.AsSpan(span.Start - 1, span.Length + 2));
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>Where one value sits in the JSON: string contents without quotes.</summary>
    internal readonly record struct ValueSpan(int Start, int Length, EventValueKind Kind, bool Escaped);
}
