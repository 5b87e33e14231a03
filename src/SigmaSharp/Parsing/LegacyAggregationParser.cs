using System.Collections.Immutable;
using System.Globalization;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Parsing;

/// <summary>The obsolete "| count(...) by ... &gt; n" and "| near ..." tails.</summary>
internal static class LegacyAggregationParser
{
    public static LegacyAggregation Parse(ConditionParser parser)
    {
        var pipe = parser.Next();
        var position = parser.PositionOf(pipe);
        var head = parser.Expect(TokenKind.Identifier, "an aggregation function (count, min, max, avg, sum) or 'near'");
        if (string.Equals(head.Text, "near", StringComparison.OrdinalIgnoreCase))
        {
            var selections = ImmutableArray.CreateBuilder<string>();
            selections.Add(parser.Expect(TokenKind.Identifier, "a search identifier after 'near'").Text);
            while (parser.Peek.Kind == TokenKind.And)
            {
                parser.Next();
                var negated = parser.Peek.Kind == TokenKind.Not;
                if (negated)
                {
                    parser.Next();
                }

                var name = parser.Expect(TokenKind.Identifier, "a search identifier").Text;
                selections.Add(negated ? "not " + name : name);
            }

            return new LegacyAggregation(AggregationFunction.Count, null, null, ">", 0, selections.ToImmutable(), position);
        }

        if (!Enum.TryParse<AggregationFunction>(head.Text, ignoreCase: true, out var function))
        {
            throw parser.Fail(head, $"unknown aggregation function '{head.Text}'; expected count, min, max, avg, sum or near");
        }

        parser.Expect(TokenKind.OpenParen, "'('");
        string? field = null;
        if (parser.Peek.Kind == TokenKind.Identifier)
        {
            field = parser.Next().Text;
        }

        parser.Expect(TokenKind.CloseParen, "')'");
        string? groupBy = null;
        if (parser.Peek.Kind == TokenKind.Identifier && string.Equals(parser.Peek.Text, "by", StringComparison.OrdinalIgnoreCase))
        {
            parser.Next();
            groupBy = parser.Expect(TokenKind.Identifier, "a field after 'by'").Text;
        }

        var op = parser.Expect(TokenKind.Comparison, "a comparison (<, <=, >, >=, ==, !=)");
        var number = parser.Next();
        if (!decimal.TryParse(number.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var threshold))
        {
            throw parser.Fail(number, $"expected a number, found {number.Describe()}");
        }

        return new LegacyAggregation(function, field, groupBy, op.Text, threshold, [], position);
    }
}
