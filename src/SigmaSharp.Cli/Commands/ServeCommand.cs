using System.CommandLine;
using SigmaSharp.Web;

namespace SigmaSharp.Cli.Commands;

/// <summary><c>sigma serve [--port 8080] [--host 127.0.0.1]</c>: the local web converter; nothing leaves the machine.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { DefaultValueFactory = _ => 8080, Description = "TCP port to listen on." };
        var host = new Option<string>("--host") { DefaultValueFactory = _ => "127.0.0.1", Description = "IP address or localhost to bind; loopback unless told otherwise." };
        var command = new Command("serve", "Start the local web converter (a page and a JSON API) on this machine.") { port, host };
        command.SetAction(parse =>
        {
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            try
            {
                WebConverterApp.RunAsync(parse.GetValue(port), parse.GetValue(host)!, Console.Out, stop.Token).GetAwaiter().GetResult();
                return CommandRunner.Clean;
            }
            catch (Exception e) when (e is ArgumentException or IOException)
            {
                throw new UsageException(e.Message);
            }
        });
        return command;
    }
}
