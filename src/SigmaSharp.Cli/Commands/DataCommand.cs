using System.CommandLine;
using SigmaSharp.Documentation.Attack;

namespace SigmaSharp.Cli.Commands;

/// <summary><c>sigma data attack-table BUNDLE... -o FILE</c>: regenerate the shipped ATT&amp;CK table from MITRE STIX bundles.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var bundles = new Argument<string[]>("bundles") { Arity = ArgumentArity.OneOrMore, Description = "MITRE ATT&CK STIX bundles (enterprise-attack.json, ...)." };
        var output = new Option<string>("--output", "-o") { Description = "Table file to write.", Required = true };
        var version = new Option<string?>("--attack-version") { Description = "ATT&CK version when the bundles do not say it." };
        var attack = new Command("attack-table", "Build data/attack.tsv from STIX bundles.") { bundles, output, version };
        attack.SetAction(parse =>
        {
            var args = new List<string>(parse.GetValue(bundles)!) { "-o", parse.GetValue(output)! };
            if (parse.GetValue(version) is { } v)
            {
                args.AddRange(["--attack-version", v]);
            }

            return AttackTableGenerator.Run(args, Console.Error) == 0 ? CommandRunner.Clean : CommandRunner.UsageError;
        });
        return new Command("data", "Maintain the data SigmaSharp ships.") { attack };
    }
}
