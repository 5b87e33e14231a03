using System.Text.RegularExpressions;
using SigmaSharp.Documentation.Attack;
using Xunit.Abstractions;

namespace SigmaSharp.Tests.Documentation.Attack;

/// <summary>Checks the shipped data against the shared ATT&amp;CK bundles and the SigmaHQ corpus, when they are present.</summary>
public partial class AttackDataTests(ITestOutputHelper output)
{
    [AttackBundlesFact]
    public void Shipped_table_is_up_to_date_with_the_attack_bundles()
    {
        var bundles = Directory.GetFiles(RepositoryPaths.AttackBundles!, "*-attack*.json");
        Assert.NotEmpty(bundles);
        using var writer = new StringWriter();
        // Compact extracts carry no collection object; the shipped table's version stands in for it.
        AttackTableGenerator.Generate(bundles, writer, AttackTable.Bundled.Version);
        using var stream = typeof(AttackTable).Assembly.GetManifestResourceStream(AttackTable.ResourceName)!;
        using var reader = new StreamReader(stream);
        var shipped = reader.ReadToEnd();
        Assert.True(shipped == writer.ToString(),
            "data/attack.tsv differs from what the bundles give: rerun `sigma data attack-table BUNDLE... -o data/attack.tsv`");
        output.WriteLine($"data/attack.tsv matches {bundles.Length} bundles ({AttackTable.Bundled.Entries.Length} rows)");
    }

    [SigmaCorpusFact]
    public void Every_attack_tag_of_the_corpus_resolves_to_a_name_or_to_a_newer_release()
    {
        var sigmahq = Path.Combine(RepositoryPaths.Corpus!, "sigmahq");
        var all = new List<AttackTagResult>();
        foreach (var folder in new[] { "rules", "rules-emerging-threats", "rules-threat-hunting", "rules-compliance", "rules-placeholder" })
        {
            var path = Path.Combine(sigmahq, folder);
            if (Directory.Exists(path))
            {
                var results = ResolveTags(path);
                Report(folder, results);
                all.AddRange(results);
            }
        }

        Assert.NotEmpty(all);
        Assert.Empty(all.Where(r => r.Status == AttackTagStatus.Malformed).Select(r => r.Tag).Distinct());
        Assert.All(all.Where(r => r.Status == AttackTagStatus.Found), r => Assert.False(string.IsNullOrEmpty(r.Name)));
    }

    private static List<AttackTagResult> ResolveTags(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.yml", SearchOption.AllDirectories)
            .SelectMany(file => TagsOf(File.ReadLines(file)))
            .Where(tag => tag.StartsWith("attack.", StringComparison.OrdinalIgnoreCase))
            .Select(tag => AttackTag.Resolve(tag))];

    private void Report(string folder, List<AttackTagResult> results)
    {
        output.WriteLine($"attack.* tags in sigmahq/{folder}: {results.Count} uses, {results.Select(r => r.Tag).Distinct().Count()} distinct");
        foreach (var group in results.GroupBy(r => (r.Status, r.Kind)).OrderBy(g => g.Key.Status).ThenBy(g => g.Key.Kind))
        {
            output.WriteLine($"  {group.Key.Status,-20} {group.Key.Kind,-13} {group.Count(),6} uses, {group.Select(r => r.Tag).Distinct().Count(),4} distinct");
        }
        var outdated = results.Where(r => r.Entry is { IsCurrent: false }).Select(r => r.Tag).Distinct().Order().ToList();
        output.WriteLine($"  found but revoked or deprecated: {string.Join(", ", outdated)}");
        var newer = results.Where(r => r.Status == AttackTagStatus.NotInBundledVersion).Select(r => r.Tag).Distinct().Order().ToList();
        output.WriteLine($"  not in the bundled ATT&CK v{AttackTable.Bundled.Version}: {string.Join(", ", newer)}");
    }

    /// <summary>The items of a rule's top-level tags list; enough of YAML for the corpus's block lists.</summary>
    private static IEnumerable<string> TagsOf(IEnumerable<string> lines)
    {
        var inTags = false;
        foreach (var line in lines)
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && line[0] != '-')
            {
                inTags = line.StartsWith("tags:", StringComparison.Ordinal);
                continue;
            }
            var item = ListItem().Match(line);
            if (inTags && item.Success)
            {
                yield return item.Groups["value"].Value;
            }
        }
    }

    [GeneratedRegex(@"^\s*-\s+['""]?(?<value>[^'""#\s]+)")]
    private static partial Regex ListItem();
}
