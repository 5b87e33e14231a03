using SigmaSharp.Documentation;
using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Documentation;

/// <summary>
/// Our pages for the two seed rules equal the seed documents line for line, except the deliberate differences
/// below (also listed in docs/documentation.md).
/// </summary>
public class SeedPageTests(ITestOutputHelper output)
{
    /// <summary>
    /// The deliberate differences from the analytic-page seed, applied to the seed text before comparing:
    /// 1. T1548.002 has the name ATT&amp;CK gives it now ("Bypass User Account Control"), not the seed's stale one.
    /// 2. Revoked techniques are flagged " (revoked)" after their last name.
    /// 3. Queries are shown as the converter returns them: the seed doubled every backslash; we do not.
    /// 4. The queries themselves come from the caller's translator (here a fake returning the seed's queries
    ///    un-doubled), so any difference between our converters and sigmac is not a page difference.
    /// </summary>
    public static readonly (string Seed, string Ours, string Why)[] AnalyticPageDifferences =
    [
        ("T1548.002: Bypass User Access Control", "T1548.002: Bypass User Account Control", "current ATT&CK name of T1548.002"),
        ("[T1191: CMSTP]", "[T1191: CMSTP (revoked)]", "revoked technique flagged"),
        ("[T1088: Bypass User Account Control]", "[T1088: Bypass User Account Control (revoked)]", "revoked technique flagged"),
        ("\\\\", "\\", "backslashes of queries not doubled (translation blocks only)"),
    ];

    [Fact]
    public void Rule_page_of_the_cmstp_rule_equals_the_seed()
    {
        if (DocumentationFixtures.Seed("rule-page-cmstp-execution.md", output) is not { } seed)
        {
            return;
        }
        var rule = DocumentationFixtures.Load(DocumentationFixtures.CmstpExecution) with { FirstCommitted = DocumentationFixtures.CmstpFirstCommit };
        AssertSameLines(seed, RulePageWriter.Write(rule));
    }

    [Fact]
    public void Rule_page_dated_from_git_equals_the_seed()
    {
        if (DocumentationFixtures.Seed("rule-page-cmstp-execution.md", output) is not { } seed)
        {
            return;
        }
        if (DocumentationFixtures.NewRepository() is not { } repository)
        {
            output.WriteLine("skipped: git is not installed");
            return;
        }
        try
        {
            var file = Path.Combine(repository, "rules", DocumentationFixtures.CmstpExecution);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.Copy(DocumentationFixtures.Path(DocumentationFixtures.CmstpExecution), file);
            Assert.True(DocumentationFixtures.Commit(repository, DocumentationFixtures.CmstpFirstCommit, "rules"));

            var collection = SigmaSharp.Parsing.RuleLoader.Load([Path.Combine(repository, "rules")]);
            var rule = Assert.Single(DocumentedRules.From(collection, new DocsOptions { Dates = PageDateSource.GitBatch }));
            AssertSameLines(seed, RulePageWriter.Write(rule));
        }
        finally
        {
            Directory.Delete(repository, recursive: true);
        }
    }

    [Fact]
    public void Analytic_page_of_the_bypass_uac_rule_equals_the_seed_but_for_the_listed_differences()
    {
        if (DocumentationFixtures.Seed("atc-detection-rule-bypass-uac-via-cmstp.md", output) is not { } seed)
        {
            return;
        }
        var expected = ApplyDifferences(seed);
        var translations = SeedTranslations(expected);
        Assert.Equal(["powershell", "es-qs", "xpack-watcher", "graylog", "splunk", "logpoint", "grep"], translations.Select(t => t.Target));

        var rule = DocumentationFixtures.Load(DocumentationFixtures.BypassUac);
        var page = AnalyticPageWriter.Write(rule, _ => translations);
        AssertSameLines(expected, page);
    }

    /// <summary>Applies <see cref="AnalyticPageDifferences"/>: names and flags everywhere, backslashes after the Sigma rule only.</summary>
    internal static string ApplyDifferences(string seed)
    {
        var split = seed.IndexOf("### powershell", StringComparison.Ordinal);
        var head = seed[..split];
        var queries = seed[split..];
        foreach (var (from, to, _) in AnalyticPageDifferences)
        {
            if (from == "\\\\")
            {
                queries = queries.Replace(from, to, StringComparison.Ordinal);
            }
            else
            {
                head = head.Replace(from, to, StringComparison.Ordinal);
            }
        }
        return head + queries;
    }

    /// <summary>The (target, query) pairs shown in a page: each "### target" heading, then its fenced block.</summary>
    internal static List<(string Target, string Query)> SeedTranslations(string page)
    {
        var lines = page.Split('\n');
        var result = new List<(string, string)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("### ", StringComparison.Ordinal) && lines[i] != "### Sigma rule")
            {
                var open = Array.IndexOf(lines, "```", i);
                var close = Array.IndexOf(lines, "```", open + 1);
                result.Add((lines[i][4..], string.Join('\n', lines[(open + 1)..close])));
                i = close;
            }
        }
        return result;
    }

    private void AssertSameLines(string expected, string actual)
    {
        var want = expected.Split('\n');
        var got = actual.Split('\n');
        for (var i = 0; i < Math.Min(want.Length, got.Length); i++)
        {
            if (want[i] != got[i])
            {
                output.WriteLine($"first difference at line {i + 1}");
            }
            Assert.Equal(want[i], got[i]);
        }
        Assert.Equal(want.Length, got.Length);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Rule_dates_fall_back_to_the_rule_date_at_midnight_utc()
    {
        var rule = DocumentationFixtures.Load(DocumentationFixtures.CmstpExecution);
        Assert.Null(rule.FirstCommitted);
        Assert.Contains("\ndate: Mon, 16 Jul 2018 00:00:00 +0000\n", RulePageWriter.Write(rule), StringComparison.Ordinal);
        Assert.Equal(RuleLevel.High, rule.Info.Level);
    }
}
