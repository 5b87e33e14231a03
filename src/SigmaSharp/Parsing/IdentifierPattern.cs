namespace SigmaSharp.Parsing;

/// <summary>Search-identifier patterns of "1 of x*": <c>*</c> matches any run of characters.</summary>
internal static class IdentifierPattern
{
    public static bool Matches(string pattern, string name) => Match(pattern.AsSpan(), name.AsSpan());

    // Greedy matching that backtracks only to the last star: O(pattern × name). Recursing at every star was
    // exponential in the number of stars ("1 of ***************all" took seconds; found by fuzzing).
    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        int p = 0, n = 0, lastStar = -1, resumeAt = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                lastStar = p++;
                resumeAt = n;
            }
            else if (p < pattern.Length && pattern[p] == name[n])
            {
                p++;
                n++;
            }
            else if (lastStar >= 0)
            {
                p = lastStar + 1;
                n = ++resumeAt;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
