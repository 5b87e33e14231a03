namespace SigmaSharp.Events.Evtx;

/// <summary>
/// Walks compiled BinXML instructions into the <see cref="EventTree"/>, replacing each substitution
/// by its value. A value of type BinXml is itself a fragment (often with its own template instance):
/// it is compiled on demand and expanded in place, one nesting level deeper.
/// </summary>
internal sealed class TemplateExpander(BinXmlCompiler compiler, EventTree tree, EvtxReaderOptions options)
{
    public GrowableArray<BinXmlOp> Ops { get; } = new();

    public GrowableArray<ValuePiece> SubstitutionValues { get; } = new();

    public void Clear()
    {
        Ops.Clear();
        SubstitutionValues.Clear();
    }

    /// <summary>Compiles and expands the record's BinXML in [start, end).</summary>
    public void ExpandRecord(int start, int end)
    {
        compiler.Compile(start, end, Ops, SubstitutionValues, inTemplate: false, depth: 0);
        ExpandOps(0, Ops.Count, 0);
    }

    private void ExpandOps(int from, int to, int depth)
    {
        for (var i = from; i < to; i++)
        {
            var op = Ops[i];
            if (op.Kind == BinXmlOpKind.TemplateInstance)
            {
                ExpandTemplate(op.Template!, op.Index, op.Count, depth + 1);
            }
            else
            {
                Emit(op);
            }
        }
    }

    private void ExpandTemplate(CompiledTemplate template, int firstValue, int valueCount, int depth)
    {
        CheckDepth(depth);
        foreach (var op in template.Ops)
        {
            if (op.Kind != BinXmlOpKind.Substitution)
            {
                Emit(op);
                continue;
            }

            if (op.Index >= valueCount)
            {
                continue; // a substitution without a value renders as nothing, like a NULL value
            }

            var value = SubstitutionValues[firstValue + op.Index];
            if (value.Type == BinXmlValueType.BinXml)
            {
                if (value.Length > 0)
                {
                    var start = Ops.Count;
                    compiler.Compile(value.Offset, value.Offset + value.Length, Ops, SubstitutionValues,
                        inTemplate: false, depth + 1);
                    ExpandOps(start, Ops.Count, depth + 1);
                }
            }
            else if (value.Type != BinXmlValueType.Null && !(op.Optional && value.Length == 0))
            {
                tree.AddValue(value);
            }
        }
    }

    private void Emit(in BinXmlOp op)
    {
        switch (op.Kind)
        {
            case BinXmlOpKind.OpenElement:
                tree.Open(op.Name!);
                break;
            case BinXmlOpKind.Attribute:
                tree.AddAttribute(op.Name!);
                break;
            case BinXmlOpKind.CloseStart:
                tree.CloseStart();
                break;
            case BinXmlOpKind.CloseElement:
                tree.Close();
                break;
            case BinXmlOpKind.Text:
                tree.AddValue(op.Piece);
                break;
            case BinXmlOpKind.Substitution:
                break; // only meaningful inside a template; outside one there is no value to take
            default:
                break;
        }
    }

    private void CheckDepth(int depth)
    {
        if (depth > options.MaxNestingDepth)
        {
            throw new EvtxDamageException(EvtxDiagnosticFacts.BinXmlTooDeep,
                $"template nesting exceeds {options.MaxNestingDepth}");
        }
    }
}
