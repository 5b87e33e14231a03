using System.Text;

namespace SigmaSharp.Documentation;

/// <summary>
/// Page names that stay stable across runs so links keep working: the rule id (a UUID) when the file has one,
/// else the file name; a clash (two files with one id) gets "-2", "-3" in file order.
/// Only [A-Za-z0-9._-] survive, so a name is a safe path on every file system and in a URL.
/// </summary>
internal static class PageNames
{
    public static string[] Assign(IReadOnlyList<(string File, string? Id)> files)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new string[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var stem = Sanitize(files[i].Id) ?? Sanitize(Path.GetFileNameWithoutExtension(files[i].File)) ?? "rule";
            var name = stem;
            for (var n = 2; !used.Add(name); n++)
            {
                name = $"{stem}-{n}";
            }
            names[i] = name;
        }
        return names;
    }

    internal static string? Sanitize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }
        var name = builder.ToString().Trim('.');
        return name.Length == 0 ? null : name.Length > 100 ? name[..100] : name;
    }
}
