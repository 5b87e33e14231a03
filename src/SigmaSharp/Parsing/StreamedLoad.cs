using SigmaSharp.Rules;

namespace SigmaSharp.Parsing;

/// <summary>
/// What <see cref="RuleLoader.LoadEach"/> kept: one item per file in file order, the files' diagnostics (files not
/// found first, then each file's in order, as <see cref="RuleLoader.Load"/> reports them) and the counts of a
/// <see cref="RuleCollection"/>.
/// </summary>
/// <param name="NeedsWholeCollection">True when some file holds a correlation rule, a filter or a legacy aggregation:
/// their meaning involves other rules of the load, so the items (made one file at a time) may not be the whole
/// answer and the caller should load the collection with <see cref="RuleLoader.Load"/> instead.</param>
public sealed record StreamedLoad<T>(
    IReadOnlyList<T> Items,
    EquatableArray<SigmaDiagnostic> Diagnostics,
    int FilesRead,
    int FilesSkipped,
    int RulesWithErrors,
    bool NeedsWholeCollection);
