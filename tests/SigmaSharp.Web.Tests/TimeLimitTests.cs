using System.Net;

namespace SigmaSharp.Web.Tests;

/// <summary>A server whose time limit is far below what a large rule needs: the request ends on time with JSON.</summary>
public sealed class TimeLimitTests : IAsyncLifetime
{
    private readonly WebServer server = new(new WebOptions { Port = 0, RequestTimeout = TimeSpan.FromMilliseconds(1), MaxConcurrentConversions = 2 });

    public Task InitializeAsync() => server.InitializeAsync();

    public Task DisposeAsync() => server.DisposeAsync();

    [Theory]
    [InlineData("api/convert")]
    [InlineData("api/check")]
    public async Task Work_past_the_time_limit_is_503_json(string path)
    {
        var rule = RequestSafetyTests.LargeRule(20_000);
        using var response = await server.PostJsonAsync(path, new { rule, target = "splunk" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var json = await WebServer.JsonOf(response);
        Assert.Equal("timeout", json.GetProperty("code").GetString());
        Assert.Equal(503, json.GetProperty("status").GetInt32());
    }
}
