using SigmaSharp.Rules;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SigmaSharp.Parsing;

/// <summary>
/// Turns YAML text into <see cref="YamlDocumentNode"/>s with positions, enforcing <see cref="YamlBudgets"/>.
/// Failures are returned as diagnostics; YamlDotNet's exceptions (YamlException, and the
/// InvalidOperationException it throws on some malformed input) never escape.
/// </summary>
internal sealed class YamlTreeReader
{
    private readonly string _file;
    private readonly YamlBudgets _budgets;
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private int _aliases;
    private int _depth;
    private bool _duplicateKeys;

    private YamlTreeReader(string file, YamlBudgets budgets)
    {
        _file = file;
        _budgets = budgets;
    }

    public static (IReadOnlyList<YamlDocumentNode> Documents, SigmaDiagnostic? Error) Read(string text, string file, YamlBudgets budgets) =>
        Read(new StringReader(text), file, budgets);

    /// <summary>As <see cref="Read(string, string, YamlBudgets)"/>, from a reader (a rule file's bytes, not copied into a string).</summary>
    public static (IReadOnlyList<YamlDocumentNode> Documents, SigmaDiagnostic? Error) Read(TextReader text, string file, YamlBudgets budgets)
    {
        var reader = new YamlTreeReader(file, budgets);
        var documents = new List<YamlDocumentNode>();
        var parser = new Parser(new Scanner(text, skipComments: true));
        var last = new SourcePosition(file, 1, 1);
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out var start))
            {
                last = reader.Pos(start.Start);
                var root = parser.Accept<DocumentEnd>(out _) ? null : reader.ReadNode(parser);
                parser.Consume<DocumentEnd>();
                reader._anchors.Clear();
                documents.Add(new YamlDocumentNode(root, documents.Count, last) { HasDuplicateKeys = reader._duplicateKeys });
                reader._duplicateKeys = false;
            }

            parser.Consume<StreamEnd>();
            return (documents, null);
        }
        catch (YamlBudgetException e)
        {
            return (documents, e.Diagnostic);
        }
        catch (YamlException e)
        {
            var message = e.InnerException is not null && e.Message.StartsWith("(Line", StringComparison.Ordinal)
                ? e.InnerException.Message
                : e.Message;
            return (documents, DiagnosticFacts.InvalidYaml(reader.Pos(e.Start), StripMark(message)));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            var position = parser.Current is { } current ? reader.Pos(current.Start) : last;
            return (documents, DiagnosticFacts.InvalidYaml(position, e.Message));
        }
    }

    private static string StripMark(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 6, Idx: 21): "; our position says that already.
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && i >= 0 ? message[(i + 3)..] : message;
    }

    private SourcePosition Pos(Mark mark) => new(_file, (int)mark.Line, (int)mark.Column);

    private YamlNode ReadNode(IParser parser)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return ResolveAlias(alias);
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var node = new YamlScalar(scalar.Value, StyleOf(scalar), scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value, Pos(scalar.Start));
            return Remember(scalar.Anchor, node);
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            Enter(sequenceStart.Start);
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser));
            }

            _depth--;
            return Remember(sequenceStart.Anchor, Check(new YamlSequence(items, Pos(sequenceStart.Start))));
        }

        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            Enter(mappingStart.Start);
            var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
            List<YamlScalar>? duplicates = null;
            Dictionary<string, int>? index = null; // built once a map is large, so hostile maps stay linear
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(parser);
                if (keyNode is not YamlScalar key)
                {
                    throw new YamlBudgetException(DiagnosticFacts.WrongType(keyNode.Position, "a map key", "a scalar", keyNode.KindName));
                }

                var value = ReadNode(parser);
                if (index is null && entries.Count >= 16)
                {
                    index = new Dictionary<string, int>(StringComparer.Ordinal);
                    for (var i = 0; i < entries.Count; i++)
                    {
                        index[entries[i].Key.Value] = i;
                    }
                }

                var earlier = index is not null ? index.GetValueOrDefault(key.Value, -1) : IndexOfKey(entries, key.Value);
                if (earlier >= 0)
                {
                    // As PyYAML (so sigmac and pySigma): the key keeps its place, the last value wins; reported as SIG114.
                    entries[earlier] = new(key, value);
                    (duplicates ??= []).Add(key);
                    _duplicateKeys = true;
                }
                else
                {
                    index?.Add(key.Value, entries.Count);
                    entries.Add(new(key, value));
                }
            }

            _depth--;
            return Remember(mappingStart.Anchor, Check(new YamlMapping(entries, Pos(mappingStart.Start), duplicates ?? [])));
        }

        var unexpected = parser.Current;
        throw new YamlBudgetException(DiagnosticFacts.InvalidYaml(
            unexpected is null ? new SourcePosition(_file, 0, 0) : Pos(unexpected.Start), "unexpected YAML event " + unexpected?.GetType().Name));
    }

    private static int IndexOfKey(List<KeyValuePair<YamlScalar, YamlNode>> entries, string key)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key.Value, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void Enter(Mark start)
    {
        if (++_depth > _budgets.MaxDepth)
        {
            throw new YamlBudgetException(DiagnosticFacts.YamlTooDeep(Pos(start), _budgets.MaxDepth));
        }
    }

    private YamlNode Check(YamlNode node) => node.ExpandedSize > _budgets.MaxExpandedNodes
        ? throw new YamlBudgetException(DiagnosticFacts.YamlTooLarge(node.Position, _budgets.MaxExpandedNodes))
        : node;

    private YamlNode ResolveAlias(AnchorAlias alias)
    {
        if (++_aliases > _budgets.MaxAliases)
        {
            throw new YamlBudgetException(DiagnosticFacts.YamlTooManyAliases(Pos(alias.Start), _budgets.MaxAliases));
        }

        return _anchors.TryGetValue(alias.Value.Value, out var node)
            ? node
            : throw new YamlBudgetException(DiagnosticFacts.InvalidYaml(Pos(alias.Start), $"alias '*{alias.Value.Value}' names no anchor"));
    }

    private YamlNode Remember(AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    private static ScalarStyle StyleOf(Scalar scalar) => scalar.Style switch
    {
        YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any => ScalarStyle.Plain,
        YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded => ScalarStyle.Block,
        _ => ScalarStyle.Quoted,
    };

    private sealed class YamlBudgetException(SigmaDiagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public SigmaDiagnostic Diagnostic { get; } = diagnostic;
    }
}
