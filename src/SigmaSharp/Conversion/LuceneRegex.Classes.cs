using System.Text;

namespace SigmaSharp.Conversion;

/// <summary>Character classes of <see cref="LuceneRegex"/>: the PCRE shorthands and <c>[...]</c>, written in Lucene's class syntax (case-folded for the <c>i</c> flag).</summary>
internal sealed partial class LuceneRegex
{
    private static CharSet? Shorthand(char c) => c switch
    {
        'd' => new([('0', '9')], false),
        'D' => new([('0', '9')], true),
        'w' => new([('a', 'z'), ('A', 'Z'), ('0', '9'), ('_', '_')], false),
        'W' => new([('a', 'z'), ('A', 'Z'), ('0', '9'), ('_', '_')], true),
        's' => new([.. Whitespace.Select(w => (w, w))], false),
        'S' => new([.. Whitespace.Select(w => (w, w))], true),
        _ => null,
    };

    private string? Class()
    {
        var negated = _at < _pattern.Length && _pattern[_at] == '^';
        if (negated)
        {
            _at++;
        }

        var ranges = new List<(char From, char To)>();
        var first = true;
        while (_at < _pattern.Length && (_pattern[_at] != ']' || first))
        {
            first = false;
            if (Peek("[:") || Peek("[=") || Peek("[."))
            {
                return Fail("POSIX classes in a regular expression");
            }

            var c = _pattern[_at++];
            if (c == '\\')
            {
                if (_at >= _pattern.Length)
                {
                    return Fail("a trailing backslash");
                }

                if (Shorthand(_pattern[_at]) is { } set)
                {
                    _at++;
                    if (set.Negated)
                    {
                        return Fail("a negated shorthand (\\D, \\W, \\S) inside a character class");
                    }

                    ranges.AddRange(set.Ranges);
                    continue;
                }

                var escaped = _pattern[_at++];
                if (escaped is 'b')
                {
                    c = '\b';
                }
                else if (EscapedCharacter(escaped) is { } literal)
                {
                    c = literal;
                }
                else
                {
                    return null;
                }
            }

            if (_at + 1 < _pattern.Length && _pattern[_at] == '-' && _pattern[_at + 1] != ']')
            {
                _at++;
                var to = _pattern[_at++];
                if (to == '\\')
                {
                    if (_at >= _pattern.Length || Shorthand(_pattern[_at]) is not null)
                    {
                        return Fail("a range ending in a shorthand class");
                    }

                    var escapedTo = EscapedCharacter(_pattern[_at++]);
                    if (escapedTo is null)
                    {
                        return null;
                    }

                    to = escapedTo.Value;
                }

                if (to < c)
                {
                    return Fail("a character range out of order");
                }

                ranges.Add((c, to));
            }
            else
            {
                ranges.Add((c, c));
            }
        }

        if (_at >= _pattern.Length)
        {
            return Fail("an unclosed character class");
        }

        _at++;
        var result = new CharSet(ranges, negated);
        return (_ignoreCase ? result.WithBothCases() : result).Emit();
    }

    /// <summary>A character class: ranges, possibly negated, written in Lucene's class syntax.</summary>
    private sealed record CharSet(List<(char From, char To)> Ranges, bool Negated)
    {
        /// <summary>The class with the other case of every letter it holds (ASCII ranges as ranges, others one by one).</summary>
        public CharSet WithBothCases()
        {
            var ranges = new List<(char From, char To)>(Ranges);
            foreach (var (from, to) in Ranges)
            {
                AddCase(ranges, from, to, 'a', 'z', 'A' - 'a');
                AddCase(ranges, from, to, 'A', 'Z', 'a' - 'A');
                for (var c = (int)Math.Max(from, (char)128); c <= to && c - from < 256; c++)
                {
                    foreach (var other in new[] { char.ToUpperInvariant((char)c), char.ToLowerInvariant((char)c) }.Where(o => o != c))
                    {
                        ranges.Add((other, other));
                    }
                }
            }

            return this with { Ranges = ranges };
        }

        private static void AddCase(List<(char, char)> ranges, char from, char to, char low, char high, int shift)
        {
            var start = (char)Math.Max(from, low);
            var end = (char)Math.Min(to, high);
            if (start <= end)
            {
                ranges.Add(((char)(start + shift), (char)(end + shift)));
            }
        }

        public string Emit()
        {
            var text = new StringBuilder(Negated ? "[^" : "[");
            foreach (var (from, to) in Ranges.Distinct())
            {
                text.Append(Member(from));
                if (to != from)
                {
                    text.Append('-').Append(Member(to));
                }
            }

            return text.Append(']').ToString();
        }

        private static string Member(char c) => c is ']' or '[' or '\\' or '-' or '^' or '/' or '"' ? "\\" + c : c.ToString();
    }
}
