using System.CommandLine;
using SigmaSharp.Cli.Output;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Cli.Commands;

/// <summary><c>sigma check PATH...</c>: parse and validate rules, report every finding with its position.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Rule files or folders (searched recursively for *.yml, *.yaml)." };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var disable = new Option<string[]>("--disable", "-d") { Description = "Turn off a validator or diagnostic, by code (SIG400) or name (escaped-wildcard). Repeatable.", AllowMultipleArgumentsPerToken = true };
        var enable = new Option<string[]>("--enable", "-e") { Description = "Turn on a validator that is off by default, by code or name. Repeatable.", AllowMultipleArgumentsPerToken = true };
        var minSeverity = new Option<string>("--min-severity") { Description = "Report only findings of at least this severity.", DefaultValueFactory = _ => "info" };
        minSeverity.AcceptOnlyFromAmong("info", "warning", "error");
        var command = new Command("check", "Parse and validate Sigma rules; exit 0 when clean, 1 with findings, 2 on usage errors.")
        {
            paths, format, disable, enable, minSeverity,
        };
        command.SetAction(parse =>
        {
            var options = new CheckOptions(
                parse.GetValue(paths)!,
                parse.GetValue(format) == "json",
                parse.GetValue(disable) ?? [],
                parse.GetValue(enable) ?? [],
                Enum.Parse<DiagnosticSeverity>(parse.GetValue(minSeverity)!, ignoreCase: true));
            return Run(options, Console.Out);
        });
        return command;
    }

    internal sealed record CheckOptions(string[] Paths, bool Json, string[] Disable, string[] Enable, DiagnosticSeverity MinSeverity);

    internal static int Run(CheckOptions options, TextWriter output)
    {
        var collection = RuleLoader.Load(options.Paths);
        var findings = RuleChecks.Run(collection, options.Disable, options.Enable)
            .Where(d => d.Severity >= options.MinSeverity)
            .OrderBy(d => d.Position.File, StringComparer.Ordinal)
            .ThenBy(d => d.Position.Line)
            .ThenBy(d => d.Position.Column)
            .ToList();
        var summary = new CheckSummary(collection, findings);
        if (options.Json)
        {
            FindingWriter.WriteJson(output, findings, summary);
        }
        else
        {
            FindingWriter.WriteText(output, findings, colour: ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);
        }

        Console.Error.WriteLine(summary.ToString());
        return findings.Count == 0 ? CommandRunner.Clean : CommandRunner.Findings;
    }
}
