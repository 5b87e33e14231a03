using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>Rule repositories are flattened by many tools; two files of one name in different folders then collide.</summary>
internal sealed class DuplicateFilenameValidator : CollectionValidator
{
    public override string Code => "SIG406";

    public override string Name => "duplicate-filename";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "files in different folders have the same file name";

    public override IEnumerable<RuleFinding> Validate(RuleCollection collection, ValidationOptions options)
    {
        // One representative rule per file, so that several documents of one file do not collide with each other.
        var firstPerFile = collection.Rules.GroupBy(r => r.Source.File, StringComparer.Ordinal).Select(g => g.First());
        return Duplicates(firstPerFile, r => Path.GetFileName(r.Source.File), r => new SourcePosition(r.Source.File, 1, 1), n => $"file name '{n}' is used in more than one folder");
    }
}
