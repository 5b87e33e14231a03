using System.Text;
using SigmaSharp.Rules;

namespace SigmaSharp.Parsing;

/// <summary>Parses the text of one rule file into rules of every kind, with the file's diagnostics.</summary>
public static class RuleFileParser
{
    public sealed record Result(IReadOnlyList<SigmaRuleBase> Rules, IReadOnlyList<SigmaDiagnostic> Diagnostics, bool Skipped, int RulesWithErrors = 0);

    public static Result ParseText(string text, string file, YamlBudgets? budgets = null)
    {
        var context = new DocumentContext(file);
        var (documents, yamlError) = YamlTreeReader.Read(text, file, budgets ?? YamlBudgets.Default);
        if (yamlError is not null)
        {
            return new Result([], [yamlError], Skipped: true);
        }

        var rules = new List<SigmaRuleBase>();
        var rulesWithErrors = 0;
        foreach (var document in CollectionMerger.Merge(documents, context))
        {
            ReportDuplicateKeys(document.Map, context);
            var before = context.Diagnostics.Count;
            var source = new RuleSource(file, document.Index, document.Position);
            var rule = RuleDocumentParser.Parse(document.Map, source, context);
            if (context.Diagnostics.Skip(before).Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                rulesWithErrors++;
            }

            if (rule is not null)
            {
                rules.Add(rule);
            }
            else if (context.Diagnostics.Count == before)
            {
                context.Report(DiagnosticFacts.UnknownDocumentKind(document.Position));
                rulesWithErrors++;
            }
        }

        // Errors before the first document (a bad collection action, a non-map document) also cost a rule.
        rulesWithErrors = Math.Max(rulesWithErrors, context.HasErrors ? 1 : 0);
        return new Result(rules, context.Diagnostics, Skipped: false, rulesWithErrors);
    }

    /// <summary>Reads a file with the size and encoding checks, then parses it. Never throws for bad input.</summary>
    public static Result ParseFile(string path, YamlBudgets? budgets = null)
    {
        budgets ??= YamlBudgets.Default;
        var start = new SourcePosition(path, 1, 1);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return new Result([], [DiagnosticFacts.FileNotFound(start)], Skipped: true);
            }

            if (info.Length > budgets.MaxFileBytes)
            {
                return new Result([], [DiagnosticFacts.FileTooLarge(start, info.Length, budgets.MaxFileBytes)], Skipped: true);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Result([], [DiagnosticFacts.FileUnreadable(start, e.Message)], Skipped: true);
        }

        var text = DecodeUtf8(bytes, path, out var encodingError);
        return text is null ? new Result([], [encodingError!], Skipped: true) : ParseText(text, path, budgets);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    internal static string? DecodeUtf8(byte[] bytes, string path, out SigmaDiagnostic? error)
    {
        error = null;
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        if (System.Text.Unicode.Utf8.IsValid(span))
        {
            return StrictUtf8.GetString(span);
        }

        // Locate the first bad byte so the author can find it.
        var line = 1;
        var column = 1;
        var offset = 0;
        while (offset < span.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(span[offset..], out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                break;
            }

            if (rune.Value == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }

            offset += consumed;
        }

        error = DiagnosticFacts.NotUtf8(new SourcePosition(path, line, column));
        return null;
    }

    private static void ReportDuplicateKeys(YamlMapping map, DocumentContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in map.Entries)
        {
            if (!seen.Add(key.Value))
            {
                context.Report(DiagnosticFacts.DuplicateKey(key.Position, key.Value));
            }
        }
    }
}
