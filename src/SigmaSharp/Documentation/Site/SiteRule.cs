using SigmaSharp.Rules;

namespace SigmaSharp.Documentation.Site;

/// <summary>What the site's index pages need of one rule file, computed once.</summary>
internal sealed record SiteRule(DocumentedRule Rule, AttackMapping Attack)
{
    /// <summary>The page's path from the site root.</summary>
    public string Href => "rules/" + Rule.PageName + ".html";

    public string Title => Rule.Info.Title;

    public string Level => AnalyticPageWriter.LevelName(Rule.Info.Level) is { Length: > 0 } level ? level : "none";

    public string Status => AnalyticPageWriter.StatusName(Rule.Info.Status) is { Length: > 0 } status ? status : "none";

    public IEnumerable<string> LogSourceLabels => Rule.LogSources.IsEmpty
        ? ["(no log source)"]
        : Rule.LogSources.Select(Label);

    public static string Label(LogSource source) =>
        string.Join(" / ", new[] { source.Product, source.Category, source.Service }.Select(p => p ?? "*"));
}
