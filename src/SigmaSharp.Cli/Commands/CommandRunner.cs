using System.CommandLine;

namespace SigmaSharp.Cli.Commands;

/// <summary>Runs the command line with the exit codes our users script against: 2 for any usage error.</summary>
internal static class CommandRunner
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int UsageError = 2;

    /// <summary>A bug of ours (sysexits' EX_SOFTWARE): the run stopped on an exception no input should cause.</summary>
    public const int InternalError = 70;

    public static int Run(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine("sigma: " + error.Message);
            }

            Console.Error.WriteLine("Run 'sigma --help' for usage.");
            return UsageError;
        }

        try
        {
            // Our own handling: the default handler would print a mistake in the command line as an unhandled exception
            // with its stack trace.
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine("sigma: " + e.Message);
            return UsageError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"sigma: internal error, please report it with what follows: {e}");
            return InternalError;
        }
    }
}

/// <summary>A mistake in the command line found after parsing (e.g. an unknown validator name).</summary>
internal sealed class UsageException(string message) : Exception(message);
