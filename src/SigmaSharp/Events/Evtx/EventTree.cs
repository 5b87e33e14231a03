namespace SigmaSharp.Events.Evtx;

/// <summary>
/// The element tree of one record after template expansion, kept in flat arrays that are reused
/// record after record (no per-element objects). Values stay as references into the chunk bytes.
/// </summary>
internal sealed class EventTree(EvtxReaderOptions options)
{
    public struct Node
    {
        public XmlName Name;
        public int Parent;
        public int FirstChild;
        public int LastChild;
        public int NextSibling;
        public int FirstAttribute;
        public int LastAttribute;
        public int FirstValue;
        public int LastValue;
    }

    public struct Attribute
    {
        public XmlName Name;
        public int Next;
        public int FirstValue;
        public int LastValue;
    }

    public struct ValueLink
    {
        public ValuePiece Piece;
        public int Next;
    }

    private int _current = -1;
    private int _currentAttribute = -1;
    private int _depth;

    public GrowableArray<Node> Nodes { get; } = new();

    public GrowableArray<Attribute> Attributes { get; } = new();

    public GrowableArray<ValueLink> Values { get; } = new();

    /// <summary>Elements at the top level, linked through <see cref="Node.NextSibling"/>.</summary>
    public int FirstRoot { get; private set; } = -1;

    private int _lastRoot = -1;

    public void Clear()
    {
        Nodes.Clear();
        Attributes.Clear();
        Values.Clear();
        FirstRoot = _lastRoot = _current = _currentAttribute = -1;
        _depth = 0;
    }

    public void Open(XmlName name)
    {
        if (Nodes.Count >= options.MaxElementsPerRecord)
        {
            throw new EvtxDamageException(EvtxDiagnosticFacts.BinXmlTooManyElements,
                $"record expands to more than {options.MaxElementsPerRecord} elements");
        }

        if (++_depth > options.MaxNestingDepth)
        {
            throw new EvtxDamageException(EvtxDiagnosticFacts.BinXmlTooDeep,
                $"elements nest deeper than {options.MaxNestingDepth}");
        }

        var index = Nodes.Count;
        Nodes.Add(new Node
        {
            Name = name, Parent = _current, FirstChild = -1, LastChild = -1, NextSibling = -1,
            FirstAttribute = -1, LastAttribute = -1, FirstValue = -1, LastValue = -1,
        });
        if (_current < 0)
        {
            if (_lastRoot < 0) { FirstRoot = index; } else { Nodes[_lastRoot].NextSibling = index; }
            _lastRoot = index;
        }
        else
        {
            ref var parent = ref Nodes[_current];
            if (parent.LastChild < 0) { parent.FirstChild = index; } else { Nodes[parent.LastChild].NextSibling = index; }
            parent.LastChild = index;
        }

        _current = index;
        _currentAttribute = -1;
    }

    public void AddAttribute(XmlName name)
    {
        if (_current < 0)
        {
            return; // an attribute outside any element has nothing to attach to
        }

        var index = Attributes.Count;
        Attributes.Add(new Attribute { Name = name, Next = -1, FirstValue = -1, LastValue = -1 });
        ref var node = ref Nodes[_current];
        if (node.LastAttribute < 0) { node.FirstAttribute = index; } else { Attributes[node.LastAttribute].Next = index; }
        node.LastAttribute = index;
        _currentAttribute = index;
    }

    public void CloseStart() => _currentAttribute = -1;

    public void Close()
    {
        if (_current >= 0)
        {
            _current = Nodes[_current].Parent;
            _depth--;
        }

        _currentAttribute = -1;
    }

    /// <summary>Adds text or a value to the open attribute, or else to the open element's content.</summary>
    public void AddValue(in ValuePiece piece)
    {
        if (_current < 0)
        {
            return; // text outside the root element carries no event data
        }

        var index = Values.Count;
        Values.Add(new ValueLink { Piece = piece, Next = -1 });
        if (_currentAttribute >= 0)
        {
            ref var attribute = ref Attributes[_currentAttribute];
            if (attribute.LastValue < 0) { attribute.FirstValue = index; } else { Values[attribute.LastValue].Next = index; }
            attribute.LastValue = index;
        }
        else
        {
            ref var node = ref Nodes[_current];
            if (node.LastValue < 0) { node.FirstValue = index; } else { Values[node.LastValue].Next = index; }
            node.LastValue = index;
        }
    }
}
