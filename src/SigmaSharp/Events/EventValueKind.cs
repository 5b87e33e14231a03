namespace SigmaSharp.Events;

/// <summary>The JSON kind of one field value; every value is still available as its text.</summary>
public enum EventValueKind : byte
{
    String,
    Number,
    True,
    False,
    Null,

    /// <summary>An empty object or array: the field exists but holds no value.</summary>
    Empty,
}
