using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Pipelines.Processing;

/// <summary>
/// <c>add_condition</c>: a new search identifier (the given field/value map, parsed like a rule's selection) ANDed
/// in front of every condition, or ANDed NOT with <c>negated</c>.
/// </summary>
internal sealed record AddConditionTransformation(DetectionNode Selection, bool Negated, bool Template) : Transformation
{
    public override SigmaRuleBase Apply(SigmaRuleBase rule, ProcessingContext context)
    {
        if (rule is not SigmaRule r)
        {
            return rule;
        }

        var name = "_cond_1";
        for (var n = 2; r.FindIdentifier(name) is not null; n++)
        {
            name = "_cond_" + n;
        }

        var at = Selection.Position;
        var selection = Template ? Substitute(Selection, r.LogSource) : Selection;
        ConditionNode added = new SelectionNode(name, at);
        if (Negated)
        {
            added = new NotNode(added, at);
        }

        var conditions = r.Conditions.Select(c => c.Expression is null ? c : c with { Expression = new AndNode(new[] { added, c.Expression }, c.Position) });
        context.MarkRule();
        return r with
        {
            Detection = r.Detection.Append(new SearchIdentifier(name, selection, at)).ToEquatableArray(),
            Conditions = conditions.ToEquatableArray(),
        };
    }

    /// <summary>With <c>template: true</c>, <c>$category</c>, <c>$product</c>, <c>$service</c> in string values take the rule's log source.</summary>
    private static DetectionNode Substitute(DetectionNode node, LogSource source) => node switch
    {
        DetectionGroup group => group with { Items = group.Items.Select(i => Substitute(i, source)).ToEquatableArray() },
        DetectionItem item => item with
        {
            Values = item.Values.Select(v => v is Rules.Values.SigmaString s
                ? (Rules.Values.SigmaValue)Rules.Values.SigmaString.Create(s.Parts.Select(p => p is Rules.Values.LiteralPart l ? new Rules.Values.LiteralPart(Fill(l.Text, source)) : p), s.Cased)
                : v).ToEquatableArray(),
        },
        _ => node,
    };

    private static string Fill(string text, LogSource source) => text
        .Replace("${category}", source.Category ?? string.Empty, StringComparison.Ordinal).Replace("$category", source.Category ?? string.Empty, StringComparison.Ordinal)
        .Replace("${product}", source.Product ?? string.Empty, StringComparison.Ordinal).Replace("$product", source.Product ?? string.Empty, StringComparison.Ordinal)
        .Replace("${service}", source.Service ?? string.Empty, StringComparison.Ordinal).Replace("$service", source.Service ?? string.Empty, StringComparison.Ordinal);
}

/// <summary><c>change_logsource</c>: the rule's log source replaced by the given one (attributes not given become empty, as in pySigma).</summary>
internal sealed record ChangeLogSourceTransformation(string? Category, string? Product, string? Service) : Transformation
{
    public override SigmaRuleBase Apply(SigmaRuleBase rule, ProcessingContext context)
    {
        context.MarkRule();
        return rule switch
        {
            SigmaRule r => r with { LogSource = r.LogSource with { Category = Category, Product = Product, Service = Service } },
            SigmaFilter f => f with { LogSource = f.LogSource with { Category = Category, Product = Product, Service = Service } },
            _ => rule,
        };
    }
}

/// <summary><c>set_state</c>: a key of the pipeline state, which conditions and backends read.</summary>
internal sealed record SetStateTransformation(string Key, object? Value) : Transformation
{
    public override SigmaRuleBase Apply(SigmaRuleBase rule, ProcessingContext context)
    {
        context.State[Key] = Value;
        context.MarkRule();
        return rule;
    }
}

/// <summary><c>rule_failure</c>: the rule is refused with a message.</summary>
internal sealed record RuleFailureTransformation(string Message) : Transformation
{
    public override SigmaRuleBase Apply(SigmaRuleBase rule, ProcessingContext context)
    {
        context.Reject(rule.Source.Position, Message);
        return rule;
    }
}

/// <summary><c>add_field</c>, <c>remove_field</c>, <c>set_field</c>: the rule's <c>fields:</c> list.</summary>
internal sealed record FieldListTransformation(string Operation, IReadOnlyList<string> Fields) : Transformation
{
    public override SigmaRuleBase Apply(SigmaRuleBase rule, ProcessingContext context)
    {
        var current = rule.Info.Fields;
        IEnumerable<string> fields = Operation switch
        {
            "add" => current.Concat(Fields.Where(f => !current.Contains(f))),
            "remove" => current.Where(f => !Fields.Contains(f)),
            _ => Fields,
        };
        context.MarkRule();
        return FieldNameTransformation.WithFields(rule, fields.ToEquatableArray());
    }
}

/// <summary><c>set_custom_attribute</c>: a custom attribute of the rule.</summary>
internal sealed record SetCustomAttributeTransformation(string Attribute, string Value) : Transformation
{
    public override SigmaRuleBase Apply(SigmaRuleBase rule, ProcessingContext context)
    {
        var custom = rule.Info.Custom.Where(c => c.Name != Attribute).Append(new CustomAttribute(Attribute, Value, SourcePosition.None)).ToEquatableArray();
        var info = rule.Info with { Custom = custom };
        context.MarkRule();
        return rule switch
        {
            SigmaRule r => r with { Info = info },
            CorrelationRule c => c with { Info = info },
            SigmaFilter f => f with { Info = info },
            _ => rule,
        };
    }
}

/// <summary><c>nest</c>: a list of processing items applied as one (their conditions combined with the outer ones).</summary>
internal sealed record NestedTransformation(IReadOnlyList<ProcessingItem> Items) : Transformation
{
    public override SigmaRuleBase Apply(SigmaRuleBase rule, ProcessingContext context)
    {
        var outer = context.Item;
        foreach (var item in Items)
        {
            context.Item = item;
            if (item.MatchesRule(rule, context))
            {
                rule = item.Transformation.Apply(rule, context);
            }
        }

        context.Item = outer;
        return rule;
    }
}
