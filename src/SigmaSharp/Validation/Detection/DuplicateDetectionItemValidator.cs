using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Detection;

/// <summary>
/// Two identical alternatives in one list of maps (or two identical items in one map) add nothing; usually one
/// of them was meant to differ.
/// </summary>
internal sealed class DuplicateDetectionItemValidator : RuleValidator
{
    public override string Code => "SIG264";

    public override string Name => "duplicate-detection-item";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "a selection holds the same detection item or alternative twice";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options)
    {
        foreach (var group in DetectionWalker.Identifiers(rule).SelectMany(i => DetectionWalker.Groups(i.Definition)))
        {
            var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
            foreach (var node in group.Items)
            {
                var key = Canonical(node);
                if (!seen.TryAdd(key, node.Position))
                {
                    yield return Finding(node.Position, $"duplicate of the detection item at {seen[key]}");
                }
            }
        }
    }

    /// <summary>The node without positions, so that equal content compares equal.</summary>
    internal static string Canonical(DetectionNode node) => node switch
    {
        DetectionItem item => $"{item.Key}={item.ValueLinking}:[{string.Join("\u001f", item.Values)}]",
        DetectionGroup group => $"{group.Linking}({string.Join("\u001e", group.Items.Select(Canonical).Order(StringComparer.Ordinal))})",
        _ => node.GetType().Name,
    };
}
