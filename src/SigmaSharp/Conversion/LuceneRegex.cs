using System.Text;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion;

/// <summary>
/// Translates a Sigma regular expression (the PCRE subset of the specification, plus the usual shorthands) into a
/// Lucene regular expression with the same meaning. The two differ in ways that change results silently: a Lucene
/// regexp must match the whole value (Sigma's searches, so an unanchored side gets <c>.*</c> and the anchors go);
/// Lucene has no <c>\d</c>, <c>\s</c>, <c>\w</c> (<c>\d</c> is the letter d), no <c>(?:</c>, no flags, and
/// <c>. " # @ &amp; &lt; &gt; ~</c> are operators there. Constructs Lucene cannot express (lookarounds,
/// backreferences, word boundaries, anchors inside the pattern) are refused with a reason rather than guessed.
/// Lucene has no escape for control characters, so a line feed (PCRE's <c>.</c> excludes it; <c>\s</c>, <c>\n</c>)
/// is written as the character itself. Lucene has no empty alternative either (<c>(a|)</c> is a syntax error there):
/// it is written <c>()</c>, Lucene's empty string.
/// </summary>
internal sealed partial class LuceneRegex
{
    /// <summary>Lucene's regexp operators (with the optional ones Elasticsearch enables) and the query string's '/'.</summary>
    private const string Reserved = ".?+*|{}[]()\"\\#@&<>~/";

    private const string Whitespace = "\t\n\v\f\r ";

    private readonly string _pattern;
    private readonly bool _ignoreCase;
    private readonly bool _dotAll;
    private readonly bool _multiline;
    private int _at;

    private LuceneRegex(SigmaRegex regex)
    {
        _pattern = regex.Pattern;
        _ignoreCase = regex.Flags.HasFlag(RegexFlags.IgnoreCase);
        _dotAll = regex.Flags.HasFlag(RegexFlags.DotAll);
        _multiline = regex.Flags.HasFlag(RegexFlags.Multiline);
    }

    private string? Unsupported { get; set; }

    /// <summary>The Lucene regexp (to be written between slashes), or null with the reason it cannot be expressed.</summary>
    public static string? Translate(SigmaRegex regex, out string? unsupported)
    {
        var translator = new LuceneRegex(regex);
        var result = translator.Top();
        unsupported = translator.Unsupported;
        return unsupported is null ? result : null;
    }

    private string? Fail(string reason)
    {
        Unsupported ??= reason;
        return null;
    }

    private bool Peek(string text) => string.CompareOrdinal(_pattern, _at, text, 0, text.Length) == 0;

    /// <summary>
    /// Top-level alternatives, each anchored by its own <c>^</c>/<c>$</c> or opened with <c>.*</c>; an alternative that
    /// is one group as a whole (<c>(^a$)|(^b$)</c>) is opened into its alternatives first.
    /// </summary>
    private string? Top()
    {
        var pattern = _pattern;
        var flags = (_ignoreCase ? RegexFlags.IgnoreCase : 0) | (_dotAll ? RegexFlags.DotAll : 0) | (_multiline ? RegexFlags.Multiline : 0);
        if (pattern.StartsWith("(?i)", StringComparison.Ordinal))
        {
            pattern = pattern[4..];
            flags |= RegexFlags.IgnoreCase;
        }

        var branches = new List<(bool Start, string Body, bool End)>();
        foreach (var piece in Branches(pattern))
        {
            var translator = new LuceneRegex(new SigmaRegex(piece, flags));
            var start = translator.Anchor(start: true);
            var body = translator.Sequence(topLevel: true);
            var end = translator.TrailingAnchor(ref body);
            if (translator.Unsupported is null && translator._at < piece.Length)
            {
                translator.Fail("an unbalanced ')' in the regular expression");
            }

            if (translator.Unsupported is { } reason)
            {
                return Fail(reason);
            }

            branches.Add((start, body!, end));
        }

        if (branches.All(b => !b.Start && !b.End))
        {
            return ".*" + (branches.Count == 1 ? branches[0].Body : "(" + Union(branches.Select(b => b.Body)) + ")") + ".*";
        }

        var parts = branches.Select(b => (b.Start ? string.Empty : ".*") + b.Body + (b.End ? "(\n)?" : ".*")).ToList();
        return parts.Count == 1 ? parts[0] : string.Join("|", parts.Select(p => "(" + p + ")"));
    }

