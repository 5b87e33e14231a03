using SigmaSharp.Conversion;
using SigmaSharp.Parsing;
using SigmaSharp.Pipelines;
using SigmaSharp.Rules;
using Xunit;

namespace SigmaSharp.Tests.Conversion;

public sealed class QueryTreeCacheTests
{
    private static SigmaRule Rule(string image) =>
        (SigmaRule)RuleLoader.LoadTexts([("r.yml", $"title: T\nlogsource: {{product: windows}}\ndetection: {{s: {{Image|endswith: '{image}'}}, condition: s}}\n")]).Rules[0];

    [Fact]
    public void The_same_condition_with_the_same_settings_gets_the_tree_built_first()
    {
        var rule = Rule("\\a.exe");
        var cache = new QueryTreeCache();
        var key = new QueryTreeKey(rule, rule.Conditions[0].Expression!, LegacyConfigChain.Empty, null, true, default);
        var first = cache.GetOrBuild(key);
        Assert.NotNull(first);
        Assert.Same(first, cache.GetOrBuild(key with { }));
    }

    [Fact]
    public void Another_rule_or_other_settings_get_a_tree_of_their_own()
    {
        var rule = Rule("\\a.exe");
        var other = Rule("\\a.exe"); // equal content, another rule: never mixed up
        var cache = new QueryTreeCache();
        var key = new QueryTreeKey(rule, rule.Conditions[0].Expression!, LegacyConfigChain.Empty, null, true, default);
        var first = cache.GetOrBuild(key);
        Assert.NotSame(first, cache.GetOrBuild(key with { Rule = other, Condition = other.Conditions[0].Expression! }));
        Assert.NotSame(first, cache.GetOrBuild(key with { IndexField = "index" }));
        Assert.NotSame(first, cache.GetOrBuild(key with { Quirks = new SigmacQuirks(Windash: true, TrailingWildcard: false) }));
        Assert.NotSame(first, cache.GetOrBuild(key with { Config = new LegacyConfigChain([]) }));
    }
}
