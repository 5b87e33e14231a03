using System.Text;
using SigmaSharp.Pipelines;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Targets;

/// <summary>
/// PowerShell: <c>Get-WinEvent | where {...}</c> testing event IDs directly and everything else as a regular
/// expression over the message text ("Field.*value"), as sigmac did. Log source conditions are not added.
/// </summary>
internal sealed class PowerShellBackend(LegacyConfigChain config, BackendOptions options) : QueryBackend(config, options)
{
    private static readonly Dialect PowerShellDialect = new()
    {
        And = " -and ",
        Or = " -or ",
        Not = " -not ",
        List = "($_.message -match {0})",
        ListSeparator = "$_.message -match ",
        Null = "-not {0}=\"*\"",
        NotNull = "{0}=\"*\"",
        FieldValue = "$_.{0} -eq {1}",
        EscapedCharacters = "\"+",
    };

    private static readonly Dictionary<string, string> PropertyFields = new(StringComparer.Ordinal)
    {
        ["EventID"] = "ID",
        ["ID"] = "ID",
        ["ServiceFileName"] = "Service File Name",
    };

    /// <summary>
    /// Fields sigmac treated as properties that an event record does not have: <c>$_.Service File Name</c> is not even
    /// PowerShell syntax. The label is how the field is written in the event's message, which is what we match.
    /// </summary>
    private static readonly Dictionary<string, string> MessageLabels = new(StringComparer.Ordinal)
    {
        ["ServiceFileName"] = "Service File Name",
    };

    private readonly bool _csv = options.Bool("csv", false);
    private readonly LegacyEscaping _escaping = options.Choice("escaping", LegacyEscaping.Exact, LegacyEscapingOption.Choices);

    public override string Name => "powershell";

    protected override Dialect Dialect => PowerShellDialect;

    protected override string Query(string condition, SigmaRule rule) =>
        "Get-WinEvent | where {" + condition + " } | select TimeCreated,Id,RecordId,ProcessId,MachineName,Message" + (_csv ? " | ConvertTo-CSV -NoTypeInformation" : string.Empty);

    protected override bool Field(QField node, StringBuilder into)
    {
        switch (node.Value)
        {
            case QScalar scalar when Item(node.Field, scalar, withKey: true) is { } item:
                into.Append(item);
                return true;
            case QScalar:
                return false;
            case QList list:
                into.Append('(').AppendJoin(" -or ", ListItems(node.Field, list)).Append(')');
                return true;
            default:
                return base.Field(node, into);
        }
    }

    /// <summary>
    /// The tests of a field's list. sigmac replaced the field by its property name inside its loop, so only the first
    /// item of a mapped field (ServiceFileName) was a property test and the rest matched the message with the mapped
    /// name; we test every item alike, and reproduce that only with <c>escaping=sigmac</c>.
    /// </summary>
    private IEnumerable<string?> ListItems(string field, QList list)
    {
        foreach (var value in list.Items)
        {
            yield return Item(field, value, withKey: false);
            if (_escaping == LegacyEscaping.Sigmac && PropertyFields.TryGetValue(field, out var property))
            {
                field = property;
            }
        }
    }

    /// <summary>One field/value test; sigmac dropped the field name from list items without wildcards.</summary>
    private string? Item(string field, QScalar value, bool withKey)
    {
        if (withKey && field is "LogName" or "source")
        {
            return null;
        }

        if (_escaping != LegacyEscaping.Sigmac && MessageLabels.TryGetValue(field, out var label))
        {
            return "$_.message -match " + Pattern(label, value, keyed: true);
        }

        if (PropertyFields.TryGetValue(field, out var property))
        {
            return _escaping == LegacyEscaping.Sigmac || value.IsInteger
                ? $"$_.{property} -eq {Quoted(value.Text, regex: false)}"
                : PropertyTest(property, value.Text);
        }

        if (!value.IsInteger && value.Text.Contains('*', StringComparison.Ordinal))
        {
            return field == "Message"
                ? "$_.message -match " + Pattern(string.Empty, value)
                : "$_.message -match " + Pattern(field, value, keyed: true);
        }

        return "$_.message -match " + (withKey ? Pattern(field, value, keyed: true) : Pattern(string.Empty, value));
    }

    protected override bool Keyword(QScalar value, StringBuilder into)
    {
        into.Append(_escaping == LegacyEscaping.Sigmac ? $"$_.message -match \"{value.Text}\"" : "$_.message -match " + Pattern(string.Empty, value));
        return true;
    }

    private string Pattern(string field, QScalar value, bool keyed = false)
    {
        var prefix = keyed ? field + ".*" : string.Empty;
        if (_escaping == LegacyEscaping.Sigmac)
        {
            var text = value.IsInteger ? value.Text : value.Text.Replace("*", ".*", StringComparison.Ordinal);
            return Quoted(prefix + text, regex: true);
        }

        var pattern = value.IsInteger ? value.Text : PcreText.FromLegacyText(value.Text);
        return PowerShellString((keyed ? PcreText.FieldName(field) + ".*" : string.Empty) + pattern);
    }

    /// <summary>
    /// A property compared with the value the rule means: <c>-eq</c> with the Sigma escapes resolved when it has no
    /// wildcard, else <c>-like</c> with PowerShell's wildcard escapes (backtick) for literal <c>* ? [ ]</c>.
    /// </summary>
    private static string PropertyTest(string property, string legacyText)
    {
        var value = SigmaString.Parse(legacyText);
        if (value.Parts.All(p => p is LiteralPart))
        {
            return $"$_.{property} -eq {PowerShellString(string.Concat(value.Parts.Cast<LiteralPart>().Select(p => p.Text)))}";
        }

        var pattern = WildcardPattern.Append(new StringBuilder(), value, "*", "?", (into, c) =>
        {
            if (c is '*' or '?' or '[' or ']' or '`')
            {
                into.Append('`');
            }

            into.Append(c);
        });

        return $"$_.{property} -like {PowerShellString(pattern.ToString())}";
    }

    /// <summary>A value compared with -eq (not a pattern): the literal text.</summary>
    private string Quoted(string text, bool regex)
    {
        if (_escaping == LegacyEscaping.Sigmac)
        {
            return "\"" + ValueEscaper.Escape(text, Dialect) + "\"";
        }

        // -eq compares literally; sigmac's text (wildcards included) is kept, only made safe as a PowerShell string.
        return PowerShellString(text);
    }

    /// <summary>
    /// A double-quoted PowerShell string holding <paramref name="text"/> literally: the backtick escapes quotes
    /// (PowerShell also reads typographic quotes as quotes), <c>$</c> (no variable or subexpression expansion) and itself.
    /// </summary>
    internal static string PowerShellString(string text)
    {
        var result = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '`' or '"' or '$' or '\u201C' or '\u201D' or '\u201E')
            {
                result.Append('`');
            }

            result.Append(c);
        }

        return result.Append('"').ToString();
    }

    protected override bool Regex(string field, SigmaRegex regex, StringBuilder into)
    {
        NotSupported("regular expressions ('re' modifier): the message is matched as text, not per field");
        return false;
    }

    protected override bool Typed(string field, SigmaValue value, StringBuilder into)
    {
        NotSupported(Describe(value) + ": events are matched on their message text only");
        return false;
    }
}
