using System.Buffers;
using SigmaSharp.Rules;

namespace SigmaSharp.Parsing;

/// <summary>Parses the text of one rule file into rules of every kind, with the file's diagnostics.</summary>
public static class RuleFileParser
{
    public sealed record Result(IReadOnlyList<SigmaRuleBase> Rules, IReadOnlyList<SigmaDiagnostic> Diagnostics, bool Skipped, int RulesWithErrors = 0);

    public static Result ParseText(string text, string file, YamlBudgets? budgets = null) => Parse(new StringReader(text), file, budgets);

    private static Result Parse(TextReader text, string file, YamlBudgets? budgets)
    {
        var context = new DocumentContext(file);
        var (documents, yamlError) = YamlTreeReader.Read(text, file, budgets ?? YamlBudgets.Default);
        if (yamlError is not null)
        {
            return new Result([], [yamlError], Skipped: true);
        }

        var rules = new List<SigmaRuleBase>();
        var rulesWithErrors = 0;
        foreach (var document in documents)
        {
            if (document is { HasDuplicateKeys: true, Root: { } root })
            {
                ReportDuplicateKeys(root, context);
            }
        }

        foreach (var document in CollectionMerger.Merge(documents, context))
        {
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
    public static Result ParseFile(string path, YamlBudgets? budgets = null) => ParseFile(path, path, budgets);

    /// <summary>
    /// As <see cref="ParseFile(string, YamlBudgets?)"/>, opening <paramref name="openPath"/> (absolute, so the
    /// runtime need not ask for the working directory per file) and naming <paramref name="displayPath"/> in rules
    /// and diagnostics. One open, one size query, one read, one close: on virtual machines each system call counts.
    /// </summary>
    internal static Result ParseFile(string openPath, string displayPath, YamlBudgets? budgets)
    {
        budgets ??= YamlBudgets.Default;
        var start = new SourcePosition(displayPath, 1, 1);
        byte[] buffer;
        int length;
        try
        {
            using var handle = File.OpenHandle(openPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            var size = RandomAccess.GetLength(handle);
            if (size > budgets.MaxFileBytes)
            {
                return new Result([], [DiagnosticFacts.FileTooLarge(start, size, budgets.MaxFileBytes)], Skipped: true);
            }

            buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, (int)size));
            length = ReadAll(handle, buffer.AsSpan(0, (int)size));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new Result([], [DiagnosticFacts.FileNotFound(start)], Skipped: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Result([], [DiagnosticFacts.FileUnreadable(start, e.Message)], Skipped: true);
        }

        try
        {
            var bytes = WithoutByteOrderMark(buffer.AsMemory(0, length));
            return System.Text.Unicode.Utf8.IsValid(bytes.Span)
                ? Parse(new Utf8TextReader(bytes), displayPath, budgets)
                : new Result([], [NotUtf8(bytes.Span, displayPath)], Skipped: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the size taken before, or less if the file shrank meanwhile (a file that grew is cut there).</summary>
    private static int ReadAll(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> buffer)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = RandomAccess.Read(handle, buffer[total..], total)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> bytes) =>
        bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;

    /// <summary>The diagnostic for text that is not UTF-8, at the first bad byte so the author can find it.</summary>
    private static SigmaDiagnostic NotUtf8(ReadOnlySpan<byte> span, string path)
    {
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

        return DiagnosticFacts.NotUtf8(new SourcePosition(path, line, column));
    }

    /// <summary>Every key written twice in any map of the document (the tree keeps the last value, as PyYAML does).</summary>
    private static void ReportDuplicateKeys(YamlNode node, DocumentContext context)
    {
        var visited = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<YamlNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            // Aliases share nodes: each is visited once, so an alias bomb costs nothing here.
            var current = pending.Pop();
            if (!visited.Add(current))
            {
                continue;
            }

            if (current is YamlMapping map)
            {
                foreach (var key in map.Duplicates)
                {
                    context.Report(DiagnosticFacts.DuplicateKey(key.Position, key.Value));
                }

                foreach (var entry in map.Entries)
                {
                    pending.Push(entry.Value);
                }
            }
            else if (current is YamlSequence sequence)
            {
                foreach (var item in sequence.Items)
                {
                    pending.Push(item);
                }
            }
        }
    }
}
