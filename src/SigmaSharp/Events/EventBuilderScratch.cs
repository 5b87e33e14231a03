namespace SigmaSharp.Events;

/// <summary>
/// Per-thread working arrays of <see cref="EventBuilder"/>, reused across events so that building
/// allocates only what the event keeps: one id array and one value array, both exact size.
/// </summary>
internal sealed class EventBuilderScratch
{
    private int[] _fullIds = new int[128];
    private int[] _shortIds = new int[128];
    private SigmaEvent.ValueSpan[] _values = new SigmaEvent.ValueSpan[128];
    private int[] _next = new int[128]; // per entry, the next entry of the same path, or -1
    private int _count;
    // Per path id, the last entry of that path in the current event (valid when the stamp is _serial).
    private int[] _pathStamp = new int[256];
    private int[] _pathLast = new int[256];
    private int _serial = 1;
    private Frame[] _stack = new Frame[16];

    public int Depth { get; private set; }

    public ref Frame Top => ref _stack[Depth - 1];

    public void Clear()
    {
        _count = 0;
        Depth = 0;
        if (++_serial == int.MaxValue)
        {
            Array.Clear(_pathStamp);
            _serial = 1;
        }
    }

    public void Push(FieldNameTable.PathNode node, bool isArray)
    {
        if (Depth == _stack.Length)
        {
            Array.Resize(ref _stack, Depth * 2);
        }
        _stack[Depth++] = new Frame { Node = node, IsArray = isArray, FirstValue = _count };
    }

    /// <summary>Closes the innermost container; says whether it held no value at all.</summary>
    public (FieldNameTable.PathNode Node, bool WasEmpty) Pop()
    {
        var frame = _stack[--Depth];
        return (frame.Node, frame.FirstValue == _count);
    }

    public void Add(FieldNameTable.PathNode node, SigmaEvent.ValueSpan value)
    {
        if (_count == _values.Length)
        {
            Array.Resize(ref _fullIds, _count * 2);
            Array.Resize(ref _shortIds, _count * 2);
            Array.Resize(ref _values, _count * 2);
            Array.Resize(ref _next, _count * 2);
        }
        var path = node.FullNameId;
        if (path >= _pathStamp.Length)
        {
            Array.Resize(ref _pathStamp, Math.Max(path + 1, _pathStamp.Length * 2));
            Array.Resize(ref _pathLast, _pathStamp.Length);
        }
        _next[_count] = -1;
        if (_pathStamp[path] == _serial)
        {
            _next[_pathLast[path]] = _count;
        }
        _pathStamp[path] = _serial;
        _pathLast[path] = _count;
        _fullIds[_count] = node.FullNameId;
        _shortIds[_count] = node.ShortNameId;
        _values[_count] = value;
        _count++;
    }

    public int Count => _count;

    /// <summary>Copies the entries into an event's arrays: full-path ids, then Sigma-name ids, at offset <see cref="Count"/>.</summary>
    public void CopyTo(int[] ids, SigmaEvent.ValueSpan[] values, int[] next)
    {
        _next.AsSpan(0, _count).CopyTo(next);
        _fullIds.AsSpan(0, _count).CopyTo(ids);
        _shortIds.AsSpan(0, _count).CopyTo(ids.AsSpan(_count));
        _values.AsSpan(0, _count).CopyTo(values);
    }

    public (int[] Ids, SigmaEvent.ValueSpan[] Values) ToArrays()
    {
        var ids = new int[2 * _count];
        _fullIds.AsSpan(0, _count).CopyTo(ids);
        _shortIds.AsSpan(0, _count).CopyTo(ids.AsSpan(_count));
        return (ids, _values.AsSpan(0, _count).ToArray());
    }

    public struct Frame
    {
        public FieldNameTable.PathNode Node;
        public FieldNameTable.PathNode? LastChild;
        public bool IsArray;
        public int FirstValue;
    }
}
