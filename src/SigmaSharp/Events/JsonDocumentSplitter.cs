using System.Buffers;

namespace SigmaSharp.Events;

/// <summary>
/// Splits a JSON document into events: the elements of a top-level array, or one or more top-level
/// values one after another (a single pretty-printed object, or concatenated objects). It only
/// tracks strings and nesting to find where each element ends; the builder validates the element.
/// </summary>
internal sealed class JsonDocumentSplitter : RecordSplitter
{
    private static readonly SearchValues<byte> StringSpecials = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> Structure = SearchValues.Create("\"{}[]"u8);
    private static readonly SearchValues<byte> ScalarEnd = SearchValues.Create(" \t\r\n,]}"u8);

    private bool _sawFirstByte;
    private bool _inArray;
    private int _depth;
    private bool _inString;
    private bool _escaped;
    private bool _scalar;

    public override int FindStart(ReadOnlySpan<byte> data, out bool finished)
    {
        finished = false;
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',')
            {
                continue;
            }
            if (!_sawFirstByte)
            {
                _sawFirstByte = true;
                if (b == (byte)'[')
                {
                    _inArray = true;
                    continue;
                }
            }
            if (b == (byte)']' && _inArray)
            {
                finished = true;
                return -1;
            }
            _sawFirstByte = true;
            _depth = 0;
            _inString = false;
            _escaped = false;
            _scalar = b is not ((byte)'{' or (byte)'[' or (byte)'"');
            return i;
        }
        return -1;
    }

    public override int FindEnd(ReadOnlySpan<byte> data)
    {
        if (_scalar)
        {
            // A bare number or literal: the builder will report that it is not an object.
            var end = data.IndexOfAny(ScalarEnd);
            return end == 0 ? 1 : end;
        }
        var i = 0;
        while (i < data.Length)
        {
            if (_inString)
            {
                if (_escaped)
                {
                    _escaped = false;
                    i++;
                    continue;
                }
                var special = data[i..].IndexOfAny(StringSpecials);
                if (special < 0)
                {
                    return -1;
                }
                i += special;
                if (data[i] == (byte)'\\')
                {
                    _escaped = true;
                }
                else
                {
                    _inString = false;
                    if (_depth == 0)
                    {
                        return i + 1;
                    }
                }
                i++;
                continue;
            }
            var next = data[i..].IndexOfAny(Structure);
            if (next < 0)
            {
                return -1;
            }
            i += next;
            switch (data[i])
            {
                case (byte)'"':
                    _inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    _depth++;
                    break;
                default:
                    if (--_depth <= 0)
                    {
                        return i + 1;
                    }
                    break;
            }
            i++;
        }
        return -1;
    }
}
