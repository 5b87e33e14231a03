using System.Text;
using System.Text.Json;
using SigmaSharp.Evaluation;
using Spectre.Console;

namespace SigmaSharp.Cli.Output;

/// <summary>Writes scan matches: a table (on a terminal), JSON Lines or CSV; each with rule, level, time, computer and fields.</summary>
internal abstract class MatchWriter
{
    public static MatchWriter Create(string format, TextWriter output) => format switch
    {
        "jsonl" => new JsonLinesMatchWriter(output),
        "csv" => new CsvMatchWriter(output),
        _ => new TableMatchWriter(output),
    };

    public abstract void Write(ScanMatch match);

    public virtual void Finish()
    {
    }

    protected static string Level(ScanMatch match) => match.Rule.Level?.ToString().ToLowerInvariant() ?? "-";

    protected static string Time(ScanMatch match) => match.Timestamp?.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture) ?? "-";

    protected static string Fields(ScanMatch match) =>
        match.Correlation is { } c
            ? $"{c.Type} over {c.EventCount} events: " + string.Join(", ", c.Group.Select(g => $"{g.Key}={g.Value}"))
            : string.Join("; ", match.Fields.Select(f => $"{f.Name}={string.Join("|", f.Values)}"));
}

internal sealed class JsonLinesMatchWriter(TextWriter output) : MatchWriter
{
    public override void Write(ScanMatch match)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("rule", match.Rule.Title);
            json.WriteString("id", match.Rule.Id);
            json.WriteString("level", Level(match));
            json.WriteString("timestamp", match.Timestamp?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("computer", match.Computer);
            if (match.Origin is { } origin)
            {
                json.WriteString("source", origin.Source);
                json.WriteNumber("record", origin.Line);
            }

            json.WriteStartObject("fields");
            foreach (var field in match.Fields)
            {
                json.WriteStartArray(field.Name);
                foreach (var value in field.Values)
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            if (match.Correlation is { } c)
            {
                json.WriteStartObject("correlation");
                json.WriteString("type", c.Type.ToString());
                json.WriteNumber("value", c.Value);
                json.WriteNumber("events", c.EventCount);
                json.WriteString("first", c.First.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteString("last", c.Last.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteStartObject("group");
                foreach (var (key, value) in c.Group)
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}

internal sealed class CsvMatchWriter : MatchWriter
{
    private readonly TextWriter _output;

    public CsvMatchWriter(TextWriter output)
    {
        _output = output;
        _output.WriteLine("timestamp,level,rule,id,computer,fields");
    }

    public override void Write(ScanMatch match) =>
        _output.WriteLine(string.Join(",", new[] { Time(match), Level(match), match.Rule.Title, match.Rule.Id ?? string.Empty, match.Computer ?? string.Empty, Fields(match) }.Select(Quote)));

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

/// <summary>A table on a terminal; tab-separated lines when piped, so the output stays greppable.</summary>
internal sealed class TableMatchWriter(TextWriter output) : MatchWriter
{
    private readonly List<ScanMatch> _matches = [];
    private readonly bool _terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    public override void Write(ScanMatch match)
    {
        if (_terminal && _matches.Count < 10_000)
        {
            _matches.Add(match);
        }
        else
        {
            output.WriteLine(string.Join("\t", Time(match), Level(match), match.Rule.Title, match.Computer ?? "-", Fields(match)));
        }
    }

    public override void Finish()
    {
        if (_matches.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumns("time", "level", "rule", "computer", "fields");
        foreach (var match in _matches)
        {
            table.AddRow(Markup.Escape(Time(match)), Markup.Escape(Level(match)), Markup.Escape(match.Rule.Title), Markup.Escape(match.Computer ?? "-"), Markup.Escape(Fields(match)));
        }

        AnsiConsole.Write(table);
    }
}
