using SigmaSharp.Rules;

namespace SigmaSharp.Printing;

/// <summary>The attributes every kind of rule shares, in the order of the Sigma specification's examples.</summary>
internal static class RuleInfoYaml
{
    public static List<KeyValuePair<string, EmittedNode>> Head(RuleInfo info)
    {
        var entries = new List<KeyValuePair<string, EmittedNode>>();
        Add(entries, "title", info.Title);
        Add(entries, "id", info.Id);
        Add(entries, "name", info.Name);
        if (!info.Related.IsEmpty)
        {
            entries.Add(new("related", new EmittedList(info.Related.Select(r => (EmittedNode)new EmittedMap(
            [
                new("id", Scalar(r.Id)),
                new("type", new EmittedScalar(r.Type.ToString().ToLowerInvariant())),
            ])).ToList())));
        }

        Add(entries, "taxonomy", info.Taxonomy);
        Add(entries, "status", info.Status?.ToString().ToLowerInvariant());
        Add(entries, "description", info.Description);
        Add(entries, "license", info.License);
        AddList(entries, "references", info.References);
        Add(entries, "author", info.Author);
        Add(entries, "date", info.Date?.Text);
        Add(entries, "modified", info.Modified?.Text);
        AddList(entries, "tags", info.Tags.Select(t => t.ToString()).ToList());
        return entries;
    }

    public static List<KeyValuePair<string, EmittedNode>> Tail(RuleInfo info)
    {
        var entries = new List<KeyValuePair<string, EmittedNode>>();
        AddList(entries, "fields", info.Fields);
        AddList(entries, "falsepositives", info.FalsePositives);
        Add(entries, "level", info.Level?.ToString().ToLowerInvariant());
        AddList(entries, "scope", info.Scope);
        foreach (var custom in info.Custom)
        {
            entries.Add(new(YamlScalarText.Key(custom.Name), Plain(custom.Value)));
        }

        return entries;
    }

    public static EmittedScalar Scalar(string text) => new(YamlScalarText.Text(text));

    private static void Add(List<KeyValuePair<string, EmittedNode>> entries, string key, string? value)
    {
        if (value is not null)
        {
            entries.Add(new(key, Scalar(value)));
        }
    }

    private static void AddList(List<KeyValuePair<string, EmittedNode>> entries, string key, IReadOnlyCollection<string> values)
    {
        if (values.Count > 0)
        {
            entries.Add(new(key, new EmittedList(values.Select(v => (EmittedNode)Scalar(v)).ToList())));
        }
    }

    /// <summary>A custom attribute's value as the parser keeps it: text, null, a list or an ordered map of these.</summary>
    private static EmittedNode Plain(object? value) => value switch
    {
        null => new EmittedScalar("null"),
        string text => Scalar(text),
        IEnumerable<KeyValuePair<string, object?>> map => new EmittedMap(map.Select(e => new KeyValuePair<string, EmittedNode>(YamlScalarText.Key(e.Key), Plain(e.Value))).ToList()),
        System.Collections.IEnumerable list => new EmittedList(list.Cast<object?>().Select(Plain).ToList()),
        _ => Scalar(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
    };
}
