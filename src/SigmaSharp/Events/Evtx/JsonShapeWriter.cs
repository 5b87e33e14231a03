using System.Text;
using System.Text.Json;

namespace SigmaSharp.Events.Evtx;

/// <summary>
/// Writes an <see cref="EventTree"/> in evtx_dump's JSON shape:
/// an element with only text is its value; with nothing, <c>null</c>; otherwise an object with
/// <c>#attributes</c> (empty attributes dropped), its child elements and <c>#text</c>.
/// <c>&lt;Data Name="X"&gt;v&lt;/Data&gt;</c> becomes <c>"X": v</c>; Data elements without a name
/// are gathered into <c>"Data": {"#text": …}</c>; a repeated key gets a suffix (<c>Key_1</c>, <c>Key_2</c>).
/// </summary>
internal sealed class JsonShapeWriter
{
    private static readonly JsonEncodedText AttributesKey = JsonEncodedText.Encode("#attributes");
    private static readonly JsonEncodedText TextKey = JsonEncodedText.Encode("#text");
    private static readonly JsonEncodedText DataKey = JsonEncodedText.Encode("Data");

    private readonly StringBuilder _text = new();
    private readonly List<List<string>> _keysByDepth = [];
    private EventTree _tree = null!;
    private ChunkContext _chunk = null!;

    public void Write(Utf8JsonWriter writer, EventTree tree, ChunkContext chunk)
    {
        _tree = tree;
        _chunk = chunk;
        writer.WriteStartObject();
        WriteMembers(writer, tree.FirstRoot, 0);
        writer.WriteEndObject();
    }

    private void WriteMembers(Utf8JsonWriter writer, int firstChild, int depth)
    {
        if (_keysByDepth.Count <= depth)
        {
            _keysByDepth.Add([]);
        }

        var used = _keysByDepth[depth];
        used.Clear();
        var unnamedDataWritten = false;
        for (var c = firstChild; c >= 0; c = _tree.Nodes[c].NextSibling)
        {
            var node = _tree.Nodes[c];
            if (node.Name.IsData)
            {
                var nameAttribute = FindNameAttribute(node);
                if (nameAttribute >= 0)
                {
                    WriteKey(writer, used, KeyOf(_tree.Attributes[nameAttribute].FirstValue), null);
                    WriteTextOrNull(writer, node.FirstValue);
                }
                else if (!unnamedDataWritten)
                {
                    unnamedDataWritten = true;
                    WriteKey(writer, used, "Data", DataKey);
                    WriteUnnamedData(writer, c);
                }

                continue;
            }

            WriteKey(writer, used, node.Name.Value, node.Name.Json);
            WriteElement(writer, c, depth + 1);
        }
    }

    private void WriteElement(Utf8JsonWriter writer, int index, int depth)
    {
        var node = _tree.Nodes[index];
        var hasAttributes = false;
        for (var a = node.FirstAttribute; a >= 0 && !hasAttributes; a = _tree.Attributes[a].Next)
        {
            hasAttributes = HasContent(_tree.Attributes[a].FirstValue);
        }

        if (!hasAttributes && node.FirstChild < 0)
        {
            WriteTextOrNull(writer, node.FirstValue);
            return;
        }

        writer.WriteStartObject();
        if (hasAttributes)
        {
            writer.WritePropertyName(AttributesKey);
            writer.WriteStartObject();
            for (var a = node.FirstAttribute; a >= 0; a = _tree.Attributes[a].Next)
            {
                var attribute = _tree.Attributes[a];
                if (HasContent(attribute.FirstValue))
                {
                    writer.WritePropertyName(attribute.Name.Json);
                    WriteText(writer, attribute.FirstValue);
                }
            }

            writer.WriteEndObject();
        }

        if (node.FirstChild >= 0)
        {
            WriteMembers(writer, node.FirstChild, depth);
        }

        if (node.FirstValue >= 0)
        {
            writer.WritePropertyName(TextKey);
            WriteText(writer, node.FirstValue);
        }

        writer.WriteEndObject();
    }

