using System.Collections.Immutable;

namespace SigmaSharp.Documentation.Attack;

/// <summary>Parses data/attack.tsv; the format is ours, so a bad row is a bug, reported with its line.</summary>
internal static class AttackTableReader
{
    public static (string Version, ImmutableArray<AttackEntry> Entries) Read(TextReader reader)
    {
        var version = "unknown";
        var entries = ImmutableArray.CreateBuilder<AttackEntry>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.StartsWith(AttackTableFormat.VersionKey, StringComparison.Ordinal))
            {
                version = line[AttackTableFormat.VersionKey.Length..].Trim();
            }
            else if (line.Length > 0 && line[0] != '#' && line != AttackTableFormat.ColumnHeader)
            {
                entries.Add(ParseRow(line, lineNumber));
            }
        }
        return (version, entries.ToImmutable());
    }

    private static AttackEntry ParseRow(string line, int lineNumber)
    {
        var cells = line.Split('\t');
        if (cells.Length != AttackTableFormat.ColumnCount || AttackTableFormat.ParseKind(cells[0]) is not { } kind)
        {
            throw new InvalidDataException($"attack table line {lineNumber}: expected {AttackTableFormat.ColumnCount} columns starting with a known kind");
        }
        var isTactic = kind == AttackObjectKind.Tactic;
        return new AttackEntry(
            kind,
            cells[1],
            cells[2],
            AttackTableFormat.ParseDomains(cells[3]),
            isTactic ? cells[4] : null,
            isTactic ? [] : AttackTableFormat.SplitList(cells[4]),
            AttackTableFormat.ParseFlag(cells[5]),
            AttackTableFormat.ParseFlag(cells[6]),
            cells[7].Length == 0 ? null : cells[7],
            cells[8]);
    }
}
