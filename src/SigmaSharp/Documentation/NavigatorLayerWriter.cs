using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using SigmaSharp.Documentation.Attack;
using SigmaSharp.Rules;

namespace SigmaSharp.Documentation;

/// <summary>
/// Writes an ATT&amp;CK Navigator layer (format 4.5): each technique the rules name, scored by how many rule
/// files name it and coloured by the highest level among them. Revoked techniques count for their successor
/// (Navigator shows current techniques only); techniques unknown to the table are left out and listed in the
/// layer's description.
/// </summary>
public static class NavigatorLayerWriter
{
    public const string FileName = "attack-navigator-layer.json";
    public const string NavigatorVersion = "5.1.0";
    public const string LayerVersion = "4.5";

    private static readonly ImmutableArray<(RuleLevel Level, string Color)> LevelColors =
    [
        (RuleLevel.Informational, "#9ecae1"),
        (RuleLevel.Low, "#fee391"),
        (RuleLevel.Medium, "#fe9929"),
        (RuleLevel.High, "#e34a33"),
        (RuleLevel.Critical, "#7a0177"),
    ];

    private const string NoLevelColor = "#d9d9d9";
    private const int MaxTitlesInComment = 20;

    public static string Write(IReadOnlyList<DocumentedRule> rules, DocsOptions? options = null, string name = "Sigma rule coverage")
    {
        ArgumentNullException.ThrowIfNull(rules);
        options ??= DocsOptions.Default;
        var table = options.AttackTable;
        var techniques = new SortedDictionary<string, (int Count, RuleLevel? Max, List<string> Titles)>(StringComparer.Ordinal);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var mapping = AttackMapping.Of(rule.Info, table);
            unknown.UnionWith(mapping.Techniques.Where(t => t.Entry is null).Select(t => t.Id));
            foreach (var technique in mapping.CurrentTechniques(table))
            {
                var (count, max, titles) = techniques.GetValueOrDefault(technique.Id, (0, null, []));
                titles.Add(rule.Info.Title);
                techniques[technique.Id] = (count + 1, Max(max, rule.Info.Level), titles);
            }
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteStartObject("versions");
            json.WriteString("attack", MajorVersion(table.Version));
            json.WriteString("navigator", NavigatorVersion);
            json.WriteString("layer", LayerVersion);
            json.WriteEndObject();
            json.WriteString("domain", "enterprise-attack");
            json.WriteString("description", unknown.Count == 0
                ? $"{rules.Count} rule files; ATT&CK v{table.Version}."
                : $"{rules.Count} rule files; ATT&CK v{table.Version}. Not in this ATT&CK version: {string.Join(", ", unknown)}.");
            json.WriteStartArray("techniques");
            foreach (var (id, (count, max, titles)) in techniques)
            {
                json.WriteStartObject();
                json.WriteString("techniqueID", id);
                json.WriteNumber("score", count);
                json.WriteString("color", ColorOf(max));
                json.WriteString("comment", Comment(titles));
                json.WriteBoolean("enabled", true);
                json.WriteBoolean("showSubtechniques", false);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("gradient");
            json.WriteStartArray("colors");
            json.WriteStringValue("#ffffff");
            json.WriteStringValue("#e34a33");
            json.WriteEndArray();
            json.WriteNumber("minValue", 0);
            json.WriteNumber("maxValue", techniques.Count == 0 ? 1 : techniques.Values.Max(t => t.Count));
            json.WriteEndObject();
            json.WriteStartArray("legendItems");
            foreach (var (level, color) in LevelColors)
            {
                json.WriteStartObject();
                json.WriteString("label", "highest level: " + AnalyticPageWriter.LevelName(level));
                json.WriteString("color", color);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteBoolean("showTacticRowBackground", false);
            json.WriteBoolean("selectTechniquesAcrossTactics", true);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    internal static string ColorOf(RuleLevel? level) =>
        level is { } l ? LevelColors.First(c => c.Level == l).Color : NoLevelColor;

    private static RuleLevel? Max(RuleLevel? a, RuleLevel? b) => a is null ? b : b is null ? a : (RuleLevel)Math.Max((int)a, (int)b);

    private static string MajorVersion(string version) => version.Split('.')[0];

    private static string Comment(List<string> titles)
    {
        var shown = titles.Order(StringComparer.Ordinal).Take(MaxTitlesInComment);
        var more = titles.Count > MaxTitlesInComment ? $"; and {titles.Count - MaxTitlesInComment} more" : string.Empty;
        return string.Join("; ", shown) + more;
    }
}
