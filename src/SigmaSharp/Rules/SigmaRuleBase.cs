namespace SigmaSharp.Rules;

/// <summary>A rule of any kind read from a file: detection rule, correlation rule or filter.</summary>
public abstract record SigmaRuleBase(RuleInfo Info, RuleSource Source)
{
    public string Title => Info.Title;

    public string? Id => Info.Id;

    public string? Name => Info.Name;

    public RuleLevel? Level => Info.Level;
}
