using SigmaSharp.Documentation;
using SigmaSharp.Parsing;

namespace SigmaSharp.Tests.Documentation;

/// <summary>The whole SigmaHQ rules folder documents in every format without a crash; every attack tag is named or counted as unknown.</summary>
public class CorpusDocumentationTests(ITestOutputHelper output)
{
    [SigmaCorpusFact]
    public void Every_attack_tag_of_the_corpus_is_named_or_reported_unknown()
    {
        var rules = DocumentedRules.From(RuleLoader.Load([RepositoryPaths.CorpusFolder("sigmahq/rules")!]), DocumentationFixtures.NoGit);
        var table = SigmaSharp.Documentation.Attack.AttackTable.Bundled;
        int named = 0, others = 0, unknownUses = 0, total = 0;
        foreach (var rule in rules)
        {
            var mapping = AttackMapping.Of(rule.Info, table);
            // Tactic and technique tags are listed once each, in the table's spelling; count distinct tags.
            var attackTags = rule.Info.Tags.Where(t => t.Namespace == "attack")
                .Select(t => t.Name.ToLowerInvariant().Replace('-', '_')).Distinct(StringComparer.Ordinal).Count();
            var resolved = mapping.Tactics.Count(t => t.Entry is not null) + mapping.Techniques.Count(t => t.Entry is not null);
            Assert.True(resolved + mapping.Unknown.Length + mapping.Others.Length == attackTags, rule.File);
            named += resolved;
            others += mapping.Others.Length;
            unknownUses += mapping.Unknown.Length;
            total += attackTags;
        }
        var unknown = DocsGenerator.UnknownAttackTags(rules);
        output.WriteLine($"{rules.Length} rule files, {total} attack tags: {named} tactics/techniques named, {others} groups/software/data sources, "
            + $"{unknownUses} unknown uses of {unknown.Count} tags: {string.Join(", ", unknown.Select(u => $"{u.Key} ({u.Value})"))}");
        Assert.Equal(unknownUses, unknown.Values.Sum());
        Assert.Equal(total, named + others + unknownUses);
        // What the table cannot name is from a newer ATT&CK release (v19: stealth, T1685...), not malformed.
        Assert.All(unknown.Keys, tag => Assert.Equal(SigmaSharp.Documentation.Attack.AttackTagStatus.NotInBundledVersion, SigmaSharp.Documentation.Attack.AttackTag.Resolve(tag).Status));
    }

    [SigmaCorpusFact]
    public void Corpus_documents_in_every_format_without_a_crash()
    {
        var rules = DocumentedRules.From(RuleLoader.Load([RepositoryPaths.CorpusFolder("sigmahq/rules")!]), DocumentationFixtures.NoGit);
        foreach (var format in Enum.GetValues<DocsFormat>())
        {
            var folder = Directory.CreateTempSubdirectory("sigmasharp-corpus-docs-").FullName;
            try
            {
                var result = DocsGenerator.Generate(rules, format, folder, _ => [("fake", "q")]);
                output.WriteLine($"{format}: {result.FilesWritten} files for {result.RuleFiles} rule files");
                Assert.True(result.FilesWritten >= (format == DocsFormat.Navigator ? 1 : rules.Length));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
