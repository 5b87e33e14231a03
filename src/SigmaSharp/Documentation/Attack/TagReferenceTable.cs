using System.Collections.Frozen;

namespace SigmaSharp.Documentation.Attack;

/// <summary>
/// An ID → name table shipped in data/ for a tag namespace other than attack (car.tsv, d3fend.tsv):
/// '#' comment lines, a column-header line, then rows whose last two cells are the ID and the name.
/// </summary>
internal sealed class TagReferenceTable
{
    private static readonly Lazy<TagReferenceTable> CarTable = new(() => LoadResource("SigmaSharp.data.car.tsv"));
    private static readonly Lazy<TagReferenceTable> D3fendTable = new(() => LoadResource("SigmaSharp.data.d3fend.tsv"));

    private readonly FrozenDictionary<string, string> _names;

    private TagReferenceTable(FrozenDictionary<string, string> names) => _names = names;

    /// <summary>CAR analytics, keyed by their full ID (CAR-2016-04-005).</summary>
    public static TagReferenceTable Car => CarTable.Value;

    /// <summary>D3FEND techniques (D3-AM) and tactics (harden).</summary>
    public static TagReferenceTable D3fend => D3fendTable.Value;

    public int Count => _names.Count;

    public string? NameOf(string id) => _names.GetValueOrDefault(id);

    public static TagReferenceTable Load(TextReader reader)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var headerSeen = false;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            if (!headerSeen)
            {
                headerSeen = true;
                continue;
            }
            var cells = line.Split('\t');
            if (cells.Length < 2)
            {
                throw new InvalidDataException($"reference table row without ID and name: {line}");
            }
            names[cells[^2]] = cells[^1];
        }
        return new TagReferenceTable(names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    private static TagReferenceTable LoadResource(string resourceName)
    {
        using var stream = typeof(TagReferenceTable).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"embedded resource {resourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }
}
