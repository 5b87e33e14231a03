using System.CommandLine;
using SigmaSharp.Conversion;
using SigmaSharp.Documentation;
using SigmaSharp.Parsing;
using SigmaSharp.Pipelines;
using SigmaSharp.Rules;
using Spectre.Console;

namespace SigmaSharp.Cli.Commands;

/// <summary>
/// <c>sigma docs --format rule-page|atc|navigator|site -o DIR PATH...</c>: documentation pages for a rule set.
/// Analytic (ATC) pages carry a translation per target: by default the seven seed targets, each with the config
/// sigmac's documentation used for it.
/// </summary>
internal static class DocsCommand
{
    private static readonly Dictionary<string, DocsFormat> Formats = new(StringComparer.Ordinal)
    {
        ["rule-page"] = DocsFormat.RulePages,
        ["atc"] = DocsFormat.Analytic,
        ["navigator"] = DocsFormat.Navigator,
        ["site"] = DocsFormat.Site,
    };

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Rule files or folders." };
        var format = new Option<string>("--format", "-f") { Description = "What to write.", DefaultValueFactory = _ => "rule-page" };
        format.AcceptOnlyFromAmong([.. Formats.Keys]);
        var targets = new Option<string[]>("--target", "-t") { Description = "Targets of the translations on analytic pages (default: the seven seed targets); repeatable." };
        var configs = new Option<string[]>("--config", "-c") { Description = "Configs for every translation instead of each target's default; repeatable." };
        var output = new Option<string>("--output", "-o") { Description = "Output folder.", Required = true };
        var noGit = new Option<bool>("--no-git") { Description = "Date pages from the rules' own 'date' instead of their first git commit." };
        var command = new Command("docs", "Write documentation for rules: Markdown rule pages, ATC analytic pages, an ATT&CK Navigator layer, or a static site.")
        {
            paths, format, targets, configs, output, noGit,
        };
        command.SetAction(parse => Run(
            parse.GetValue(paths)!,
            Formats[parse.GetValue(format)!],
            parse.GetValue(targets) is { Length: > 0 } t ? t : [.. ConversionTargets.All.Select(x => x.Name)],
            parse.GetValue(configs) ?? [],
            parse.GetValue(output)!,
            parse.GetValue(noGit)));
        return command;
    }

    internal static int Run(string[] paths, DocsFormat format, string[] targets, string[] configs, string output, bool noGit)
    {
        var collection = RuleLoader.Load(paths);
        foreach (var error in collection.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            Console.Error.WriteLine(error.ToString());
        }

        var translator = format == DocsFormat.Analytic ? Translator(targets, configs) : null;
        var options = new DocsOptions { Dates = noGit ? PageDateSource.RuleDate : PageDateSource.GitBatch };
        DocsResult result = null!;
        var total = collection.Rules.Select(r => r.Source.File).Distinct(StringComparer.Ordinal).Count();
        if (Console.IsErrorRedirected || total < 200)
        {
            result = DocsGenerator.Generate(collection, format, output, translator, options);
        }
        else
        {
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Progress().Start(context =>
            {
                var task = context.AddTask("writing pages", maxValue: total);
                result = DocsGenerator.Generate(collection, format, output, translator, options, new Progress<int>(done => task.Value = done));
            });
        }

        foreach (var (tag, count) in result.UnknownAttackTags)
        {
            Console.Error.WriteLine($"unknown ATT&CK tag {tag} ({count} uses)");
        }

        Console.Error.WriteLine(
            $"{result.RuleFiles} rule files documented, {result.FilesWritten} files written to {output}; " +
            $"{collection.RulesWithErrors} rules with errors, {collection.FilesSkipped} files skipped, " +
            $"{result.UnknownAttackTags.Count} unknown ATT&CK tags");
        return collection.RulesWithErrors + collection.FilesSkipped > 0 ? CommandRunner.Findings : CommandRunner.Clean;
    }

    /// <summary>Translations of a rule for analytic pages; a target that cannot convert the rule is left out.</summary>
    private static RuleTranslator Translator(string[] targets, string[] configs)
    {
        LegacyConfigChain? shared = null;
        if (configs.Length > 0)
        {
            var (chain, errors) = LegacyConfigLoader.LoadChain(configs);
            shared = chain ?? throw new UsageException(string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
        }

        var backends = targets.Select(t =>
        {
            var (backend, errors) = shared is null ? ConversionTargets.CreateWithDefaultConfig(t) : ConversionTargets.Create(t, config: shared);
            return backend ?? throw new UsageException(string.Join(Environment.NewLine, errors.Select(e => e.Message)));
        }).ToList();
        return rule =>
        [
            .. backends.Select(b => (b.Name, Result: b.Convert(rule)))
                .Where(x => x.Result.IsConverted)
                .SelectMany(x => x.Result.Queries.Select(q => (x.Name, q))),
        ];
    }
}
