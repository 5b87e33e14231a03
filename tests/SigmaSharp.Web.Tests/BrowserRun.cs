using System.Diagnostics;

namespace SigmaSharp.Web.Tests;

/// <summary>Runs a script of browser/ (Debian's chromium driven by playwright-core) and fails with its output when it fails.</summary>
internal static class BrowserRun
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static string Folder => Path.Combine(ExampleRule.RepositoryRoot, "tests", "SigmaSharp.Web.Tests", "browser");

    public static string? Node => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
        .Select(dir => Path.Combine(dir, "node"))
        .FirstOrDefault(File.Exists);

    /// <summary>What is missing for browser tests, or null when they can run.</summary>
    public static string? Missing()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        var missing = new List<string>();
        if (Node is null)
        {
            missing.Add("node");
        }

        if (!File.Exists(chromium))
        {
            missing.Add(chromium);
        }

        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "playwright-core")))
        {
            missing.Add("browser/node_modules (npm ci)");
        }

        return missing.Count == 0 ? null : $"{string.Join(", ", missing)} not found; run tests/SigmaSharp.Web.Tests/browser/install.sh";
    }

    public static async Task ScriptAsync(ITestOutputHelper output, params string[] arguments)
    {
        var start = new ProcessStartInfo(Node!, arguments)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{arguments[0]} took longer than {Limit.TotalMinutes} minutes\n{await stdout}");
        }

        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        Assert.True(process.ExitCode == 0, $"{arguments[0]} failed (exit {process.ExitCode}):\n{await stdout}\n{await stderr}");
    }
}

/// <summary>A fact skipped, with the reason shown, when node, chromium or playwright-core are not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserRun.Missing() is { } missing)
        {
            Skip = missing;
        }
    }
}
