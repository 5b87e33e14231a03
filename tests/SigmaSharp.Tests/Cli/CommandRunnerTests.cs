using SigmaSharp.Cli;
using SigmaSharp.Cli.Commands;

namespace SigmaSharp.Tests.Cli;

/// <summary>These tests read what the whole command line writes to stderr, so no other test may write there meanwhile.</summary>
[CollectionDefinition(nameof(CommandRunnerTests), DisableParallelization = true)]
public sealed class CommandRunnerCollection;

[Collection(nameof(CommandRunnerTests))]
public sealed class CommandRunnerTests
{
    private static (int Exit, string Errors) Run(params string[] args)
    {
        var saved = Console.Error;
        var errors = new StringWriter();
        Console.SetError(errors);
        try
        {
            return (CommandRunner.Run(Program.CreateRoot(), args), errors.ToString());
        }
        finally
        {
            Console.SetError(saved);
        }
    }

    private static string Example(string name) => Path.Combine(RepositoryPaths.Root!, "examples", "rules", name);

    [Theory]
    [InlineData("convert", "-t", "pysigma-splunk", "-p", "no-such-pipeline")]
    [InlineData("convert", "-t", "no-such-target")]
    [InlineData("convert", "-t", "splunk", "-c", "no-such-config")]
    public void A_mistake_found_after_parsing_is_a_usage_error_without_a_stack_trace(params string[] args)
    {
        var (exit, errors) = Run([.. args, Example("proc_creation_win_whoami_priv.yml")]);
        Assert.Equal(CommandRunner.UsageError, exit);
        Assert.StartsWith("sigma: ", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }
}
