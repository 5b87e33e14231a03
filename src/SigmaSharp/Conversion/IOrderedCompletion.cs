using SigmaSharp.Rules;

namespace SigmaSharp.Conversion;

/// <summary>
/// A backend whose only run-wide output (unique names, an end-of-run document) can be rebuilt from the converted
/// rules' queries in rule order. Instances of such a backend may each convert part of a batch, in parallel, as if
/// alone; <see cref="CompleteInOrder"/> then gives exactly what one instance converting every rule in order returns
/// from <see cref="IBackend.Convert"/> and <see cref="IBackend.Finalize"/>.
/// </summary>
public interface IOrderedCompletion
{
    /// <param name="converted">Every converted rule of the run (rules that failed left out), in rule order, with the
    /// queries some instance returned for it.</param>
    /// <returns>Each rule's final queries, in the same order, and the end-of-run document (null when there is none) as
    /// parts to write one after the other: a document of thousands of watches need not be copied into one string.</returns>
    (IReadOnlyList<EquatableArray<string>> Queries, IReadOnlyList<string>? Document) CompleteInOrder(IReadOnlyList<ConvertedQueries> converted);
}

/// <summary>What <see cref="IOrderedCompletion"/> needs of a converted rule: its id, its title and its queries.</summary>
public sealed record ConvertedQueries(string? Id, string Title, EquatableArray<string> Queries);
