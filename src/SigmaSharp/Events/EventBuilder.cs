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

    [ThreadStatic] private static EventBuilderScratch? t_scratch;

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
        var code = TryFlatten(schema, buffer, start, length, maxDepth, out var scratch, out message);
        if (code is null)
        {
            var (ids, values) = scratch.ToArrays();
            sigmaEvent = new SigmaEvent(schema, buffer, start, length, ids, values, origin);
        }
        return code;
    }

    /// <summary>
    /// As <see cref="TryBuild(EventSchema, byte[], int, int, int, EventOrigin, out SigmaEvent?, out string?)"/>,
    /// into <paramref name="reused"/> when given (made on first use): allocation-free per event, for
    /// callers whose events never outlive the next one.
    /// </summary>
    internal static EventDiagnosticCode? TryBuildInto(
        EventSchema schema, byte[] buffer, int start, int length, int maxDepth, EventOrigin origin,
        ref SigmaEvent? reused, out string? message)
    {
        var code = TryFlatten(schema, buffer, start, length, maxDepth, out var scratch, out message);
        if (code is null)
        {
            if (reused is null || !ReferenceEquals(reused.Schema, schema))
            {
                var (ids, values) = scratch.ToArrays();
                reused = new SigmaEvent(schema, buffer, start, length, ids, values, origin);
            }
            else
            {
                reused.Reuse(buffer, start, length, scratch, origin);
            }
        }
        return code;
    }

    private static EventDiagnosticCode? TryFlatten(
        EventSchema schema, byte[] buffer, int start, int length, int maxDepth, out EventBuilderScratch scratch, out string? message)
    {
        var json = buffer.AsSpan(start, length);
        scratch = t_scratch ??= new EventBuilderScratch();
        if (!Utf8.IsValid(json))
        {
            message = "the record is not valid UTF-8";
            return EventDiagnosticCode.InvalidUtf8;
        }
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
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader reads a \u escape of a lone UTF-16 surrogate but refuses to unescape it.
            message = $"invalid JSON string: {ex.Message}";
            return EventDiagnosticCode.InvalidJson;
        }
        return null;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static EventDiagnosticCode? Flatten(
        FieldNameTable names, ReadOnlySpan<byte> json, int offset, int maxDepth, EventBuilderScratch scratch, out string? message)
    {
        message = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            MaxDepth = maxDepth + 1,
            CommentHandling = JsonCommentHandling.Skip,
        });
        Span<byte> unescaped = stackalloc byte[256];
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            message = "an event must be a JSON object";
            return reader.TokenType == JsonTokenType.None ? EventDiagnosticCode.InvalidJson : EventDiagnosticCode.NotAnObject;
        }
        scratch.Push(names.Root, isArray: false);
        var property = names.Root;
        while (reader.Read())
        {
            ref var top = ref scratch.Top;
            var node = top.IsArray ? top.Node : property;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = Child(names, ref top, ref reader, unescaped);
                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (scratch.Depth >= maxDepth)
                    {
                        message = $"nesting deeper than {maxDepth} levels";
                        return EventDiagnosticCode.NestingTooDeep;
                    }
                    scratch.Push(node, reader.TokenType == JsonTokenType.StartArray);
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    var (closed, wasEmpty) = scratch.Pop();
                    if (wasEmpty && scratch.Depth > 0)
                    {
                        // An empty container still makes its field exist.
                        scratch.Add(closed, new SigmaEvent.ValueSpan(0, 0, EventValueKind.Empty, false));
                    }
                    continue;
                case JsonTokenType.String:
                    if (reader.ValueIsEscaped && reader.ValueSpan.IndexOf("\\u"u8) >= 0)
                    {
                        // Values are unescaped lazily; one that cannot be (a lone surrogate) must fail here, as a
                        // skipped record, not later inside a matcher. Only strings with a \u escape pay for this.
                        Unescape(ref reader, unescaped);
                    }
                    scratch.Add(node, new SigmaEvent.ValueSpan(
                        offset + (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, EventValueKind.String, reader.ValueIsEscaped));
                    continue;
                case JsonTokenType.Number:
                    scratch.Add(node, new SigmaEvent.ValueSpan(
                        offset + (int)reader.TokenStartIndex, reader.ValueSpan.Length, EventValueKind.Number, false));
                    continue;
                default:
                    var kind = reader.TokenType switch
                    {
                        JsonTokenType.True => EventValueKind.True,
                        JsonTokenType.False => EventValueKind.False,
                        _ => EventValueKind.Null,
                    };
                    scratch.Add(node, new SigmaEvent.ValueSpan(0, 0, kind, false));
                    continue;
            }
        }
        return null;
    }

    private static void Unescape(ref Utf8JsonReader reader, scoped Span<byte> unescaped)
    {
        var buffer = reader.ValueSpan.Length <= unescaped.Length ? unescaped : new byte[reader.ValueSpan.Length];
        reader.CopyString(buffer);
    }

    private static FieldNameTable.PathNode Child(
        FieldNameTable names, ref EventBuilderScratch.Frame frame, ref Utf8JsonReader reader, scoped Span<byte> unescaped)
    {
        FieldNameTable.PathNode child;
        if (!reader.ValueIsEscaped)
        {
            child = names.GetChild(frame.Node, frame.LastChild, reader.ValueSpan);
        }
        else
        {
            var buffer = reader.ValueSpan.Length <= unescaped.Length ? unescaped : new byte[reader.ValueSpan.Length];
            child = names.GetChild(frame.Node, frame.LastChild, buffer[..reader.CopyString(buffer)]);
        }
        frame.LastChild = child;
        return child;
    }
}
