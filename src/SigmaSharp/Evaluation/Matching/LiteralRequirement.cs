namespace SigmaSharp.Evaluation.Matching;

/// <summary>
/// Combines "one of these literals must occur" sets for the prefilter: OR takes the union (any
/// unknown makes the whole unknown); AND may keep the most selective side.
/// </summary>
internal static class LiteralRequirement
{
    /// <summary>Literals shorter than this occur in nearly every event; they filter nothing.</summary>
    public const int MinLength = 3;

    /// <summary>Longer literals are cut: any piece of a required literal is required too, and short
    /// pieces keep the automaton small.</summary>
    public const int MaxLength = 12;

    public static IReadOnlyList<string>? Union(IEnumerable<IReadOnlyList<string>?> parts)
    {
        var all = new List<string>();
        foreach (var part in parts)
        {
            if (part is null)
            {
                return null;
            }
            all.AddRange(part);
        }
        return all;
    }

    /// <summary>The more selective of two requirements: known beats unknown, then longer shortest literal, then fewer.</summary>
    public static IReadOnlyList<string>? Best(IReadOnlyList<string>? left, IReadOnlyList<string>? right)
    {
        if (left is null)
        {
            return right;
        }
        if (right is null)
        {
            return left;
        }
        var l = Score(left);
        var r = Score(right);
        return r > l ? right : left;
    }

    public static double Score(IReadOnlyList<string> literals) =>
        literals.Count == 0 ? double.MaxValue : literals.Min(s => s.Length) - Math.Log2(literals.Count);

    /// <summary>The literal of a string pattern that best stands for it, or null when none is long enough.</summary>
    public static string? Pick(IEnumerable<string> literalParts)
    {
        string? best = null;
        foreach (var part in literalParts)
        {
            if ((part.Length >= MinLength || IsRareShort(part) || IsRarePunctuation(part)) && (best is null || part.Length > best.Length))
            {
                best = part;
            }
        }
        return best is null ? null : Cut(best);
    }

    /// <summary>
    /// The piece of at most <see cref="MaxLength"/> characters of a literal that best stands for it:
    /// the one least covered by fragments nearly every Windows event holds, leftmost on ties (literals
    /// sharing a prefix share automaton states). A path's first characters (<c>C:\Windows\S</c>)
    /// occur everywhere; its file name rarely.
    /// </summary>
    public static string Cut(string literal)
    {
        if (literal.Length <= MaxLength)
        {
            return literal;
        }
        var common = new bool[literal.Length];
        foreach (var fragment in CommonFragments)
        {
            for (var at = literal.IndexOf(fragment, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = literal.IndexOf(fragment, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(common, true, at, fragment.Length);
            }
        }
        var bestStart = 0;
        var bestCovered = int.MaxValue;
        for (var start = 0; start + MaxLength <= literal.Length; start++)
        {
            var covered = common.AsSpan(start, MaxLength).Count(true);
            if (covered < bestCovered)
            {
                bestCovered = covered;
                bestStart = start;
            }
        }
        return literal.Substring(bestStart, MaxLength);
    }

    private static readonly string[] CommonFragments =
    [
        "C:\\", "\\Windows\\", "\\System32\\", "\\SysWOW64\\", "\\Program Files", " (x86)\\", "\\Users\\", "\\AppData\\",
        "\\Local\\", "\\Roaming\\", "\\Temp\\", "\\Microsoft\\", "\\CurrentVersion\\", "\\Software\\", "HKLM\\", "HKU\\",
        "\\REGISTRY\\MACHINE\\", "\\ProgramData\\", ".exe", ".dll", "Microsoft ", "Windows ",
    ];

    /// <summary>
    /// Two characters of shell syntax (<c>^^</c>, <c>,;</c>, <c>|&amp;</c>) are rare in ordinary values; obfuscation
    /// rules consist of little else. Backslashes, dots, quotes, percent signs and spaces are common and excluded.
    /// </summary>
    private static bool IsRarePunctuation(string part) =>
        part.Length == 2 && part.All(c => RarePunctuation.Contains(c, StringComparison.Ordinal));

    private const string RarePunctuation = "^`$&|;,(){}[]<>!~#@+=";

    /// <summary>
    /// A short literal holding a non-ASCII character (emoji, Cyrillic look-alikes) is rare in real
    /// values, so it still filters. Supplementary characters must be caseless: the prefilter folds
    /// UTF-16 units one by one, which would miss a case variant of a surrogate pair.
    /// </summary>
    private static bool IsRareShort(string part) =>
        part.Length > 0 && !System.Text.Ascii.IsValid(part)
        && (!part.Any(char.IsSurrogate) || (string.Equals(part.ToUpperInvariant(), part, StringComparison.Ordinal) && string.Equals(part.ToLowerInvariant(), part, StringComparison.Ordinal)));
}
