using CsCheck;
using SigmaSharp.Printing;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Tests.Properties;

/// <summary>parse → write → parse gives the model of the first parse, for random hostile rules.</summary>
public sealed class RoundTripPropertyTests
{
    [Fact]
    public void Generated_rules_survive_write_and_parse_unchanged()
    {
        Gen.Int.Sample(seed =>
        {
            var text = GeneratedRule.Text(seed);
            var rule = Assert.Single(RoundTrip.Parse(text));
            var written = RoundTrip.AssertStable(rule);

            // Writing is a fixed point: the second text is the first.
            Assert.Equal(written, SigmaRuleYamlWriter.Write(Assert.Single(RoundTrip.Parse(written))));
        }, iter: 400);
    }
}

/// <summary>
/// With the written forms removed (values as the author wrote them, condition texts), the writer must derive
/// both from the model alone, as it does for rules built or rewritten in code; the result means the same.
/// </summary>
public sealed class DerivedSpellingPropertyTests
{
    [Fact]
    public void Rules_written_from_values_and_expressions_alone_parse_to_the_same_tests()
    {
        Gen.Int.Sample(seed =>
        {
            var rule = (SigmaRule)Assert.Single(RoundTrip.Parse(GeneratedRule.Text(seed)));
            var bare = rule with
            {
                Detection = rule.Detection.Select(i => i with { Definition = WithoutRawValues(i.Definition) }).ToEquatableArray(),
                Conditions = rule.Conditions.Select(c => c with { Text = string.Empty }).ToEquatableArray(),
            };
            string written;
            try
            {
                written = SigmaRuleYamlWriter.Write(bare);
            }
            catch (ArgumentException) when (HasAndLinkedExpansion(rule.Detection.Select(i => i.Definition)))
            {
                return; // |windash|all and friends: alternatives inside an AND list have no YAML of their own.
            }

            var again = (SigmaRule)Assert.Single(RoundTrip.Parse(written));
            Assert.Equal(rule.Detection.Select(i => Tests(i.Definition)), again.Detection.Select(i => Tests(i.Definition)));
            Assert.Equal(
                rule.Conditions.Select(c => SigmaRuleYamlWriter.WriteCondition(c.Expression!)),
                again.Conditions.Select(c => SigmaRuleYamlWriter.WriteCondition(c.Expression!)));
            Assert.Equal(
                PositionFreeModel.Strip(rule with { Conditions = again.Conditions, Detection = again.Detection }),
                PositionFreeModel.Strip(again));
        }, iter: 300);
    }

    private static DetectionNode WithoutRawValues(DetectionNode node) => node switch
    {
        DetectionItem item => item with { RawValues = EquatableArray<string?>.Empty, Modifiers = EquatableArray<Modifier>.Empty },
        DetectionGroup group => group with { Items = group.Items.Select(WithoutRawValues).ToEquatableArray() },
        _ => node,
    };

    private static bool HasAndLinkedExpansion(IEnumerable<DetectionNode> nodes) => nodes.Any(n => n switch
    {
        DetectionItem item => item.ValueLinking == Linking.And && item.Values.Any(v => v is SigmaExpansion),
        DetectionGroup group => HasAndLinkedExpansion(group.Items),
        _ => false,
    });

    /// <summary>What a detection node tests, without how it was written (expansions are OR-linked alternatives).</summary>
    private static string Tests(DetectionNode node) => node switch
    {
        DetectionItem i => $"{i.Field}:{i.ValueLinking}:{i.Negated}:[{string.Join(", ", i.Values.SelectMany(v => v is SigmaExpansion e && i.ValueLinking == Linking.Or ? e.Values.Items : [v]))}]",
        DetectionGroup g => $"{g.Linking}({string.Join("; ", g.Items.Select(Tests))})",
        _ => node.ToString(),
    };
}
