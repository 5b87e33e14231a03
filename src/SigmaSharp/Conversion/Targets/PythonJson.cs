using System.Globalization;
using System.Text;

namespace SigmaSharp.Conversion.Targets;

/// <summary>
/// Writes JSON as Python's <c>json.dumps(obj, indent=2)</c> does (the form sigmac's watcher documents have):
/// two-space indent, ", " never at line ends, non-ASCII as \uXXXX. Objects are ordered lists of pairs.
/// </summary>
internal static class PythonJson
{
    public static string Write(object? value)
    {
        var text = new StringBuilder();
        Write(text, value, 0);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case int or long:
                text.Append(System.Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case string s:
                WriteString(text, s);
                break;
            case IReadOnlyList<KeyValuePair<string, object?>> pairs:
                WriteContainer(text, '{', '}', pairs.Count, depth, i =>
                {
                    WriteString(text, pairs[i].Key);
                    text.Append(": ");
                    Write(text, pairs[i].Value, depth + 1);
                });
                break;
            case IReadOnlyList<object?> items:
                WriteContainer(text, '[', ']', items.Count, depth, i => Write(text, items[i], depth + 1));
                break;
            default:
                throw new InvalidOperationException("unexpected JSON value " + value.GetType().Name);
        }
    }

    private static void WriteContainer(StringBuilder text, char open, char close, int count, int depth, Action<int> item)
    {
        text.Append(open);
        if (count == 0)
        {
            text.Append(close);
            return;
        }

        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "\n" : ",\n").Append(' ', (depth + 1) * 2);
            item(i);
        }

        text.Append('\n').Append(' ', depth * 2).Append(close);
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append(@"\\");
                    break;
                case '\n':
                    text.Append(@"\n");
                    break;
                case '\r':
                    text.Append(@"\r");
                    break;
                case '\t':
                    text.Append(@"\t");
                    break;
                case '\b':
                    text.Append(@"\b");
                    break;
                case '\f':
                    text.Append(@"\f");
                    break;
                default:
                    if (c < 0x20 || c > 0x7e && c != 0x7f)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
