using SigmaSharp.Pipelines;
using SigmaSharp.Rules;

namespace SigmaSharp.Conversion.Targets;

/// <summary>LogPoint search: implicit AND, '-' for NOT, lists as <c>field IN [...]</c>.</summary>
internal sealed class LogPointBackend(LegacyConfigChain config, BackendOptions options) : QueryBackend(config, options)
{
    private static readonly Dialect LogPointDialect = new()
    {
        And = " ",
        Or = " OR ",
        Not = " -",
        List = "[{0}]",
        ListSeparator = ", ",
        Null = "-{0}=*",
        NotNull = "{0}=*",
        FieldValue = "{0}={1}",
        FieldList = "{0} IN {1}",
        Compare = "{0}{1}{2}",
        Exists = "{0}=*",
        NotExists = "-{0}=*",
    };

    private readonly bool _ruleComment = options.Bool("rulecomment", false);

    public override string Name => "logpoint";

    protected override Dialect Dialect => LogPointDialect;

    protected override string Query(string condition, SigmaRule rule) => _ruleComment ? $"# {rule.Title}\n{condition}\n" : condition;
}
