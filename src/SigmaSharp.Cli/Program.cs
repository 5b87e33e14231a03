using System.CommandLine;
using SigmaSharp.Cli.Commands;

namespace SigmaSharp.Cli;

internal static class Program
{
    public static int Main(string[] args) => CommandRunner.Run(CreateRoot(), args);

    internal static RootCommand CreateRoot()
    {
        var root = new RootCommand("sigma: check, convert, scan and document Sigma detection rules.");
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(ConvertCommand.Create());
        root.Subcommands.Add(ScanCommand.Create());
        root.Subcommands.Add(DocsCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ListCommand.Create());
        root.Subcommands.Add(DataCommand.Create());
        return root;
    }
}
