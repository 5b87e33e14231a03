using SigmaSharp.Documentation.Attack;

namespace SigmaSharp.Documentation;

/// <summary>Where the date on a rule page comes from.</summary>
public enum PageDateSource
{
    /// <summary>
    /// The first commit of the file from one batched git query per work tree (fast; a moved file dates from its move);
    /// files outside a work tree, or unknown to git, use the rule's own date.
    /// </summary>
    GitBatch,

    /// <summary>One <c>git log --follow</c> per file: follows renames, but starts a git process per file.</summary>
    GitFollow,

    /// <summary>The rule's own <c>date</c> at 00:00:00 +0000; git is never run.</summary>
    RuleDate,
}

/// <summary>Settings shared by every documentation writer; the defaults suit a folder of rule files.</summary>
public sealed record DocsOptions
{
    public static DocsOptions Default { get; } = new();

    public PageDateSource Dates { get; init; } = PageDateSource.GitBatch;

    /// <summary>Time limit for each git process.</summary>
    public TimeSpan GitTimeout { get; init; } = FirstCommitDates.DefaultTimeout;

    /// <summary>
    /// Reads the raw text of a rule file by the name the rule was loaded under; null when unreadable. The default reads
    /// the file from disk; callers that loaded rules with <c>RuleLoader.LoadTexts</c> pass their texts here.
    /// </summary>
    public Func<string, string?>? ReadText { get; init; }

    /// <summary>ATT&amp;CK names; the table shipped with the library by default.</summary>
    public AttackTable? Attack { get; init; }

    /// <summary>Data Needed per log source; the shipped data/datasources.yml by default.</summary>
    public DataNeededMap? DataNeeded { get; init; }

    internal AttackTable AttackTable => Attack ?? AttackTable.Bundled;

    internal DataNeededMap DataNeededMap => DataNeeded ?? DataNeededMap.Bundled;
}