    private static IEnumerable<string> Branches(string pattern)
    {
        foreach (var piece in Alternatives(pattern))
        {
            if (WholeGroup(piece) is { } inner)
            {
                foreach (var branch in Branches(inner))
                {
                    yield return branch;
                }
            }
            else
            {
                yield return piece;
            }
        }
    }

    /// <summary>The pattern cut at its top-level '|' (escapes, classes and groups skipped).</summary>
    private static List<string> Alternatives(string pattern)
    {
        var result = new List<string>();
        var from = 0;
        Scan(pattern, (i, depth) =>
        {
            if (depth == 0 && pattern[i] == '|')
            {
                result.Add(pattern[from..i]);
                from = i + 1;
            }

            return true;
        });
        result.Add(pattern[from..]);
        return result;
    }

    /// <summary>The inside of a plain or non-capturing group that spans the whole piece, else null.</summary>
    private static string? WholeGroup(string piece)
    {
        var header = piece.StartsWith("(?:", StringComparison.Ordinal) ? 3 : piece.StartsWith('(') && !piece.StartsWith("(?", StringComparison.Ordinal) ? 1 : 0;
        if (header == 0 || !piece.EndsWith(')'))
        {
            return null;
        }

        var closedAt = -1;
        Scan(piece, (i, depth) =>
        {
            if (piece[i] == ')' && depth == 0)
            {
                closedAt = i;
                return false;
            }

            return true;
        });
        return closedAt == piece.Length - 1 ? piece[header..^1] : null;
    }

    /// <summary>Calls <paramref name="visit"/> for each character outside escapes and classes, with the group depth after it.</summary>
    private static void Scan(string pattern, Func<int, int, bool> visit)
    {
        var depth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    continue;
                case '[':
                    i++;
                    if (i < pattern.Length && pattern[i] == '^')
                    {
                        i++;
                    }

                    for (i++; i < pattern.Length && pattern[i] != ']'; i++)
                    {
                        if (pattern[i] == '\\')
                        {
                            i++;
                        }
                    }

                    continue;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
            }

