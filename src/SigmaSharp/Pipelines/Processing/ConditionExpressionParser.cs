using SigmaSharp.Rules;

namespace SigmaSharp.Pipelines.Processing;

/// <summary>Parses <c>*_cond_expr</c>: condition names with and, or, not and parentheses (not > and > or).</summary>
internal sealed class ConditionExpressionParser<T>
{
    private const int MaxDepth = 64;
    private readonly List<string> _tokens;
    private readonly IReadOnlyDictionary<string, ConditionExpression<T>> _conditions;
    private readonly SourcePosition _at;
    private readonly PipelineYamlValues _values;
    private int _position;
    private int _depth;

    private ConditionExpressionParser(string text, SourcePosition at, IReadOnlyDictionary<string, ConditionExpression<T>> conditions, PipelineYamlValues values)
    {
        _tokens = Tokenize(text);
        _conditions = conditions;
        _at = at;
        _values = values;
    }

    public static ConditionExpression<T>? Parse(string text, SourcePosition at, IReadOnlyDictionary<string, ConditionExpression<T>> conditions, PipelineYamlValues values)
    {
        var parser = new ConditionExpressionParser<T>(text, at, conditions, values);
        var before = values.Diagnostics.Count;
        var result = parser.Or();
        if (parser._position < parser._tokens.Count)
        {
            values.Error(at, $"unexpected '{parser._tokens[parser._position]}' in condition expression '{text}'");
        }

        return values.Diagnostics.Count > before ? null : result;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        for (var i = 0; i < text.Length;)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (text[i] is '(' or ')')
            {
                tokens.Add(text[i++].ToString());
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private string? Peek => _position < _tokens.Count ? _tokens[_position] : null;

    private ConditionExpression<T>? Or()
    {
        var items = new List<ConditionExpression<T>?> { And() };
        while (Peek == "or")
        {
            _position++;
            items.Add(And());
        }

        return items.Count == 1 ? items[0] : items.Contains(null) ? null : new ConditionAny<T>(items!);
    }

    private ConditionExpression<T>? And()
    {
        var items = new List<ConditionExpression<T>?> { Not() };
        while (Peek == "and")
        {
            _position++;
            items.Add(Not());
        }

        return items.Count == 1 ? items[0] : items.Contains(null) ? null : new ConditionAll<T>(items!);
    }

    private ConditionExpression<T>? Not()
    {
        if (++_depth > MaxDepth)
        {
            _values.Error(_at, $"condition expression nests deeper than {MaxDepth} levels");
            _position = _tokens.Count;
            return null;
        }

        try
        {
            switch (Peek)
            {
                case "not":
                    _position++;
                    return Not() is { } inner ? new ConditionNegation<T>(inner) : null;
                case "(":
                    _position++;
                    var group = Or();
                    if (Peek != ")")
                    {
                        _values.Error(_at, "missing ')' in condition expression");
                        return null;
                    }

                    _position++;
                    return group;
                case null or ")" or "and" or "or":
                    _values.Error(_at, $"expected a condition name in condition expression, found {(Peek is null ? "the end" : $"'{Peek}'")}");
                    return null;
                default:
                    var name = _tokens[_position++];
                    if (_conditions.TryGetValue(name, out var condition))
                    {
                        return condition;
                    }

                    _values.Error(_at, $"condition expression names undefined condition '{name}'; defined: {string.Join(", ", _conditions.Keys)}");
                    return null;
            }
        }
        finally
        {
            _depth--;
        }
    }
}

internal static class ConditionExpressionParser
{
    public static ConditionExpression<T>? Parse<T>(string text, SourcePosition at, IReadOnlyDictionary<string, ConditionExpression<T>> conditions, PipelineYamlValues values) =>
        ConditionExpressionParser<T>.Parse(text, at, conditions, values);
}
