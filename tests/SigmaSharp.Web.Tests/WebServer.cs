using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace SigmaSharp.Web.Tests;

/// <summary>The real app on Kestrel, bound to 127.0.0.1 on a free port, shared by the tests of a class.</summary>
public sealed class WebServer : IAsyncLifetime
{
    private WebApplication? app;

    public WebServer()
        : this(new WebOptions { Port = 0 })
    {
    }

    internal WebServer(WebOptions options) => Options = options;

    internal WebOptions Options { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public HttpClient Client { get; private set; } = new();

    public async Task InitializeAsync()
    {
        app = WebConverterApp.Build(Options);
        await app.StartAsync();
        BaseAddress = new Uri(WebConverterApp.ListeningUrls(app).Single().TrimEnd('/') + "/");
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) =>
        PostRawAsync(path, JsonSerializer.Serialize(body));

    public Task<HttpResponseMessage> PostRawAsync(string path, string body, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return Client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
