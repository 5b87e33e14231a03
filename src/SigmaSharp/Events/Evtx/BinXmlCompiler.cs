namespace SigmaSharp.Events.Evtx;

/// <summary>
/// Tokenises a BinXML byte range of the current chunk into <see cref="BinXmlOp"/>s. Template
/// definitions are compiled once and cached per chunk by their offset; a template instance's
/// substitution values are appended to the caller's value list and referenced by range.
/// </summary>
internal sealed class BinXmlCompiler(ChunkContext chunk, EvtxReaderOptions options)
{
    /// <summary>Compiles [start, end) until EndOfStream; returns the position after it.</summary>
    public int Compile(int start, int end, GrowableArray<BinXmlOp> ops, GrowableArray<ValuePiece> values,
        bool inTemplate, int depth)
    {
        if (depth > options.MaxNestingDepth)
        {
            throw new EvtxDamageException(EvtxDiagnosticFacts.BinXmlTooDeep,
                $"BinXML nesting exceeds {options.MaxNestingDepth}");
        }

        ChunkContext.Require(start, end - start);
        var pos = start;
        while (pos < end)
        {
            var raw = chunk.Buffer[pos];
            var hasMore = (raw & BinXmlToken.MoreFlag) != 0;
            switch ((byte)(raw & ~BinXmlToken.MoreFlag))
            {
                case BinXmlToken.EndOfStream:
                    return pos + 1;
                case BinXmlToken.OpenStartElement:
                    var name = ReadElementName(ref pos);
                    if (hasMore)
                    {
                        pos += 4; // attribute list size: attributes are read token by token instead
                    }

                    ops.Add(new BinXmlOp(BinXmlOpKind.OpenElement, name));
                    break;
                case BinXmlToken.CloseStartElement:
                    ops.Add(new BinXmlOp(BinXmlOpKind.CloseStart));
                    pos++;
                    break;
                case BinXmlToken.CloseEmptyElement:
                case BinXmlToken.EndElement:
                    ops.Add(new BinXmlOp(BinXmlOpKind.CloseElement));
                    pos++;
                    break;
                case BinXmlToken.Attribute:
                    var attributeName = chunk.U32(pos + 1);
                    pos += 5;
                    ops.Add(new BinXmlOp(BinXmlOpKind.Attribute, chunk.ReadName(attributeName, ref pos)));
                    break;
                case BinXmlToken.Value:
                    var valueType = chunk.U8(pos + 1);
                    if (valueType != BinXmlValueType.String)
                    {
                        throw new EvtxDamageException(EvtxDiagnosticFacts.BinXmlUnsupportedValue,
                            $"value token of type 0x{valueType:x2} at chunk offset {pos}");
                    }

                    pos = AddText(pos + 2, ops);
                    break;
                case BinXmlToken.CData:
                    pos = AddText(pos + 1, ops);
                    break;
                case BinXmlToken.CharRef:
                    var character = chunk.U16(pos + 1);
                    ops.Add(new BinXmlOp(BinXmlOpKind.Text, Piece: new ValuePiece(BinXmlValueType.CharRefPiece, character, 0)));
                    pos += 3;
                    break;
                case BinXmlToken.EntityRef:
                    var entityOffset = chunk.U32(pos + 1);
                    pos += 5;
                    var entity = chunk.ReadName(entityOffset, ref pos);
                    ops.Add(new BinXmlOp(BinXmlOpKind.Text, Piece: new ValuePiece(BinXmlValueType.EntityRefPiece, 0, 0, entity)));
                    break;
                case BinXmlToken.PITarget:
                    // Processing instructions carry no event data; the JSON shape has no place for them.
                    var targetOffset = chunk.U32(pos + 1);
                    pos += 5;
                    chunk.ReadName(targetOffset, ref pos);
                    break;
                case BinXmlToken.PIData:
                    pos += 3 + (chunk.U16(pos + 1) * 2);
                    break;
                case BinXmlToken.NormalSubstitution:
                case BinXmlToken.OptionalSubstitution:
                    ops.Add(new BinXmlOp(BinXmlOpKind.Substitution, Index: chunk.U16(pos + 1),
                        Optional: raw == BinXmlToken.OptionalSubstitution));
                    pos += 4;
                    break;
                case BinXmlToken.TemplateInstance:
                    if (inTemplate)
                    {
                        throw new EvtxDamageException(EvtxDiagnosticFacts.BinXmlBadTemplate,
                            $"template definition contains a template instance at chunk offset {pos}");
                    }

                    pos = AddTemplateInstance(pos, end, ops, values, depth);
                    break;
                case BinXmlToken.FragmentHeader:
                    pos += 4;
                    break;
                default:
                    throw new EvtxDamageException(EvtxDiagnosticFacts.BinXmlUnexpectedToken,
                        $"unknown BinXML token 0x{raw:x2} at chunk offset {pos}");
            }
        }

        return pos;
    }

