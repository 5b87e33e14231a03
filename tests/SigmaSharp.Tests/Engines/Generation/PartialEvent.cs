namespace SigmaSharp.Tests.Engines.Generation;

/// <summary>
/// Fields a generated event must have (a value) or must lack (null), in the order they were set; names compared
/// ignoring case, as the evaluator and SQLite compare them.
/// </summary>
internal sealed class PartialEvent
{
    private readonly List<(string Name, FlatValue? Value)> _fields = [];

    public static PartialEvent Empty { get; } = new();

    public IReadOnlyList<(string Name, FlatValue? Value)> Fields => _fields;

    public static PartialEvent With(string name, FlatValue? value)
    {
        var result = new PartialEvent();
        result._fields.Add((name, value));
        return result;
    }

    /// <summary>This event's fields, then <paramref name="other"/>'s replacing those of the same name.</summary>
    public PartialEvent Override(PartialEvent other)
    {
        var result = Copy();
        foreach (var (name, value) in other._fields)
        {
            result.Set(name, value);
        }

        return result;
    }

    /// <summary>
    /// Both sets of requirements. Two texts for one field are joined with a space, which satisfies two 'contains'
    /// tests at once; other clashes keep <paramref name="other"/>'s value.
    /// </summary>
    public PartialEvent Merge(PartialEvent other)
    {
        var result = Copy();
        foreach (var (name, value) in other._fields)
        {
            var at = result.IndexOf(name);
            if (at >= 0 && result._fields[at].Value is { IsInteger: false } mine && value is { IsInteger: false } theirs
                && !mine.Text.Contains(theirs.Text, StringComparison.OrdinalIgnoreCase))
            {
                result._fields[at] = (name, FlatValue.Of(mine.Text + " " + theirs.Text));
            }
            else
            {
                result.Set(name, value);
            }
        }

        return result;
    }

    public FlatEvent ToEvent(string origin) =>
        new(_fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, FlatValue>(f.Name, f.Value!.Value)), origin);

    private PartialEvent Copy()
    {
        var result = new PartialEvent();
        result._fields.AddRange(_fields);
        return result;
    }

    private void Set(string name, FlatValue? value)
    {
        var at = IndexOf(name);
        if (at >= 0)
        {
            _fields[at] = (_fields[at].Name, value);
        }
        else
        {
            _fields.Add((name, value));
        }
    }

    private int IndexOf(string name) => _fields.FindIndex(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
