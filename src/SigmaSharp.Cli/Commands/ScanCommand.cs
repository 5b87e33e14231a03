using System.CommandLine;
using SigmaSharp.Cli.Output;
using SigmaSharp.Evaluation;
using SigmaSharp.Evaluation.Routing;
using SigmaSharp.Events;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Cli.Commands;

/// <summary>
/// <c>sigma scan -r RULES... EVENTS...</c>: evaluate rules directly on event logs (JSON, JSON Lines, EVTX, gzip'd or
/// not; folders walked). Exit 0 without matches, 1 with matches, 2 on errors.
/// </summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var events = new Argument<string[]>("events") { Arity = ArgumentArity.OneOrMore, Description = "Event files or folders (.json, .jsonl, .ndjson, .evtx, also .gz)." };
        var rules = new Option<string[]>("--rules", "-r") { Description = "Rule files or folders; repeatable.", Required = true };
        var mapping = new Option<string?>("--mapping", "--pipeline") { Description = "Field mapping YAML (rule field: event field or list of fields)." };
        var logSources = new Option<string?>("--logsources") { Description = "Log source routing YAML extending the shipped one." };
        var ignoreLogSources = new Option<bool>("--ignore-logsources") { Description = "Test every rule on every event, whatever its log source." };
        var placeholders = new Option<string?>("--placeholders") { Description = "YAML file of placeholder values for rules using the expand modifier." };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl", "csv");
        var minLevel = new Option<string?>("--min-level") { Description = "Report only rules of at least this level." };
        minLevel.AcceptOnlyFromAmong("informational", "low", "medium", "high", "critical");
        var output = new Option<string?>("--output", "-o") { Description = "Write matches to this file instead of standard output." };
        var command = new Command("scan", "Evaluate Sigma rules (with correlations and filters) on event logs.")
        {
            events, rules, mapping, logSources, ignoreLogSources, placeholders, format, minLevel, output,
        };
        command.SetAction(parse => Run(new ScanRequest(
            parse.GetValue(rules)!,
            parse.GetValue(events)!,
            parse.GetValue(mapping),
            parse.GetValue(logSources),
            parse.GetValue(ignoreLogSources),
            parse.GetValue(placeholders),
            parse.GetValue(format)!,
            parse.GetValue(minLevel) is { } level ? Enum.Parse<RuleLevel>(level, ignoreCase: true) : null,
            parse.GetValue(output))));
        return command;
    }

    internal sealed record ScanRequest(
        string[] Rules, string[] Events, string? Mapping, string? LogSources, bool IgnoreLogSources, string? Placeholders,
        string Format, RuleLevel? MinLevel, string? Output);

    internal static int Run(ScanRequest request, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var errors = stderr ?? Console.Error;
        var collection = RuleLoader.Load(request.Rules);
        var loadErrors = collection.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        loadErrors.ForEach(d => errors.WriteLine(d.ToString()));
        var log = new EventDiagnosticLog(d => errors.WriteLine("skipped: " + d));
        var scanner = new Scanner(collection, Options(request, log));
        var compileDiagnostics = scanner.Diagnostics.Count;
        foreach (var diagnostic in scanner.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            errors.WriteLine(diagnostic.ToString());
        }

        using var file = request.Output is null ? null : new StreamWriter(request.Output);
        var writer = MatchWriter.Create(request.Format, file ?? stdout ?? Console.Out);
        var progress = ScanProgress.Start(request.Events);
        foreach (var match in scanner.Scan(request.Events))
        {
            writer.Write(match);
            progress.Update(scanner.Counters);
        }

        writer.Finish();
        progress.Stop();

        // Raised while scanning (a regular expression that ran out of time: SIG604), once per rule value.
        foreach (var diagnostic in scanner.Diagnostics.Skip(compileDiagnostics).Where(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            errors.WriteLine(diagnostic.ToString());
        }
        ScanSummary.Write(scanner, loadErrors.Count, errors);
        if (loadErrors.Count > 0 || scanner.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return CommandRunner.UsageError;
        }

        return scanner.Counters.Matches + scanner.Counters.CorrelationMatches > 0 ? CommandRunner.Findings : CommandRunner.Clean;
    }

    private static ScanOptions Options(ScanRequest request, EventDiagnosticLog log)
    {
        var options = new ScanOptions { IgnoreLogSources = request.IgnoreLogSources, MinLevel = request.MinLevel, EventDiagnostics = log };
        if (request.Mapping is not null)
        {
            options = FieldMapping.TryLoad(request.Mapping, out var mapping, out var error)
                ? options with { FieldMapping = mapping }
                : throw new UsageException(error!.ToString());
        }

        if (request.LogSources is not null)
        {
            options = LogSourceMap.TryLoad(request.LogSources, out var map, out var error)
                ? options with { LogSources = LogSourceMap.Default.Extend(map!) }
                : throw new UsageException(error!.ToString());
        }

        if (request.Placeholders is not null)
        {
            options = PlaceholderValues.TryLoad(request.Placeholders, out var values, out var error)
                ? options with { Placeholders = values! }
                : throw new UsageException(error!.ToString());
        }

        return options;
    }
}
