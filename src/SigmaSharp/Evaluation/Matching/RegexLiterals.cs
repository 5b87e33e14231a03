namespace SigmaSharp.Evaluation.Matching;

/// <summary>
/// Reads a .NET regex pattern for literals that every match must contain, so regex rules can sit
/// behind the literal prefilter. Conservative: a run of plain characters counts only where the
/// pattern forces it (not under <c>?</c>, <c>*</c>, <c>{0,n}</c>, lookarounds or one branch of
/// an alternation); alternations give the union of their branches. Runs break at characters whose
/// regex case-insensitivity reaches beyond the prefilter's folding (<c>k</c> matches U+212A KELVIN
/// SIGN; any non-ASCII). Anything not understood (e.g. the <c>x</c> option) gives null: unknown.
/// </summary>
internal static class RegexLiterals
{
    public static IReadOnlyList<string>? Required(string pattern)
    {
        var reader = new Reader(pattern);
        try
        {
            var result = reader.Alternation(depth: 0);
            return reader.AtEnd ? result : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private sealed class Reader(string pattern)
    {
        private const int MaxDepth = 32;
        private int _at;

        public bool AtEnd => _at >= pattern.Length;

        private char Peek(int ahead = 0) => _at + ahead < pattern.Length ? pattern[_at + ahead] : '\0';

        public IReadOnlyList<string>? Alternation(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new NotSupportedException();
            }
            var branches = new List<IReadOnlyList<string>?> { Sequence(depth) };
            while (!AtEnd && Peek() == '|')
            {
                _at++;
                branches.Add(Sequence(depth));
            }
            return branches.Count == 1 ? branches[0] : LiteralRequirement.Union(branches);
        }

        private IReadOnlyList<string>? Sequence(int depth)
        {
            IReadOnlyList<string>? best = null;
            var run = new System.Text.StringBuilder();
            // Shorter runs than the prefilter's usual minimum still count here, when the pattern offers
            // nothing longer: two characters, or a lone backtick (PowerShell's escape character, which
            // ordinary command lines lack). Without them a rule like "\w+`(?:\w+|-|.)`" is evaluated on
            // every event of its log source; with them, only where a command line holds a backtick.
            void Flush()
            {
                if (run.Length >= 2 || (run.Length == 1 && run[0] == '`'))
                {
                    var text = run.ToString();
                    best = LiteralRequirement.Best(best, [LiteralRequirement.Cut(text)]);
                }
                run.Clear();
            }
            while (!AtEnd)
            {
                var c = Peek();
                if (c is '|' or ')')
                {
                    break;
                }
                switch (c)
                {
                    case '(':
                        Flush();
                        var inner = Group(depth);
                        if (Quantifier() is not 0)
                        {
                            best = LiteralRequirement.Best(best, inner);
                        }
                        continue;
                    case '[':
                        Flush();
                        SkipClass();
                        Quantifier();
                        continue;
                    case '.' or '^' or '$':
                        Flush();
                        _at++;
                        Quantifier();
                        continue;
                    case '*' or '+' or '?':
                        // A quantifier with nothing before it; .NET rejects these, so the matcher does not exist.
                        throw new NotSupportedException();
                    case '\\':
                        _at++;
                        var escaped = Peek();
                        _at++;
                        if (char.IsAsciiLetterOrDigit(escaped) || escaped == '\0')
                        {
                            Flush();
                            SkipEscapeArgument(escaped);
                            Quantifier();
                            continue;
                        }
                        Literal(escaped, run, Flush);
                        continue;
                    default:
                        _at++;
                        Literal(c, run, Flush);
                        continue;
                }
            }
            Flush();
            return best;
        }

        private void Literal(char c, System.Text.StringBuilder run, Action flush)
        {
            var min = Quantifier();
            var foldsSafely = char.IsAscii(c) && c is not ('k' or 'K');
            if (min == 0 || !foldsSafely)
            {
                flush();
                return;
            }
            run.Append(c);
            if (min > 0)
            {
                // c+ or c{2,}: c is required, but what follows need not come right after this c.
                flush();
            }
        }

        /// <summary>Reads a quantifier if one follows: its minimum count, or -1 when there is none.</summary>
        private int Quantifier()
        {
            int min;
            switch (Peek())
            {
                case '*' or '?':
                    min = 0;
                    _at++;
                    break;
                case '+':
                    min = 1;
                    _at++;
                    break;
                case '{' when Braces() is { } braces:
                    min = braces;
                    break;
                default:
                    return -1;
            }
            if (Peek() == '?')
            {
                _at++; // lazy
            }
            return min;
        }

        // {n}, {n,} or {n,m}; anything else is a literal brace in .NET.
        private int? Braces()
        {
            var i = _at + 1;
            var start = i;
            while (i < pattern.Length && char.IsAsciiDigit(pattern[i]))
            {
                i++;
            }
            if (i == start || i - start > 9)
            {
                return null;
            }
            var min = int.Parse(pattern.AsSpan(start, i - start), System.Globalization.CultureInfo.InvariantCulture);
            if (i < pattern.Length && pattern[i] == ',')
            {
                i++;
                while (i < pattern.Length && char.IsAsciiDigit(pattern[i]))
                {
                    i++;
                }
            }
            if (i >= pattern.Length || pattern[i] != '}')
            {
                return null;
            }
            _at = i + 1;
            return min;
        }

        private IReadOnlyList<string>? Group(int depth)
        {
            _at++; // (
            var contributes = true;
            if (Peek() == '?')
            {
                _at++;
                var kind = Peek();
                if (kind == ':' || kind == '>')
                {
                    _at++;
                }
                else if (kind == '=' || kind == '!' || (kind == '<' && Peek(1) is '=' or '!'))
                {
                    _at += kind == '<' ? 2 : 1;
                    contributes = false; // lookaround: its text need not be part of the value's match
                }
                else if (kind == '#')
                {
                    while (!AtEnd && Peek() != ')')
                    {
                        _at++;
                    }
                    contributes = false;
                }
                else if (kind is '<' or '\'' || (kind == 'P' && Peek(1) == '<'))
                {
                    var close = kind == '\'' ? '\'' : '>';
                    while (!AtEnd && Peek() != close)
                    {
                        _at++;
                    }
                    _at++;
                }
                else
                {
                    // Inline options (?imnsx-imnsx) or (?imnsx-imnsx:...); x changes how the pattern reads.
                    var start = _at;
                    while (!AtEnd && Peek() is not (')' or ':'))
                    {
                        if (Peek() is not ('i' or 'm' or 'n' or 's' or '-'))
                        {
                            throw new NotSupportedException();
                        }
                        _at++;
                    }
                    if (AtEnd || _at == start)
                    {
                        throw new NotSupportedException();
                    }
                    if (Peek() == ')')
                    {
                        _at++;
                        return null;
                    }
                    _at++; // :
                }
            }
            var inner = Alternation(depth + 1);
            if (Peek() != ')')
            {
                throw new NotSupportedException();
            }
            _at++;
            return contributes ? inner : null;
        }

        private void SkipClass()
        {
            _at++; // [
            if (Peek() == '^')
            {
                _at++;
            }
            if (Peek() == ']')
            {
                _at++;
            }
            var nesting = 0;
            while (!AtEnd)
            {
                var c = Peek();
                if (c == '\\')
                {
                    _at += 2;
                    continue;
                }
                if (c == '[' && _at > 0 && pattern[_at - 1] == '-')
                {
                    nesting++; // character class subtraction: [a-z-[aeiou]]
                }
                else if (c == ']')
                {
                    if (nesting == 0)
                    {
                        _at++;
                        return;
                    }
                    nesting--;
                }
                _at++;
            }
            throw new NotSupportedException();
        }

        // The characters an escape consumes after its letter, so they are not read as literals.
        private void SkipEscapeArgument(char escape)
        {
            switch (escape)
            {
                case 'x':
                    _at += 2;
                    break;
                case 'u':
                    _at += 4;
                    break;
                case 'c':
                    _at += 1;
                    break;
                case 'p' or 'P':
                    SkipPast('}');
                    break;
                case 'k':
                    SkipPast(Peek() == '\'' ? '\'' : '>', skipFirst: Peek() == '\'');
                    break;
                case >= '0' and <= '9':
                    while (char.IsAsciiDigit(Peek()))
                    {
                        _at++;
                    }
                    break;
            }
        }

        private void SkipPast(char close, bool skipFirst = false)
        {
            if (skipFirst)
            {
                _at++;
            }
            while (!AtEnd && Peek() != close)
            {
                _at++;
            }
            if (AtEnd)
            {
                throw new NotSupportedException();
            }
            _at++;
        }
    }
}
