using SigmaSharp.Cli;
using SigmaSharp.Cli.Commands;

namespace SigmaSharp.Tests.Cli;

/// <summary>These tests read what the whole command line writes to stderr, so no other test may write there meanwhile.</summary>
[CollectionDefinition(nameof(CommandRunnerTests), DisableParallelization = true)]
public sealed class CommandRunnerCollection;

[Collection(nameof(CommandRunnerTests))]
public sealed class CommandRunnerTests
{
    private static (int Exit, string Errors) Run(params string[] args) => RunWith(Program.CreateRoot(), args);

    private static (int Exit, string Errors) RunWith(System.CommandLine.RootCommand root, params string[] args)
    {
        var saved = Console.Error;
        var errors = new StringWriter();
        Console.SetError(errors);
        try
        {
            return (CommandRunner.Run(root, args), errors.ToString());
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

    [Fact]
    public void An_exception_no_input_should_cause_exits_70_and_says_it_is_a_bug()
    {
        var broken = new System.CommandLine.Command("broken");
        broken.SetAction((Func<System.CommandLine.ParseResult, int>)(_ => throw new InvalidOperationException("the bug")));
        var root = new System.CommandLine.RootCommand("test") { broken };
        var (exit, errors) = RunWith(root, "broken");
        Assert.Equal(CommandRunner.InternalError, exit);
        Assert.StartsWith("sigma: internal error", errors, StringComparison.Ordinal);
        Assert.Contains("the bug", errors, StringComparison.Ordinal);
    }
}
