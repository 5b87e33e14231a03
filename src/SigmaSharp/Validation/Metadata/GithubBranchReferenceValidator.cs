using System.Text.RegularExpressions;
using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>SigmaHQ: links into a main or master branch change under the reader's feet; permalinks (a commit) do not.</summary>
internal sealed partial class GithubBranchReferenceValidator : RuleValidator
{
    public override string Code => "SIG426";

    public override string Name => "github-branch-reference";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    public override string Description => "a GitHub/GitLab reference points into the main or master branch instead of a commit permalink";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options) =>
        rule.Info.References.Where(r => BranchLink().IsMatch(r))
            .Select(r => Finding(RulePosition(rule), $"reference '{r}' points into a branch; use a permalink to a commit"));

    [GeneratedRegex(@"^https?://(www\.)?(github\.com|gitlab\.com)/[^/]+/[^/]+/(-/)?(blob|tree|raw)/(main|master)/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BranchLink();
}
