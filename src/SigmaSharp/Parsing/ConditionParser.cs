using System.Collections.Immutable;
using System.Globalization;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Parsing;

/// <summary>
/// Recursive-descent parser for Sigma conditions. Precedence, least to most binding: or, and, not,
/// "x of", parentheses. Nesting is bounded so hostile input cannot exhaust the stack.
/// </summary>
internal sealed class ConditionParser
{
    public const int MaxDepth = 128;

    private readonly List<ConditionToken> _tokens;
    private readonly string _text;
    private readonly SourcePosition _origin;
    private readonly IReadOnlyList<string> _identifiers;
    private int _index;
    private int _depth;

    private ConditionParser(List<ConditionToken> tokens, string text, SourcePosition origin, IReadOnlyList<string> identifiers)
    {
        _tokens = tokens;
        _text = text;
        _origin = origin;
        _identifiers = identifiers;
    }

    /// <summary>Parses one condition; <paramref name="origin"/> is where its first character stands in the file.</summary>
    public static (SigmaCondition Condition, SigmaDiagnostic? Error) Parse(string text, SourcePosition origin, IReadOnlyList<string> identifiers)
    {
        var tokens = ConditionTokenizer.Tokenize(text, out var badOffset);
        if (badOffset >= 0)
        {
            var at = At(origin, badOffset);
            return (new SigmaCondition(text, null, null, origin), DiagnosticFacts.ConditionSyntax(at, $"unexpected character '{text[badOffset]}'"));
        }

        var parser = new ConditionParser(tokens, text, origin, identifiers);
        try
        {
            var expression = parser.ParseOr();
            LegacyAggregation? aggregation = null;
            if (parser.Peek.Kind == TokenKind.Pipe)
            {
                aggregation = LegacyAggregationParser.Parse(parser);
            }

            parser.Expect(TokenKind.End, "'and', 'or', '|' or the end of the condition");
            return (new SigmaCondition(text, expression, aggregation, origin), null);
        }
        catch (ConditionException e)
        {
            return (new SigmaCondition(text, null, null, origin), e.Diagnostic);
        }
    }

    internal ConditionToken Peek => _tokens[_index];

    internal ConditionToken Next() => _tokens[_index++];

    internal SourcePosition PositionOf(ConditionToken token) => At(_origin, token.Offset);

    private static SourcePosition At(SourcePosition origin, int offset) => origin with { Column = origin.Column + offset };

    internal ConditionToken Expect(TokenKind kind, string expected)
    {
        var token = Peek;
        if (token.Kind != kind)
        {
            throw Fail(token, $"expected {expected}, found {token.Describe()}");
        }

        _index++;
        return token;
    }

    internal ConditionException Fail(ConditionToken token, string message) =>
        new(DiagnosticFacts.ConditionSyntax(PositionOf(token), message));

    private ConditionNode ParseOr()
    {
        var first = ParseAnd();
        if (Peek.Kind != TokenKind.Or)
        {
            return first;
        }

        var operands = ImmutableArray.CreateBuilder<ConditionNode>();
        operands.Add(first);
        while (Peek.Kind == TokenKind.Or)
        {
            _index++;
            operands.Add(ParseAnd());
        }

        return new OrNode(operands.ToImmutable(), first.Position);
    }

    private ConditionNode ParseAnd()
    {
        var first = ParseNot();
        if (Peek.Kind != TokenKind.And)
        {
            return first;
        }

        var operands = ImmutableArray.CreateBuilder<ConditionNode>();
        operands.Add(first);
        while (Peek.Kind == TokenKind.And)
        {
            _index++;
            operands.Add(ParseNot());
        }

        return new AndNode(operands.ToImmutable(), first.Position);
    }

    private ConditionNode ParseNot()
    {
        if (Peek.Kind != TokenKind.Not)
        {
            return ParsePrimary();
        }

        var not = Next();
        Enter(not);
        var operand = ParseNot();
        _depth--;
        return new NotNode(operand, PositionOf(not));
    }

    private ConditionNode ParsePrimary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.OpenParen:
                _index++;
                Enter(token);
                var inner = ParseOr();
                _depth--;
                Expect(TokenKind.CloseParen, "')'");
                return inner;
            case TokenKind.Number or TokenKind.All or TokenKind.Any:
                return ParseOf();
            case TokenKind.Identifier:
                _index++;
                if (!_identifiers.Contains(token.Text))
                {
                    throw new ConditionException(DiagnosticFacts.UndefinedSelection(PositionOf(token), token.Text));
                }

                return new SelectionNode(token.Text, PositionOf(token));
            default:
                throw Fail(token, $"expected a search identifier, 'not', '(', '1 of' or 'all of', found {token.Describe()}");
        }
    }

    private OfNode ParseOf()
    {
        var quantifierToken = Next();
        if (quantifierToken.Kind == TokenKind.Number && quantifierToken.Text != "1")
        {
            throw new ConditionException(DiagnosticFacts.UnsupportedQuantifier(PositionOf(quantifierToken), quantifierToken.Text));
        }

        var quantifier = quantifierToken.Kind == TokenKind.All ? Quantifier.All : Quantifier.Any;
        Expect(TokenKind.Of, "'of'");
        var target = Next();
        var position = PositionOf(quantifierToken);
        if (target.Kind == TokenKind.Them)
        {
            var all = _identifiers.Where(n => !n.StartsWith('_')).ToImmutableArray();
            return new OfNode(quantifier, null, all, position);
        }

        if (target.Kind != TokenKind.Identifier)
        {
            throw Fail(target, $"expected 'them' or a search identifier pattern after 'of', found {target.Describe()}");
        }

        var matches = _identifiers.Where(n => IdentifierPattern.Matches(target.Text, n)).ToImmutableArray();
        if (matches.IsEmpty)
        {
            throw new ConditionException(DiagnosticFacts.PatternMatchesNothing(PositionOf(target), target.Text));
        }

        return new OfNode(quantifier, target.Text, matches, position);
    }

    private void Enter(ConditionToken token)
    {
        if (++_depth > MaxDepth)
        {
            throw new ConditionException(DiagnosticFacts.ConditionTooDeep(PositionOf(token), MaxDepth));
        }
    }

    internal string Text => _text;
}

internal sealed class ConditionException(SigmaDiagnostic diagnostic) : Exception(diagnostic.Message)
{
    public SigmaDiagnostic Diagnostic { get; } = diagnostic;
}
