namespace SigmaSharp.Web.Tests;

/// <summary>Runs browser/run-browser-tests.mjs against the real server.</summary>
public sealed class BrowserTests(WebServer server, ITestOutputHelper output) : IClassFixture<WebServer>
{
    [BrowserFact]
    public Task The_page_converts_checks_and_shares_in_a_real_browser() =>
        BrowserRun.ScriptAsync(output, "run-browser-tests.mjs", server.BaseAddress.ToString());
}
