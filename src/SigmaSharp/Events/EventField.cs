namespace SigmaSharp.Events;

/// <summary>One flattened value of an event, in document order.</summary>
/// <param name="Path">Full dotted JSON path, e.g. <c>Event.System.Provider.#attributes.Name</c>.</param>
/// <param name="Name">Sigma name, e.g. <c>Provider_Name</c>, <c>Image</c>.</param>
/// <param name="Value">The value's text; <see langword="null"/> for JSON null and empty containers.</param>
public readonly record struct EventField(string Path, string Name, string? Value, EventValueKind Kind);
