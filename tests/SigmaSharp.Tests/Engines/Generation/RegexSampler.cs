using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Tests.Engines.Generation;

/// <summary>
/// Writes texts a regular expression matches, for generated events: alternatives chosen by a variant number, each
/// repetition taken once (or its minimum), classes by a member. Only samples the pattern really matches (checked with
/// .NET's engine, the evaluator's) are returned; patterns it cannot read (backreferences) give none.
/// </summary>
internal sealed class RegexSampler
{
    private const string NegatedCandidates = "a0 xZ_-.:/\\";

    private readonly string _pattern;
    private readonly int _variant;
    private int _at;
    private int _choices;

    private RegexSampler(string pattern, int variant)
    {
        _pattern = pattern;
        _variant = variant;
    }

    public static List<string> Samples(SigmaRegex regex, int count)
    {
        var options = RegexOptions.CultureInvariant
            | (regex.Flags.HasFlag(RegexFlags.IgnoreCase) ? RegexOptions.IgnoreCase : 0)
            | (regex.Flags.HasFlag(RegexFlags.Multiline) ? RegexOptions.Multiline : 0)
            | (regex.Flags.HasFlag(RegexFlags.DotAll) ? RegexOptions.Singleline : 0);
        Regex check;
        try
        {
            check = new Regex(regex.Pattern, options, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return [];
        }

        var samples = new List<string>();
        for (var variant = 0; variant < count * 3 && samples.Count < count; variant++)
        {
            var sampler = new RegexSampler(regex.Pattern, variant);
            if (sampler.Alternation() is { } text && sampler._at == regex.Pattern.Length && check.IsMatch(text) && !samples.Contains(text))
            {
                samples.Add(text);
            }
        }

        return samples;
    }

    private string? Alternation()
    {
        var branches = new List<string?> { Sequence() };
        while (_at < _pattern.Length && _pattern[_at] == '|')
        {
            _at++;
            branches.Add(Sequence());
        }

        // Each alternation takes the next digit of the variant number, so variants walk through the branches.
        var pick = _variant / (int)Math.Pow(2, Math.Min(_choices++, 20)) % branches.Count;
        return branches[pick];
    }

    private string? Sequence()
    {
        var text = new StringBuilder();
        while (_at < _pattern.Length && _pattern[_at] is not ('|' or ')'))
        {
            var atom = Atom();
            var (min, max) = Quantifier();
            if (atom is null)
            {
                return null;
            }

            var times = Math.Min(Math.Max(min, 1), max);
            for (var i = 0; i < times; i++)
            {
                text.Append(atom);
            }
        }

        return text.ToString();
    }

    private (int Min, int Max) Quantifier()
    {
        if (_at >= _pattern.Length)
        {
            return (1, 1);
        }

        (int, int) result;
        switch (_pattern[_at])
        {
            case '*':
                result = (0, int.MaxValue);
                _at++;
                break;
            case '+':
                result = (1, int.MaxValue);
                _at++;
                break;
            case '?':
                result = (0, 1);
                _at++;
                break;
            case '{' when Regex.Match(_pattern[_at..], @"^\{(\d+)(,(\d*))?\}") is { Success: true } m:
                var min = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                var max = !m.Groups[2].Success ? min : m.Groups[3].Value.Length == 0 ? int.MaxValue : int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
                result = (min, max);
                _at += m.Length;
                break;
            default:
                return (1, 1);
        }

        if (_at < _pattern.Length && _pattern[_at] is '?' or '+')
        {
            _at++;
        }

        return result;
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
                return "a";
            case '^' or '$':
                return string.Empty;
            case '\\':
                return Escape(inClass: false) is { } escaped ? escaped.Representative : null;
            default:
                return c.ToString();
        }
    }