            if (!visit(i, depth))
            {
                return;
            }
        }
    }

    private bool Anchor(bool start)
    {
        var token = start ? (Peek("^") ? "^" : Peek("\\A") ? "\\A" : null) : null;
        if (token is null)
        {
            return false;
        }

        if (_multiline)
        {
            Fail("anchors with the 'm' flag (line starts and ends inside the value)");
        }

        _at += token.Length;
        return true;
    }

    /// <summary>A <c>$</c> (or <c>\Z</c>, <c>\z</c>) that ended the branch; PCRE's <c>$</c> also matches before a final line feed.</summary>
    private bool TrailingAnchor(ref string? body)
    {
        if (body is null || !body.EndsWith("\u0000$", StringComparison.Ordinal))
        {
            return false;
        }

        if (_multiline)
        {
            Fail("anchors with the 'm' flag (line starts and ends inside the value)");
        }

        body = body[..^2];
        return true;
    }

    private string? Alternation()
    {
        var branches = new List<string?> { Sequence(topLevel: false) };
        while (_at < _pattern.Length && _pattern[_at] == '|')
        {
            _at++;
            branches.Add(Sequence(topLevel: false));
        }

        return branches.Any(b => b is null) ? null : Union(branches.Select(b => b!));
    }

    /// <summary>Alternatives joined with '|', an empty one as <c>()</c>: Lucene's parser rejects an empty branch.</summary>
    private static string Union(IEnumerable<string> branches) =>
        string.Join("|", branches.Select(b => b.Length == 0 ? "()" : b));

    /// <summary>Atoms with their quantifiers up to '|' or ')'; at the top level a final '$' is marked for <see cref="TrailingAnchor"/>.</summary>
    private string? Sequence(bool topLevel)
    {
        var text = new StringBuilder();
        while (_at < _pattern.Length && _pattern[_at] is not ('|' or ')'))
        {
            if (_pattern[_at] == '$' || Peek("\\Z") || Peek("\\z"))
            {
                _at += _pattern[_at] == '$' ? 1 : 2;
                if (!topLevel || (_at < _pattern.Length && _pattern[_at] is not '|'))
                {
                    return Fail("an end anchor inside the regular expression");
                }

                return text.Append("\u0000$").ToString();
            }

            if (_pattern[_at] == '^' || Peek("\\A"))
            {
                return Fail("a start anchor inside the regular expression");
            }

            var atom = Atom();
            if (atom is null)
            {
                return null;
            }

            text.Append(atom).Append(Quantifier());
            if (Unsupported is not null)
            {
                return null;
            }
        }

        return text.ToString();
    }

    private string Quantifier()
    {
        if (_at >= _pattern.Length)
        {
            return string.Empty;
        }

        string quantifier;
        var c = _pattern[_at];
        if (c is '*' or '+' or '?')
        {
            quantifier = c.ToString();
            _at++;
        }
        else if (c == '{' && System.Text.RegularExpressions.Regex.Match(_pattern[_at..], @"^\{\d+(,\d*)?\}", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)) is { Success: true } m)
        {
            quantifier = m.Value;
            _at += m.Length;
        }
        else
        {
            return string.Empty;
        }

        // A lazy quantifier matches the same texts (a search only asks whether one match exists); a possessive one does not.
        if (_at < _pattern.Length && _pattern[_at] == '?')
        {
            _at++;
        }
        else if (_at < _pattern.Length && _pattern[_at] == '+')
        {
            Fail("possessive quantifiers");
        }

        return quantifier;
    }

    private string? Atom()
    {
        var c = _pattern[_at++];
        switch (c)
        {
            case '(':
                return Group();
            case '[':
                return Class();
            case '.':
                return _dotAll ? "." : "[^\n]";
            case '\\':
                return Escape();
            case '*' or '+' or '?' or '{' when c != '{' || System.Text.RegularExpressions.Regex.IsMatch(_pattern[(_at - 1)..], @"^\{\d+(,\d*)?\}", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)):
                return Fail("a quantifier without anything to repeat");
            default:
                return Literal(c);
        }
    }

    private string? Group()
    {
        if (_at < _pattern.Length && _pattern[_at] == '?')
        {
            var header = System.Text.RegularExpressions.Regex.Match(_pattern[_at..], @"^\?(:|P?<[A-Za-z_][A-Za-z0-9_]*>|'[A-Za-z_][A-Za-z0-9_]*')", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            if (!header.Success)
            {
                return Fail(Peek("?=") || Peek("?!") || Peek("?<=") || Peek("?<!") ? "lookaround assertions" : "inline flags or special groups inside the regular expression");
            }

            _at += header.Length;
        }

        var inner = Alternation();
        if (inner is null)
        {
            return null;
        }

        if (_at >= _pattern.Length || _pattern[_at] != ')')
        {
            return Fail("an unclosed group");
        }

        _at++;
        return "(" + inner + ")";
    }

    private string? Escape()
    {
        if (_at >= _pattern.Length)
        {
            return Fail("a trailing backslash");
        }

        var c = _pattern[_at++];
        if (Shorthand(c) is { } set)
        {
            return set.Emit();
        }

        return c switch
        {
            'b' or 'B' or 'G' => Fail("word boundaries and \\G"),
            >= '1' and <= '9' or 'k' => Fail("backreferences"),
            'p' or 'P' or 'X' or 'R' or 'h' or 'H' or 'V' or 'K' or 'Q' or 'E' or 'c' or 'N' => Fail($"\\{c} in a regular expression"),
            _ => EscapedCharacter(c) is { } literal ? Literal(literal) : null,
        };
    }

    /// <summary>The character a backslash escape stands for (<c>\n</c>, <c>\x41</c>, <c>\.</c>).</summary>
    private char? EscapedCharacter(char c)
    {
        switch (c)
        {
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'f':
                return '\f';
            case 'v':
                return '\v';
            case 'a':
                return '\a';
            case 'e':
                return '\u001b';
            case '0':
                return '\0';
            case 'x' or 'u':
                var digits = c == 'u' ? 4 : 2;
                if (_at + digits <= _pattern.Length && int.TryParse(_pattern.AsSpan(_at, digits), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
                {
                    _at += digits;
                    return (char)code;
                }

                Fail($"\\{c} without {digits} hex digits");
                return null;
            default:
                if (char.IsAsciiLetterOrDigit(c))
                {
                    Fail($"\\{c} in a regular expression");
                    return null;
                }

                return c;
        }
    }

    private string Literal(char c)
    {
        if (_ignoreCase && char.ToUpperInvariant(c) != char.ToLowerInvariant(c))
        {
            return new CharSet([(c, c)], false).WithBothCases().Emit();
        }

        return Reserved.Contains(c, StringComparison.Ordinal) ? "\\" + c : c.ToString();
    }
}
