using System.Diagnostics;

namespace SigmaSharp.Web.Tests;

/// <summary>
/// Runs browser/run-browser-tests.mjs (Debian's chromium driven by playwright-core) against the real server.
/// Skipped, with a message, when node, chromium or browser/node_modules are missing: browser/install.sh installs them.
/// </summary>
public sealed class BrowserTests(WebServer server, ITestOutputHelper output) : IClassFixture<WebServer>
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_page_converts_checks_and_shares_in_a_real_browser()
    {
        var folder = Path.Combine(ExampleRule.RepositoryRoot, "tests", "SigmaSharp.Web.Tests", "browser");
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        var node = FindOnPath("node");
        var missing = new List<string>();
        if (node is null)
        {
            missing.Add("node");
        }

        if (!File.Exists(chromium))
        {
            missing.Add(chromium);
        }

        if (!Directory.Exists(Path.Combine(folder, "node_modules", "playwright-core")))
        {
            missing.Add("browser/node_modules (npm ci)");
        }

        if (missing.Count > 0)
        {
            output.WriteLine($"skipped: {string.Join(", ", missing)} not found; run tests/SigmaSharp.Web.Tests/browser/install.sh");
            return;
        }

        var start = new ProcessStartInfo(node!, ["run-browser-tests.mjs", server.BaseAddress.ToString()])
        {
            WorkingDirectory = folder,
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
            Assert.Fail($"browser tests took longer than {Limit.TotalMinutes} minutes\n{await stdout}");
        }

        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        Assert.True(process.ExitCode == 0, $"browser tests failed (exit {process.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