    private void WriteUnnamedData(Utf8JsonWriter writer, int first)
    {
        var count = 0;
        var only = -1;
        for (var c = first; c >= 0; c = _tree.Nodes[c].NextSibling)
        {
            var node = _tree.Nodes[c];
            if (node.Name.IsData && FindNameAttribute(node) < 0 && node.FirstValue >= 0)
            {
                count++;
                only = c;
            }
        }

        if (count == 0)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WritePropertyName(TextKey);
        if (count == 1)
        {
            WriteText(writer, _tree.Nodes[only].FirstValue);
        }
        else
        {
            writer.WriteStartArray();
            for (var c = first; c >= 0; c = _tree.Nodes[c].NextSibling)
            {
                var node = _tree.Nodes[c];
                if (node.Name.IsData && FindNameAttribute(node) < 0 && node.FirstValue >= 0)
                {
                    WriteText(writer, node.FirstValue);
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the key, adding _1, _2, … when a sibling already used it.</summary>
    private static void WriteKey(Utf8JsonWriter writer, List<string> used, string key, JsonEncodedText? encoded)
    {
        if (!used.Contains(key))
        {
            used.Add(key);
            if (encoded is { } e) { writer.WritePropertyName(e); } else { writer.WritePropertyName(key); }
            return;
        }

        for (var n = 1; ; n++)
        {
            var candidate = key + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!used.Contains(candidate))
            {
                used.Add(candidate);
                writer.WritePropertyName(candidate);
                return;
            }
        }
    }

    private int FindNameAttribute(in EventTree.Node node)
    {
        for (var a = node.FirstAttribute; a >= 0; a = _tree.Attributes[a].Next)
        {
            var attribute = _tree.Attributes[a];
            if (attribute.Name.IsName && HasContent(attribute.FirstValue))
            {
                return a;
            }
        }

        return -1;
    }

    private string KeyOf(int firstValue)
    {
        var link = _tree.Values[firstValue];
        if (link.Next < 0 && link.Piece.Type == BinXmlValueType.String)
        {
            return _chunk.KeyFromString(link.Piece.Offset, link.Piece.Length);
        }

        return Utf16Text.ToRepairedString(Concatenate(firstValue));
    }

    /// <summary>True when the value list holds something other than NULLs and empty strings.</summary>
    private bool HasContent(int firstValue)
    {
        for (var v = firstValue; v >= 0; v = _tree.Values[v].Next)
        {
            var piece = _tree.Values[v].Piece;
            var empty = piece.Type is BinXmlValueType.Null or BinXmlValueType.BinXml
                || (piece.Type is BinXmlValueType.String or BinXmlValueType.EvtXml
                    && Utf16Text.TrimNul(Utf16Text.AsChars(_chunk.Buffer.AsSpan(piece.Offset, piece.Length))).IsEmpty);
            if (!empty)
            {
                return true;
            }
        }

        return false;
    }

    private void WriteTextOrNull(Utf8JsonWriter writer, int firstValue)
    {
        if (firstValue < 0)
        {
            writer.WriteNullValue();
        }
        else
        {
            WriteText(writer, firstValue);
        }
    }

    /// <summary>One value keeps its type (numbers stay numbers); several are joined as a string.</summary>
    private void WriteText(Utf8JsonWriter writer, int firstValue)
    {
        var link = _tree.Values[firstValue];
        if (link.Next < 0 && link.Piece.Type is not (BinXmlValueType.CharRefPiece or BinXmlValueType.EntityRefPiece))
        {
            ValueJsonWriter.Write(writer, _chunk.Buffer, link.Piece);
            return;
        }

        ValueJsonWriter.WriteString(writer, Concatenate(firstValue));
    }

    private ReadOnlySpan<char> Concatenate(int firstValue)
    {
        _text.Clear();
        for (var v = firstValue; v >= 0; v = _tree.Values[v].Next)
        {
            ValueFormatter.AppendText(_text, _chunk.Buffer, _tree.Values[v].Piece);
        }

        return _text.ToString();
    }
}
