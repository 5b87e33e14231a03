namespace SigmaSharp.Events.Evtx;

internal enum BinXmlOpKind : byte
{
    OpenElement,
    Attribute,
    CloseStart,
    CloseElement,
    Text,
    Substitution,
    TemplateInstance,
}

/// <summary>
/// A piece of text or a typed value: where its bytes lie in the chunk and how to read them.
/// CharRef pieces keep the character in <see cref="Offset"/>; EntityRef pieces keep the name.
/// </summary>
internal readonly record struct ValuePiece(byte Type, int Offset, int Length, XmlName? Entity = null);

/// <summary>
/// One BinXML instruction after tokenising. Templates are compiled once per chunk into these, so
/// each record only walks a flat array instead of re-reading tokens and names.
/// </summary>
internal readonly record struct BinXmlOp(
    BinXmlOpKind Kind,
    XmlName? Name = null,
    ValuePiece Piece = default,
    int Index = 0,
    int Count = 0,
    bool Optional = false,
    CompiledTemplate? Template = null);

/// <summary>A template definition compiled to instructions; substitutions refer to values by index.</summary>
internal sealed class CompiledTemplate(int definitionOffset, BinXmlOp[] ops)
{
    public int DefinitionOffset { get; } = definitionOffset;

    public BinXmlOp[] Ops { get; } = ops;
}

/// <summary>A growable array read by index, so that appending while iterating stays safe.</summary>
internal sealed class GrowableArray<T>
{
    private T[] _items = new T[64];

    public int Count { get; private set; }

    public ref T this[int index] => ref _items[index];

    public void Add(in T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = item;
    }

    public void Clear() => Count = 0;

    public T[] ToArray() => _items.AsSpan(0, Count).ToArray();
}
