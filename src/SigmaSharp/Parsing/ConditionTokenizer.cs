namespace SigmaSharp.Parsing;

internal enum TokenKind
{
    Identifier,
    Number,
    And,
    Or,
    Not,
    Of,
    Them,
    All,
    Any,
    OpenParen,
    CloseParen,
    Pipe,
    Comparison,
    Comma,
    End,
}

internal readonly record struct ConditionToken(TokenKind Kind, string Text, int Offset)
{
    public string Describe() => Kind == TokenKind.End ? "the end of the condition" : $"'{Text}'";
}

/// <summary>Splits a condition into tokens; keywords are matched case-insensitively as sigmac and pySigma do.</summary>
internal static class ConditionTokenizer
{
    public static List<ConditionToken> Tokenize(string text, out int errorOffset)
    {
        var tokens = new List<ConditionToken>();
        errorOffset = -1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var single = c switch
            {
                '(' => TokenKind.OpenParen,
                ')' => TokenKind.CloseParen,
                '|' => TokenKind.Pipe,
                ',' => TokenKind.Comma,
                _ => (TokenKind?)null,
            };
            if (single is { } kind)
            {
                tokens.Add(new ConditionToken(kind, c.ToString(), i));
                i++;
                continue;
            }

            if (c is '<' or '>' or '=' or '!')
            {
                var length = i + 1 < text.Length && text[i + 1] == '=' ? 2 : 1;
                tokens.Add(new ConditionToken(TokenKind.Comparison, text.Substring(i, length), i));
                i += length;
                continue;
            }

            if (!IsWordChar(c))
            {
                errorOffset = i;
                return tokens;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            tokens.Add(new ConditionToken(Classify(word), word, start));
        }

        tokens.Add(new ConditionToken(TokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '*' or '.' or '?';

    private static TokenKind Classify(string word) => word.ToLowerInvariant() switch
    {
        "and" => TokenKind.And,
        "or" => TokenKind.Or,
        "not" => TokenKind.Not,
        "of" => TokenKind.Of,
        "them" => TokenKind.Them,
        "all" => TokenKind.All,
        "any" => TokenKind.Any,
        _ when word.All(char.IsAsciiDigit) => TokenKind.Number,
        _ => TokenKind.Identifier,
    };
}
