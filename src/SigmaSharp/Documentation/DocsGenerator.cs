using System.Collections.Immutable;
using SigmaSharp.Documentation.Site;
using SigmaSharp.Rules;

namespace SigmaSharp.Documentation;

/// <summary>The documentation formats <c>sigma docs</c> writes.</summary>
public enum DocsFormat
{
    /// <summary>Hugo-style Markdown rule pages, &lt;page-name&gt;.md (seed a).</summary>
    RulePages,

    /// <summary>Atomic Threat Coverage analytic pages, &lt;page-name&gt;.md (seed b).</summary>
    Analytic,

    /// <summary>One ATT&amp;CK Navigator layer, attack-navigator-layer.json.</summary>
    Navigator,

    /// <summary>A static HTML site with index pages, a matrix and search.</summary>
    Site,
}

/// <summary>What a run wrote, and the attack.* tags no ATT&amp;CK name was found for.</summary>
/// <param name="FilesWritten">Files written into the output folder.</param>
/// <param name="RuleFiles">Rule files documented (one page each).</param>
/// <param name="UnknownAttackTags">attack.* tags newer than the bundled table or malformed, with the number of rule files using each.</param>
public sealed record DocsResult(int FilesWritten, int RuleFiles, ImmutableSortedDictionary<string, int> UnknownAttackTags);

/// <summary>The entry point for <c>sigma docs</c>: loads nothing itself; documents an already loaded collection.</summary>
public static class DocsGenerator
{
    public static DocsResult Generate(
        RuleCollection rules,
        DocsFormat format,
        string outputDirectory,
        RuleTranslator? translator = null,
        DocsOptions? options = null,
        IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        options ??= DocsOptions.Default;
        var documented = DocumentedRules.From(rules, options);
        return Generate(documented, format, outputDirectory, translator, options, progress);
    }

    public static DocsResult Generate(
        IReadOnlyList<DocumentedRule> rules,
        DocsFormat format,
        string outputDirectory,
        RuleTranslator? translator = null,
        DocsOptions? options = null,
        IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        options ??= DocsOptions.Default;
        Directory.CreateDirectory(outputDirectory);
        var written = format switch
        {
            DocsFormat.RulePages => WritePages(rules, outputDirectory, RulePageWriter.Write, progress),
            DocsFormat.Analytic => WritePages(rules, outputDirectory, r => AnalyticPageWriter.Write(r, translator, options), progress),
            DocsFormat.Navigator => WriteLayer(rules, outputDirectory, options),
            _ => SiteWriter.Write(rules, outputDirectory, options, progress),
        };
        return new DocsResult(written, rules.Count, UnknownAttackTags(rules, options));
    }

    /// <summary>Every attack.* tag the table cannot name (newer release or malformed), with how many rule files use it.</summary>
    public static ImmutableSortedDictionary<string, int> UnknownAttackTags(IEnumerable<DocumentedRule> rules, DocsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var table = (options ?? DocsOptions.Default).AttackTable;
        return rules.SelectMany(r => AttackMapping.Of(r.Info, table).Unknown.Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(t => t.ToLowerInvariant(), StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    private static int WritePages(IReadOnlyList<DocumentedRule> rules, string outputDirectory, Func<DocumentedRule, string> write, IProgress<int>? progress)
    {
        var done = 0;
        Parallel.ForEach(rules, rule =>
        {
            File.WriteAllText(Path.Combine(outputDirectory, rule.PageName + RulePageWriter.Extension), write(rule));
            progress?.Report(Interlocked.Increment(ref done));
        });
        return rules.Count;
    }

    private static int WriteLayer(IReadOnlyList<DocumentedRule> rules, string outputDirectory, DocsOptions options)
    {
        File.WriteAllText(Path.Combine(outputDirectory, NavigatorLayerWriter.FileName), NavigatorLayerWriter.Write(rules, options));
        return 1;
    }
}
