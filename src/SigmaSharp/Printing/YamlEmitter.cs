using System.Text;

namespace SigmaSharp.Printing;

/// <summary>A node of YAML about to be written; scalars hold their final spelling (quoted or plain).</summary>
internal abstract record EmittedNode;

internal sealed record EmittedScalar(string Text) : EmittedNode;

internal sealed record EmittedList(IReadOnlyList<EmittedNode> Items) : EmittedNode;

internal sealed record EmittedMap(IReadOnlyList<KeyValuePair<string, EmittedNode>> Entries) : EmittedNode;

/// <summary>
/// Writes emitted nodes as block YAML with four-space indentation, the layout of the SigmaHQ rules. Every
/// scalar stays on one line (line breaks are escaped in double quotes), so indentation is the only structure.
/// </summary>
internal static class YamlEmitter
{
    private const int Step = 4;

    public static void WriteDocument(StringBuilder output, EmittedMap root) => WriteMap(output, root, 0);

    private static void WriteMap(StringBuilder output, EmittedMap map, int indent)
    {
        foreach (var (key, value) in map.Entries)
        {
            output.Append(' ', indent).Append(key).Append(':');
            switch (value)
            {
                case EmittedScalar scalar:
                    output.Append(' ').Append(scalar.Text).Append('\n');
                    break;
                case EmittedList { Items.Count: 0 }:
                    output.Append(" []\n");
                    break;
                case EmittedMap { Entries.Count: 0 }:
                    output.Append(" {}\n");
                    break;
                case EmittedList list:
                    output.Append('\n');
                    WriteList(output, list, indent + Step);
                    break;
                case EmittedMap inner:
                    output.Append('\n');
                    WriteMap(output, inner, indent + Step);
                    break;
            }
        }
    }

    private static void WriteList(StringBuilder output, EmittedList list, int indent)
    {
        foreach (var item in list.Items)
        {
            switch (item)
            {
                case EmittedScalar scalar:
                    output.Append(' ', indent).Append("- ").Append(scalar.Text).Append('\n');
                    break;
                case EmittedList { Items.Count: 0 }:
                    output.Append(' ', indent).Append("- []\n");
                    break;
                case EmittedMap { Entries.Count: 0 }:
                    output.Append(' ', indent).Append("- {}\n");
                    break;
                default:
                    // A compact entry: the nested node starts on the dash's line, two columns in, and its
                    // other lines align with that first one.
                    var start = output.Length;
                    if (item is EmittedMap map)
                    {
                        WriteMap(output, map, indent + 2);
                    }
                    else
                    {
                        WriteList(output, (EmittedList)item, indent + 2);
                    }

                    output.Remove(start, indent + 2).Insert(start, new string(' ', indent) + "- ");
                    break;
            }
        }
    }
}
