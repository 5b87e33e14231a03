using System.Text.RegularExpressions;
using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Tags;

/// <summary>Tags are lowercase <c>namespace.name</c> (letters, digits, - and _); tools match them literally.</summary>
internal sealed partial class TagFormatValidator : TagValidator
{
    public override string Code => "SIG440";

    public override string Name => "tag-format";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "a tag is not lowercase namespace.name of letters, digits, '-', '_' and '.'";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaTag tag)
    {
        if (!TagPattern().IsMatch(tag.ToString()))
        {
            yield return Finding(tag.Position, $"tag '{tag}' should be lowercase namespace.name using letters, digits, '-', '_' and '.'");
        }
    }

    [GeneratedRegex(@"^[a-z0-9_-]+\.[a-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
