using System.Text.Json;
using System.Text.Unicode;

namespace SigmaSharp.Events;

/// <summary>
/// Turns the UTF-8 JSON of one event into a <see cref="SigmaEvent"/>. The readers use it for every
/// record, and the EVTX reader for the evtx_dump-shaped JSON each record writes.
/// </summary>
public static class EventBuilder
{
    public const int DefaultMaxDepth = 64;

    [ThreadStatic] private static Scratch? t_scratch;

    /// <summary>Builds an event from a copy of <paramref name="utf8Json"/>.</summary>
    public static bool TryBuild(
        ReadOnlySpan<byte> utf8Json, EventSchema schema,
        out SigmaEvent? sigmaEvent, out EventDiagnostic? error,
        EventOrigin origin = default, int maxDepth = DefaultMaxDepth)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var code = TryBuild(schema, utf8Json.ToArray(), 0, utf8Json.Length, maxDepth, origin, out sigmaEvent, out var message);
        error = code is { } c ? new EventDiagnostic(origin.Source ?? string.Empty, origin.Line, c, message!) : null;
        return error is null;
    }

    /// <summary>Builds an event or throws <see cref="InvalidDataException"/>; for tests and tools.</summary>
    public static SigmaEvent Build(ReadOnlySpan<byte> utf8Json, EventSchema schema) =>
        TryBuild(utf8Json, schema, out var sigmaEvent, out var error)
            ? sigmaEvent!
            : throw new InvalidDataException(error!.Message);

    /// <summary>Builds over <paramref name="buffer"/> without copying; the event keeps the array.</summary>
    internal static EventDiagnosticCode? TryBuild(
        EventSchema schema, byte[] buffer, int start, int length, int maxDepth, EventOrigin origin,
        out SigmaEvent? sigmaEvent, out string? message)
    {
        sigmaEvent = null;
        var json = buffer.AsSpan(start, length);
        if (!Utf8.IsValid(json))
        {
            message = "the record is not valid UTF-8";
            return EventDiagnosticCode.InvalidUtf8;
        }
        var scratch = t_scratch ??= new Scratch();
        scratch.Clear();
        try
        {
            var code = Flatten(schema.Names, json, start, maxDepth, scratch, out message);
            if (code is not null)
            {
                return code;
            }
        }
        catch (JsonException ex)
        {
            message = $"invalid JSON: {ex.Message}";
            return EventDiagnosticCode.InvalidJson;
        }
        var n = scratch.Values.Count;
        var ids = new int[2 * n];
        scratch.FullIds.CopyTo(ids, 0);
        scratch.ShortIds.CopyTo(ids, n);
        sigmaEvent = new SigmaEvent(schema, buffer, start, length, ids, [.. scratch.Values], origin);
        return null;
    }

    private static EventDiagnosticCode? Flatten(
        FieldNameTable names, ReadOnlySpan<byte> json, int offset, int maxDepth, Scratch scratch, out string? message)
    {
        message = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            MaxDepth = maxDepth + 1,
            CommentHandling = JsonCommentHandling.Skip,
        });
        var stack = scratch.Stack;
        var property = FieldNameTable.RootNode;
        Span<byte> unescaped = stackalloc byte[256];
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            message = "an event must be a JSON object";
            return reader.TokenType == JsonTokenType.None ? EventDiagnosticCode.InvalidJson : EventDiagnosticCode.NotAnObject;
        }
        stack.Add(new Frame(FieldNameTable.RootNode, IsArray: false, scratch.Values.Count));
        while (reader.Read())
        {
            var top = stack[^1];
            var node = top.IsArray ? top.Node : property;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = Child(names, top.Node, ref reader, unescaped);
                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (stack.Count >= maxDepth)
                    {
                        message = $"nesting deeper than {maxDepth} levels";
                        return EventDiagnosticCode.NestingTooDeep;
                    }
                    stack.Add(new Frame(node, reader.TokenType == JsonTokenType.StartArray, scratch.Values.Count));
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    stack.RemoveAt(stack.Count - 1);
                    if (top.FirstValue == scratch.Values.Count && stack.Count > 0)
                    {
                        // An empty container still makes its field exist.
                        Add(names, scratch, top.Node, new SigmaEvent.ValueSpan(0, 0, EventValueKind.Empty, false));
                    }
                    continue;
                case JsonTokenType.String:
                    Add(names, scratch, node, new SigmaEvent.ValueSpan(
                        offset + (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, EventValueKind.String, reader.ValueIsEscaped));
                    continue;
                case JsonTokenType.Number:
                    Add(names, scratch, node, new SigmaEvent.ValueSpan(
                        offset + (int)reader.TokenStartIndex, reader.ValueSpan.Length, EventValueKind.Number, false));
                    continue;
                default:
                    var kind = reader.TokenType switch
                    {
                        JsonTokenType.True => EventValueKind.True,
                        JsonTokenType.False => EventValueKind.False,
                        _ => EventValueKind.Null,
                    };
                    Add(names, scratch, node, new SigmaEvent.ValueSpan(0, 0, kind, false));
                    continue;
            }
        }
        return null;
    }

    private static int Child(FieldNameTable names, int parent, ref Utf8JsonReader reader, scoped Span<byte> unescaped)
    {
        if (!reader.ValueIsEscaped)
        {
            return names.GetChild(parent, reader.ValueSpan).Id;
        }
        var buffer = reader.ValueSpan.Length <= unescaped.Length ? unescaped : new byte[reader.ValueSpan.Length];
        var written = reader.CopyString(buffer);
        return names.GetChild(parent, buffer[..written]).Id;
    }

    private static void Add(FieldNameTable names, Scratch scratch, int nodeId, SigmaEvent.ValueSpan value)
    {
        var node = names.NodeOf(nodeId);
        scratch.FullIds.Add(node.FullNameId);
        scratch.ShortIds.Add(node.ShortNameId);
        scratch.Values.Add(value);
    }

    private readonly record struct Frame(int Node, bool IsArray, int FirstValue);

    /// <summary>Per-thread lists reused across events, so building allocates only the event.</summary>
    private sealed class Scratch
    {
        public List<int> FullIds { get; } = new(64);
        public List<int> ShortIds { get; } = new(64);
        public List<SigmaEvent.ValueSpan> Values { get; } = new(64);
        public List<Frame> Stack { get; } = new(16);

        public void Clear()
        {
            FullIds.Clear();
            ShortIds.Clear();
            Values.Clear();
            Stack.Clear();
        }
    }
}
