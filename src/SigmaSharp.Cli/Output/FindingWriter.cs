using System.Text.Json;
using SigmaSharp.Rules;
using Spectre.Console;

namespace SigmaSharp.Cli.Output;

/// <summary>Writes findings as <c>file:line:col: severity code: message</c> lines (coloured on a terminal) or as JSON.</summary>
internal static class FindingWriter
{
    public static void WriteText(TextWriter output, IEnumerable<SigmaDiagnostic> findings, bool colour)
    {
        foreach (var finding in findings)
        {
            if (!colour)
            {
                output.WriteLine(finding.ToString());
                continue;
            }

            var style = finding.Severity switch
            {
                DiagnosticSeverity.Error => "red",
                DiagnosticSeverity.Warning => "yellow",
                _ => "blue",
            };
            AnsiConsole.MarkupLine(
                $"[bold]{Markup.Escape(finding.Position.ToString())}[/]: [{style}]{finding.Severity.ToString().ToLowerInvariant()} {finding.Code}[/]: {Markup.Escape(finding.Message)}");
        }
    }

    public static void WriteJson(TextWriter output, IEnumerable<SigmaDiagnostic> findings, CheckSummary summary)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (var finding in findings)
            {
                json.WriteStartObject();
                json.WriteString("file", finding.Position.File);
                json.WriteNumber("line", finding.Position.Line);
                json.WriteNumber("column", finding.Position.Column);
                json.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
                json.WriteString("code", finding.Code);
                json.WriteString("message", finding.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", summary.Files);
            json.WriteNumber("rules", summary.Rules);
            json.WriteNumber("rulesWithErrors", summary.RulesWithErrors);
            json.WriteNumber("filesSkipped", summary.FilesSkipped);
            json.WriteNumber("errors", summary.Errors);
            json.WriteNumber("warnings", summary.Warnings);
            json.WriteNumber("info", summary.Infos);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
