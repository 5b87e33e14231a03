using SigmaSharp.Events;

namespace SigmaSharp.Tests.Engines;

/// <summary>
/// The SigmaHQ regression events of the rules under rules/windows (regression_data/rules/windows/**/info.yml names the
/// rule; the case's .json file holds its events), flattened as <see cref="Flatten"/> says, by rule id.
/// </summary>
internal static class RegressionEvents
{
    public static Dictionary<string, List<FlatEvent>> ByRuleId(string corpus)
    {
        var result = new Dictionary<string, List<FlatEvent>>(StringComparer.OrdinalIgnoreCase);
        var cases = Path.Combine(corpus, "sigmahq", "regression_data", "rules", "windows");
        if (!Directory.Exists(cases))
        {
            return result;
        }

        foreach (var info in Directory.EnumerateFiles(cases, "info.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (RuleIdOf(info) is not { } id)
            {
                continue;
            }

            var folder = Path.GetDirectoryName(info)!;
            foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var events = result.TryGetValue(id, out var list) ? list : result[id] = [];
                var index = 0;
                foreach (var e in EventReader.Read(file))
                {
                    events.Add(Flatten(e, $"regression {Path.GetFileName(folder)}/{Path.GetFileName(file)}#{index++}"));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// One column per Sigma name (<c>Image</c>, <c>EventID</c>, <c>Provider_Name</c>), holding the value the
    /// evaluator's own field lookup gives that name in the original event (EventData before System, else the first);
    /// JSON nulls and empty containers are left out, as a missing field.
    /// </summary>
    public static FlatEvent Flatten(SigmaEvent e, string origin)
    {
        var fields = new List<KeyValuePair<string, FlatValue>>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var all = e.Fields.ToList();
        foreach (var field in all)
        {
            if (!names.Add(field.Name))
            {
                continue;
            }

            var path = e[field.Name].Path;
            var chosen = all.FirstOrDefault(f => f.Path == path && f.Value is not null);
            if (chosen.Value is not { } text)
            {
                continue;
            }

            var value = chosen.Kind == EventValueKind.Number && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? FlatValue.Of(number)
                : FlatValue.Of(text);
            fields.Add(new(field.Name, value));
        }

        return new FlatEvent(fields, origin);
    }

    /// <summary>info.yml: <c>rule_metadata: - id: &lt;uuid&gt;</c>.</summary>
    private static string? RuleIdOf(string infoFile)
    {
        var inMeta = false;
        foreach (var line in File.ReadLines(infoFile))
        {
            if (line.StartsWith("rule_metadata", StringComparison.Ordinal))
            {
                inMeta = true;
            }
            else if (inMeta && line.TrimStart().StartsWith("- id:", StringComparison.Ordinal))
            {
                return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        return null;
    }
}
