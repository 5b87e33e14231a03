using SigmaSharp.Rules;

namespace SigmaSharp.Parsing;

/// <summary>Reads a Sigma filter (filters specification v2.1): rules it applies to, its selections and condition.</summary>
internal static class FilterParser
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "rules", "condition" };

    public static SigmaFilter? Parse(YamlMapping map, RuleSource source, DocumentContext context)
    {
        var info = MetadataParser.Parse(map, context);
        var logSource = RuleDocumentParser.ParseLogSource(map, context, required: true);
        var section = context.Map(map, "filter");
        if (section is null)
        {
            return null;
        }

        var rules = context.ScalarList(section, "rules");
        if (rules.IsEmpty && section["rules"] is null)
        {
            context.Report(DiagnosticFacts.InvalidFilter(section.Position, "missing 'rules': the ids or names of the rules to filter"));
        }

        var detection = DetectionParser.Parse(section, context, Reserved);
        return detection is null || logSource is null || context.HasErrors
            ? null
            : new SigmaFilter(info, logSource, rules, detection.Identifiers, detection.Conditions, source);
    }
}