    private string? Group()
    {
        var lookaround = false;
        if (_at < _pattern.Length && _pattern[_at] == '?')
        {
            var header = Regex.Match(_pattern[_at..], @"^\?(:|=|!|<=|<!|P?<[A-Za-z_][A-Za-z0-9_]*>|'[A-Za-z_][A-Za-z0-9_]*'|[imsx-]+:|[imsx-]+\))");
            if (!header.Success)
            {
                return null;
            }

            _at += header.Length;
            if (header.Value.EndsWith(')'))
            {
                return string.Empty;
            }

            lookaround = header.Value is "?=" or "?!" or "?<=" or "?<!";
        }

        var inner = Alternation();
        if (_at >= _pattern.Length || _pattern[_at] != ')')
        {
            return null;
        }

        _at++;
        return lookaround ? string.Empty : inner;
    }

    private string? Class()
    {
        var negated = _at < _pattern.Length && _pattern[_at] == '^';
        if (negated)
        {
            _at++;
        }

        var members = new List<(char From, char To, Func<char, bool>? Test)>();
        var first = true;
        while (_at < _pattern.Length && (_pattern[_at] != ']' || first))
        {
            first = false;
            var c = _pattern[_at++];
            if (c == '\\')
            {
                if (Escape(inClass: true) is not { } escaped)
                {
                    return null;
                }

                if (escaped.Test is not null)
                {
                    members.Add(('\0', '\0', escaped.Test));
                    continue;
                }

                c = escaped.Representative[0];
            }

            if (_at + 1 < _pattern.Length && _pattern[_at] == '-' && _pattern[_at + 1] != ']')
            {
                _at++;
                var to = _pattern[_at++];
                if (to == '\\')
                {
                    to = Escape(inClass: true)?.Representative[0] ?? to;
                }

                members.Add((c, to, null));
            }
            else
            {
                members.Add((c, c, null));
            }
        }

        if (_at >= _pattern.Length)
        {
            return null;
        }

        _at++;
        bool Contains(char x) => members.Any(m => m.Test?.Invoke(x) ?? (x >= m.From && x <= m.To));
        if (negated)
        {
            return NegatedCandidates.Where(x => !Contains(x)).Select(x => x.ToString()).FirstOrDefault();
        }

        if (members.Count == 0)
        {
            return null;
        }

        var member = members[_variant % members.Count];
        return member.Test is null ? member.From.ToString() : NegatedCandidates.Where(member.Test).Select(x => x.ToString()).FirstOrDefault();
    }

    private sealed record Escaped(string Representative, Func<char, bool>? Test = null);

    private Escaped? Escape(bool inClass)
    {
        if (_at >= _pattern.Length)
        {
            return null;
        }

        var c = _pattern[_at++];
        switch (c)
        {
            case 'd':
                return new("1", char.IsAsciiDigit);
            case 'D':
                return new("a", x => !char.IsAsciiDigit(x));
            case 'w':
                return new("a", x => char.IsLetterOrDigit(x) || x == '_');
            case 'W':
                return new(" ", x => !(char.IsLetterOrDigit(x) || x == '_'));
            case 's':
                return new(" ", char.IsWhiteSpace);
            case 'S':
                return new("a", x => !char.IsWhiteSpace(x));
            case 'b' when !inClass:
            case 'B' or 'A' or 'z' or 'Z' or 'G':
                return new(string.Empty);
            case 'b':
                return new("\b");
            case 'n':
                return new("\n");
            case 'r':
                return new("\r");
            case 't':
                return new("\t");
            case 'f':
                return new("\f");
            case 'v':
                return new("\v");
            case 'x' when Regex.Match(_pattern[_at..], "^[0-9A-Fa-f]{2}") is { Success: true } hex:
                _at += 2;
                return new(((char)int.Parse(hex.Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
            case 'u' when Regex.Match(_pattern[_at..], "^[0-9A-Fa-f]{4}") is { Success: true } code:
                _at += 4;
                return new(((char)int.Parse(code.Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
            case >= '1' and <= '9' or 'k' or 'p' or 'P' or 'Q' or 'E':
                return null;
            default:
                return new(c.ToString());
        }
    }
}