    /// <summary>
    /// Reads an element start: token, dependency id (2), data size (4), name offset (4). Some
    /// writers (seen in forwarded events and CAPI2 logs) omit the dependency id; the layout whose
    /// name offset is plausible — the inline position, or an earlier name in the chunk — wins.
    /// </summary>
    private XmlName ReadElementName(ref int pos)
    {
        var withDependency = chunk.U32(pos + 7);
        var withoutDependency = chunk.U32(pos + 5);
        int next;
        uint nameOffset;
        if (withDependency == pos + 11 || (withoutDependency != pos + 9 && IsEarlierName(withDependency, pos)))
        {
            (next, nameOffset) = (pos + 11, withDependency);
        }
        else if (withoutDependency == pos + 9 || IsEarlierName(withoutDependency, pos))
        {
            (next, nameOffset) = (pos + 9, withoutDependency);
        }
        else
        {
            throw new EvtxDamageException(EvtxDiagnosticFacts.BinXmlOutOfBounds,
                $"element at chunk offset {pos} names no valid name offset ({withDependency} / {withoutDependency})");
        }

        var name = chunk.ReadName(nameOffset, ref next);
        pos = next;
        return name;
    }

    private static bool IsEarlierName(uint nameOffset, int pos) =>
        nameOffset >= ChunkContext.HeaderSize && nameOffset < pos;

    private int AddText(int countOffset, GrowableArray<BinXmlOp> ops)
    {
        var byteLength = chunk.U16(countOffset) * 2;
        ChunkContext.Require(countOffset + 2, byteLength);
        ops.Add(new BinXmlOp(BinXmlOpKind.Text, Piece: new ValuePiece(BinXmlValueType.String, countOffset + 2, byteLength)));
        return countOffset + 2 + byteLength;
    }

    private int AddTemplateInstance(int pos, int end, GrowableArray<BinXmlOp> ops, GrowableArray<ValuePiece> values, int depth)
    {
        // token, unknown (1), template id (4), definition offset (4)
        var definitionOffset = chunk.U32(pos + 6);
        pos += 10;
        if (definitionOffset >= ChunkContext.Size)
        {
            throw new EvtxDamageException(EvtxDiagnosticFacts.BinXmlBadTemplate,
                $"template definition offset {definitionOffset} lies outside the chunk");
        }

        var template = GetTemplate((int)definitionOffset, depth);
        if (definitionOffset == pos)
        {
            // Defined inline: next offset (4), GUID (16), data size (4), data.
            pos += 24 + (int)chunk.U32(pos + 20);
        }

        var count = chunk.U32(pos);
        if (count > options.MaxSubstitutions)
        {
            throw new EvtxDamageException(EvtxDiagnosticFacts.BinXmlTooManySubstitutions,
                $"template instance declares {count} substitution values (budget {options.MaxSubstitutions})");
        }

        pos += 4;
        var valueOffset = pos + ((int)count * 4);
        ChunkContext.Require(pos, (int)count * 4);
        var first = values.Count;
        for (var i = 0; i < count; i++)
        {
            var size = chunk.U16(pos + (i * 4));
            var type = chunk.Buffer[pos + (i * 4) + 2];
            values.Add(new ValuePiece(type, valueOffset, size));
            valueOffset += size;
        }

        if (valueOffset > end)
        {
            throw new EvtxDamageException(EvtxDiagnosticFacts.BinXmlOutOfBounds,
                $"substitution values end at chunk offset {valueOffset}, past the record end {end}");
        }

        ops.Add(new BinXmlOp(BinXmlOpKind.TemplateInstance, Index: first, Count: (int)count, Template: template));
        return valueOffset;
    }

    private CompiledTemplate GetTemplate(int definitionOffset, int depth)
    {
        if (chunk.Templates.TryGetValue(definitionOffset, out var cached))
        {
            return cached;
        }

        if (!chunk.TemplatesInProgress.Add(definitionOffset))
        {
            throw new EvtxDamageException(EvtxDiagnosticFacts.BinXmlTemplateCycle,
                $"template definition at chunk offset {definitionOffset} refers to itself");
        }

        try
        {
            var size = chunk.U32(definitionOffset + 20);
            var start = definitionOffset + 24;
            if (size > ChunkContext.Size - start)
            {
                throw new EvtxDamageException(EvtxDiagnosticFacts.BinXmlBadTemplate,
                    $"template definition at chunk offset {definitionOffset} claims {size} bytes, beyond the chunk");
            }

            var ops = new GrowableArray<BinXmlOp>();
            var unused = new GrowableArray<ValuePiece>();
            Compile(start, start + (int)size, ops, unused, inTemplate: true, depth + 1);
            var template = new CompiledTemplate(definitionOffset, ops.ToArray());
            chunk.Templates[definitionOffset] = template;
            return template;
        }
        finally
        {
            chunk.TemplatesInProgress.Remove(definitionOffset);
        }
    }
}
