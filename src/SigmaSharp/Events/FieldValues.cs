namespace SigmaSharp.Events;

/// <summary>
/// The values one field has in one event: usually one, several when the JSON held an array, none
/// when the field is missing (<see cref="Exists"/> tells missing from null). Allocation-free to
/// enumerate; value strings are decoded on first use and cached by the event.
/// </summary>
public readonly struct FieldValues
{
    private readonly SigmaEvent? _event;
    private readonly int _pathId;
    private readonly int _first;

    internal FieldValues(SigmaEvent sigmaEvent, int pathId, int first)
    {
        _event = sigmaEvent;
        _pathId = pathId;
        _first = first;
    }

    /// <summary>The field is present, even if its value is null or an empty container.</summary>
    public bool Exists => _event is not null;

    /// <summary>The first value; <see langword="null"/> when missing or JSON null.</summary>
    public string? First => _event?.ValueAt(_first);

    /// <summary>The entry index of the first value in its event (for raw access); only when <see cref="Exists"/>.</summary>
    internal int FirstIndex => _first;

    internal SigmaEvent? Event => _event;

    /// <summary>The full dotted path the name resolved to, or null when missing.</summary>
    public string? Path => _event?.Schema.Names.NameOf(_pathId);

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var _ in this)
            {
                count++;
            }
            return count;
        }
    }

    public Enumerator GetEnumerator() => new(_event, _pathId, _first);

    /// <summary>Walks the entries of one path; empty containers give no value.</summary>
    public struct Enumerator
    {
        private readonly SigmaEvent? _event;
        private readonly int _pathId;
        private int _index;

        internal Enumerator(SigmaEvent? sigmaEvent, int pathId, int first)
        {
            _event = sigmaEvent;
            _pathId = pathId;
            _index = first - 1;
        }

        public readonly string? Current => _event!.ValueAt(_index);

        /// <summary>The entry index of <see cref="Current"/> in its event (for raw access).</summary>
        internal readonly int CurrentIndex => _index;

        /// <summary>The JSON kind of <see cref="Current"/>.</summary>
        public readonly EventValueKind CurrentKind => _event!.KindAt(_index);

        public bool MoveNext()
        {
            if (_event is null)
            {
                return false;
            }
            while (true)
            {
                var next = _event.NextEntryOfPath(_pathId, _index + 1);
                if (next < 0)
                {
                    // Parked past the end so that further calls stay false.
                    _index = int.MaxValue - 1;
                    return false;
                }
                _index = next;
                if (_event.KindAt(next) != EventValueKind.Empty)
                {
                    return true;
                }
            }
        }
    }
}
