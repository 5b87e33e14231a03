using System.Collections.Immutable;
using System.Text;
using SigmaSharp.Rules;

namespace SigmaSharp.Documentation;

/// <summary>Groups a loaded collection into <see cref="DocumentedRule"/>s: one per rule file, in load order, with text and date.</summary>
public static class DocumentedRules
{
    public static ImmutableArray<DocumentedRule> From(RuleCollection rules, DocsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        options ??= DocsOptions.Default;
        var files = rules.Rules
            .GroupBy(r => r.Source.File, StringComparer.Ordinal)
            .Select(g => (File: g.Key, Rules: g.OrderBy(r => r.Source.DocumentIndex).ToImmutableArray()))
            .ToArray();
        var names = PageNames.Assign(files.Select(f => (f.File, f.Rules[0].Id)).ToArray());
        var read = options.ReadText ?? ReadFile;
        var texts = new string[files.Length];
        Parallel.For(0, files.Length, i => texts[i] = read(files[i].File) ?? string.Empty);
        var dates = Dates(files.Select(f => f.File).ToArray(), options);

        var result = ImmutableArray.CreateBuilder<DocumentedRule>(files.Length);
        for (var i = 0; i < files.Length; i++)
        {
            result.Add(new DocumentedRule(files[i].File, names[i], texts[i], files[i].Rules, dates(files[i].File)));
        }
        return result.MoveToImmutable();
    }

    private static Func<string, DateTimeOffset?> Dates(string[] files, DocsOptions options)
    {
        switch (options.Dates)
        {
            case PageDateSource.GitBatch:
                var known = FirstCommitDates.Batch(files.Where(File.Exists), options.GitTimeout);
                return file => known.TryGetValue(Path.GetFullPath(file), out var date) ? date : null;
            case PageDateSource.GitFollow:
                var followed = files.Where(File.Exists).Distinct(StringComparer.Ordinal)
                    .ToDictionary(f => f, f => FirstCommitDates.FollowOne(f, options.GitTimeout), StringComparer.Ordinal);
                return file => followed.GetValueOrDefault(file);
            default:
                return _ => null;
        }
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static string? ReadFile(string path)
    {
        try
        {
            // The loader already refused files that are not UTF-8; a BOM is dropped so the raw block starts with YAML.
            var text = File.ReadAllText(path, Utf8);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
