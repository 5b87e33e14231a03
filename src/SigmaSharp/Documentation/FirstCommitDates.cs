using System.Globalization;

namespace SigmaSharp.Documentation;

/// <summary>
/// When each rule file was first committed, from git. One batched <c>git log --diff-filter=A --name-only</c>
/// per work tree answers for every file at once (one process instead of thousands); it sees a file from the
/// commit that added it at its current path, so a file moved by a rename dates from the move. The per-file
/// <see cref="FollowOne"/> follows renames (<c>--follow</c>) at the cost of one git process per file.
/// </summary>
public static class FirstCommitDates
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// First-commit dates for the given files, keyed by full path. Files outside any git work tree are absent
    /// from the result, as are files git does not know (uncommitted) or when git is missing or times out.
    /// </summary>
    public static IReadOnlyDictionary<string, DateTimeOffset> Batch(IEnumerable<string> files, TimeSpan? timeout = null)
    {
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var byDirectory = files.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)
            .GroupBy(f => Path.GetDirectoryName(f) ?? ".", StringComparer.Ordinal);
        var roots = new Dictionary<string, string?>(StringComparer.Ordinal);
        var wanted = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var group in byDirectory)
        {
            if (!Directory.Exists(group.Key))
            {
                continue;
            }
            var root = WorkTreeRoot(group.Key, timeout);
            if (root is not null)
            {
                if (!wanted.TryGetValue(root, out var list))
                {
                    wanted[root] = list = [];
                }
                list.AddRange(group);
            }
        }

        foreach (var (root, list) in wanted)
        {
            // One query over the common folder of the files keeps the output small for a sub-folder of a big repository.
            var folder = CommonFolder(list, root);
            var output = GitProcess.Run(root, ["log", "--diff-filter=A", "--name-only", "-z", "--format=%x1e%aD", "--", folder], timeout ?? DefaultTimeout);
            if (output is null)
            {
                continue;
            }
            var added = ParseBatch(output);
            foreach (var file in list)
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (added.TryGetValue(relative, out var date))
                {
                    result[file] = date;
                }
            }
        }
        return result;
    }

    /// <summary>The first commit of one file following renames; null outside a work tree or when git does not know it.</summary>
    public static DateTimeOffset? FollowOne(string file, TimeSpan? timeout = null)
    {
        var full = Path.GetFullPath(file);
        var directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory) || WorkTreeRoot(directory, timeout) is null)
        {
            return null;
        }
        var output = GitProcess.Run(directory, ["log", "--diff-filter=A", "--follow", "--format=%aD", "--", Path.GetFileName(full)], timeout ?? DefaultTimeout);
        var last = output?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return last is not null && TryParseRfc2822(last, out var date) ? date : null;
    }

    /// <summary>Parses the batch output: a record separator and date, then the NUL-separated paths that commit added.</summary>
    internal static Dictionary<string, DateTimeOffset> ParseBatch(string output)
    {
        var added = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        DateTimeOffset? current = null;
        foreach (var raw in output.Split('\0'))
        {
            var token = raw.TrimStart('\n');
            if (token.Length == 0)
            {
                continue;
            }
            if (token[0] == '\x1e')
            {
                current = TryParseRfc2822(token[1..].Trim(), out var date) ? date : null;
            }
            else if (current is { } date)
            {
                // git lists newest first: the last sighting is the oldest addition.
                added[token] = date;
            }
        }
        return added;
    }

    internal static string? WorkTreeRoot(string directory, TimeSpan? timeout) =>
        GitProcess.Run(directory, ["rev-parse", "--show-toplevel"], timeout ?? DefaultTimeout)?.Trim() is { Length: > 0 } root
            ? Path.GetFullPath(root)
            : null;

    private static string CommonFolder(List<string> files, string root)
    {
        var common = Path.GetDirectoryName(files[0]) ?? root;
        foreach (var file in files)
        {
            while (!IsUnder(file, common) && Path.GetDirectoryName(common) is { } parent)
            {
                common = parent;
            }
        }
        var relative = Path.GetRelativePath(root, common).Replace('\\', '/');
        return relative.StartsWith("..", StringComparison.Ordinal) ? "." : relative;
    }

    private static bool IsUnder(string file, string folder) =>
        file.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Reads git's RFC 2822 form "Mon, 16 Jul 2018 02:53:41 +0300", keeping the author's offset.</summary>
    internal static bool TryParseRfc2822(string text, out DateTimeOffset date)
    {
        date = default;
        var space = text.LastIndexOf(' ');
        if (space < 0 || text.Length - space != 6)
        {
            return false;
        }
        var zone = text[(space + 1)..];
        if (zone[0] is not ('+' or '-')
            || !int.TryParse(zone.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(zone.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || !DateTime.TryParseExact(text[..space], "ddd, d MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }
        var offset = new TimeSpan(hours, minutes, 0);
        date = new DateTimeOffset(local, zone[0] == '-' ? -offset : offset);
        return true;
    }

    /// <summary>Writes a date the way git's %aD does: day without a leading zero, numeric offset.</summary>
    public static string FormatRfc2822(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var absolute = offset.Duration();
        return date.ToString("ddd, d MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + $"{sign}{absolute.Hours:00}{absolute.Minutes:00}";
    }
}
