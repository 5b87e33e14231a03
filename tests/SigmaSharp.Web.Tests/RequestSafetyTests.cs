using System.Net;
using System.Text;
using System.Text.Json;

namespace SigmaSharp.Web.Tests;

/// <summary>The limits and error shapes that make the server safe to leave running.</summary>
public sealed class RequestSafetyTests(WebServer server) : IClassFixture<WebServer>
{
    [Fact]
    public async Task A_body_over_one_megabyte_is_413_json()
    {
        var rule = new string('a', 2 * 1024 * 1024);
        using var response = await server.PostJsonAsync("api/convert", new { rule, target = "splunk" });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("body-too-large", (await WebServer.JsonOf(response)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("api/convert")]
    [InlineData("api/check")]
    [InlineData("api/preview")]
    public async Task Malformed_json_is_400_json(string path)
    {
        using var response = await server.PostRawAsync(path, "{\"rule\": \"title: x\", ");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await WebServer.JsonOf(response);
        Assert.Equal("bad-json", json.GetProperty("code").GetString());
        Assert.Equal(400, json.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_json_value_of_the_wrong_shape_is_400_json()
    {
        using var response = await server.PostRawAsync("api/convert", "{\"rule\": 42, \"target\": \"splunk\"}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad-json", (await WebServer.JsonOf(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_form_post_is_415_so_other_sites_cannot_post_forms_here()
    {
        using var response = await server.PostRawAsync("api/convert", "rule=x&target=splunk", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_paths_and_methods_answer_json()
    {
        using var missing = await server.Client.GetAsync(new Uri("api/nothing", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("not-found", (await WebServer.JsonOf(missing)).GetProperty("code").GetString());
        using var method = await server.Client.GetAsync(new Uri("api/convert", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
        Assert.Equal("method-not-allowed", (await WebServer.JsonOf(method)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("assets/..%2F..%2Fappsettings.json")]
    [InlineData("assets/%2Fetc%2Fpasswd")]
    public async Task Asset_paths_reach_only_bundled_files(string path)
    {
        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Requests_for_other_host_names_are_refused_on_loopback()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/targets", UriKind.Relative));
        request.Headers.Host = "attacker.example";
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad-host", (await WebServer.JsonOf(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_page_is_served_with_a_strict_content_security_policy_and_no_external_urls()
    {
        using var response = await server.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var asset in new[] { "app.js", "app.css", "editor.js", "yaml-highlight.js", "url-state.js", "output-format.js" })
        {
            Assert.Contains(asset is "app.js" or "app.css" ? "/assets/" + asset : string.Empty, html, StringComparison.Ordinal);
            var text = await server.Client.GetStringAsync(new Uri("assets/" + asset, UriKind.Relative));
            Assert.DoesNotContain("http://", text, StringComparison.Ordinal);
            Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("http", html.Replace("http-equiv", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_refuses_a_host_name_it_would_have_to_resolve()
    {
        Assert.Throws<ArgumentException>(() => WebConverterApp.Build(new WebOptions { Host = "example.invalid", Port = 0 }));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("localhost", true)]
    [InlineData("::1", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("192.0.2.7", false)]
    public void Loopback_is_recognised(string host, bool loopback) =>
        Assert.Equal(loopback, new WebOptions { Host = host }.BindsLoopback);

    internal static string LargeRule(int values)
    {
        var text = new StringBuilder("title: Large\nlogsource:\n  product: windows\ndetection:\n  selection:\n    CommandLine|contains:\n");
        for (var i = 0; i < values; i++)
        {
            text.Append("      - 'value").Append(i).Append("'\n");
        }

        return text.Append("  condition: selection\n").ToString();
    }

    internal static string Serialize(object value) => JsonSerializer.Serialize(value);
}
