using System.Text;
using SigmaSharp.Parsing;
using SigmaSharp.Printing;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Tests.Properties;

/// <summary>
/// A rule with every source position cleared, so that two parses of differently laid out YAML compare equal by
/// record equality when they mean the same rule. Custom attribute values (lists and maps kept as List objects,
/// which compare by reference) are replaced by their text so they compare by content.
/// </summary>
internal static class PositionFreeModel
{
    private static readonly SourcePosition None = SourcePosition.None;

    public static SigmaRuleBase Strip(SigmaRuleBase rule) => rule switch
    {
        SigmaRule r => r with
        {
            Info = Strip(r.Info), LogSource = r.LogSource with { Position = None }, Detection = Strip(r.Detection),
            Conditions = Strip(r.Conditions), Source = Source,
        },
        CorrelationRule c => c with
        {
            Info = Strip(c.Info), Source = Source,
            Condition = c.Condition is null ? null : c.Condition with
            {
                Position = None, Thresholds = c.Condition.Thresholds.Select(t => t with { Position = None }).ToEquatableArray(),
            },
            Aliases = c.Aliases.Select(a => a with { Position = None }).ToEquatableArray(),
        },
        SigmaFilter f => f with
        {
            Info = Strip(f.Info), LogSource = f.LogSource with { Position = None }, Detection = Strip(f.Detection),
            Conditions = Strip(f.Conditions), Source = Source,
        },
        _ => throw new ArgumentException(rule.GetType().Name),
    };

    private static RuleSource Source { get; } = new(string.Empty, 0, SourcePosition.None);

    private static RuleInfo Strip(RuleInfo info) => info with
    {
        Related = info.Related.Select(r => r with { Position = None }).ToEquatableArray(),
        Tags = info.Tags.Select(t => t with { Position = None }).ToEquatableArray(),
        Date = info.Date is null ? null : info.Date with { Position = None },
        Modified = info.Modified is null ? null : info.Modified with { Position = None },
        Custom = info.Custom.Select(c => c with { Position = None, Value = Text(c.Value) }).ToEquatableArray(),
    };

    private static string Text(object? value) => value switch
    {
        null => "~",
        string s => System.Text.Json.JsonSerializer.Serialize(s),
        IEnumerable<KeyValuePair<string, object?>> map => "{" + string.Join(",", map.Select(e => Text(e.Key) + ":" + Text(e.Value))) + "}",
        System.Collections.IEnumerable list => "[" + string.Join(",", list.Cast<object?>().Select(Text)) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    private static EquatableArray<SearchIdentifier> Strip(EquatableArray<SearchIdentifier> identifiers) =>
        identifiers.Select(i => i with { Position = None, Definition = Strip(i.Definition) }).ToEquatableArray();

    private static DetectionNode Strip(DetectionNode node) => node switch
    {
        DetectionItem item => item with { Position = None },
        DetectionGroup group => group with { Position = None, Items = group.Items.Select(Strip).ToEquatableArray() },
        _ => node,
    };

    private static EquatableArray<SigmaCondition> Strip(EquatableArray<SigmaCondition> conditions) =>
        conditions.Select(c => c with
        {
            Position = None, Expression = c.Expression is null ? null : Strip(c.Expression),
            Aggregation = c.Aggregation is null ? null : c.Aggregation with { Position = None },
        }).ToEquatableArray();

    private static ConditionNode Strip(ConditionNode node) => node switch
    {
        AndNode and => new AndNode(and.Operands.Select(Strip).ToEquatableArray(), None),
        OrNode or => new OrNode(or.Operands.Select(Strip).ToEquatableArray(), None),
        NotNode not => new NotNode(Strip(not.Operand), None),
        SelectionNode selection => selection with { Position = None },
        OfNode of => of with { Position = None },
        _ => node,
    };
}

/// <summary>Parse, write, parse again; with the differences spelled out when the two models differ.</summary>
internal static class RoundTrip
{
    public static IReadOnlyList<SigmaRuleBase> Parse(string yaml, string file = "rule.yml")
    {
        var result = RuleFileParser.ParseText(yaml, file);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "parse errors:\n" + string.Join("\n", errors) + "\nin:\n" + yaml);
        return result.Rules;
    }

    /// <summary>Asserts that <paramref name="rule"/> written and parsed again is the same model; returns the written text.</summary>
    public static string AssertStable(SigmaRuleBase rule)
    {
        var written = SigmaRuleYamlWriter.Write(rule);
        var again = Parse(written, rule.Source.File);
        Assert.True(again.Count == 1, $"{again.Count} rules read back from:\n{written}");
        var expected = PositionFreeModel.Strip(rule);
        var actual = PositionFreeModel.Strip(again[0]);
        if (!expected.Equals(actual))
        {
            Assert.Fail("model changed by the round trip:\n" + Difference(expected, actual) + "\nwritten:\n" + written);
        }

        return written;
    }

    private static string Difference(SigmaRuleBase expected, SigmaRuleBase actual)
    {
        var text = new StringBuilder();
        if (expected is SigmaRule e && actual is SigmaRule a)
        {
            if (e.Info != a.Info)
            {
                // Property by property, in JSON so control characters show.
                foreach (var property in typeof(RuleInfo).GetProperties().Where(p => !Equals(p.GetValue(e.Info), p.GetValue(a.Info))))
                {
                    text.AppendLine($"info.{property.Name}: {Json(property.GetValue(e.Info))}\n   vs {Json(property.GetValue(a.Info))}");
                }
            }

            if (e.LogSource != a.LogSource)
            {
                text.AppendLine($"logsource: {e.LogSource.Custom} vs {a.LogSource.Custom}");
            }

            foreach (var (x, y) in e.Detection.Zip(a.Detection).Where(p => p.First != p.Second))
            {
                text.AppendLine($"identifier {x.Name}: {Describe(x.Definition)}\n          vs {Describe(y.Definition)}");
            }

            if (e.Detection.Count != a.Detection.Count)
            {
                text.AppendLine($"identifiers: {e.Detection.Count} vs {a.Detection.Count}");
            }

            if (e.Conditions != a.Conditions)
            {
                text.AppendLine($"conditions: {e.Conditions}\n         vs {a.Conditions}");
            }

            return text.ToString();
        }

        return $"{expected}\nvs\n{actual}";
    }

    private static string Json(object? value) => value switch
    {
        string text => System.Text.Json.JsonSerializer.Serialize(text),
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Json)) + "]",
        SigmaTag tag => Json(tag.Namespace) + "." + Json(tag.Name),
        _ => value?.ToString() ?? "null",
    };

    private static string Describe(DetectionNode node) => node switch
    {
        DetectionItem i => $"{i.Key}={i.Values} raw={string.Join("|", i.RawValues.Select(r => r is null ? "~" : System.Text.Json.JsonSerializer.Serialize(r)))} list={i.WrittenAsList} link={i.ValueLinking} neg={i.Negated}",
        DetectionGroup g => $"{g.Linking}({string.Join(", ", g.Items.Select(Describe))})",
        _ => node.ToString(),
    };
}
