using System.CommandLine;
using SigmaSharp.Rules;
using Spectre.Console;

namespace SigmaSharp.Cli.Commands;

/// <summary><c>sigma list modifiers|validators|...</c>: what this build supports.</summary>
internal static class ListCommand
{
    private static readonly Dictionary<string, Func<IEnumerable<(string Name, string Description)>>> Lists = new(StringComparer.Ordinal)
    {
        ["modifiers"] = () => ModifierDescriptions.All,
        ["targets"] = () => SigmaSharp.Conversion.ConversionTargets.All.Select(t =>
                (t.Name, t.Description + (t.DefaultConfig is null ? string.Empty : $" (sigmac used -c {t.DefaultConfig})")))
            .Concat(SigmaSharp.Conversion.Modern.ModernTargets.All.Select(t => (t.Name, t.Description + " (pySigma conventions; -p pipelines)"))),
        ["pipelines"] = () => SigmaSharp.Pipelines.Processing.ProcessingPipelines.Shipped.Select(p =>
            (p.Name, $"{p.Description} (priority {p.Priority})")),
        ["configs"] = () => SigmaSharp.Pipelines.LegacyConfigLoader.ShippedNames.Select(n => (n, "sigmac-format field mapping and log source config")),
        ["validators"] = () => SigmaSharp.Validation.ValidatorRegistry.All.Select(v =>
            ($"{v.Code} {v.Name}", $"{v.DefaultSeverity.ToString().ToLowerInvariant()}: {v.Description}")),
    };

    public static Command Create()
    {
        var what = new Argument<string>("what") { Description = "What to list." };
        what.AcceptOnlyFromAmong([.. Lists.Keys]);
        var command = new Command("list", "List supported modifiers, validators, targets, configs and pipelines.") { what };
        command.SetAction(parse =>
        {
            var table = new Table().AddColumn("name").AddColumn("description");
            table.Border = TableBorder.Simple;
            foreach (var (name, description) in Lists[parse.GetValue(what)!]())
            {
                if (Console.IsOutputRedirected)
                {
                    Console.WriteLine($"{name}\t{description}");
                }
                else
                {
                    table.AddRow(Markup.Escape(name), Markup.Escape(description));
                }
            }

            if (!Console.IsOutputRedirected)
            {
                AnsiConsole.Write(table);
            }

            return CommandRunner.Clean;
        });
        return command;
    }

    internal static void Register(string name, Func<IEnumerable<(string Name, string Description)>> items) => Lists[name] = items;
}
