using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SigmaSharp.Web.Api;
using SigmaSharp.Web.Assets;
using SigmaSharp.Web.Serving;

namespace SigmaSharp.Web;

/// <summary>
/// <c>sigma serve</c>: a local web converter. One static page and a JSON API on Kestrel, from the shared framework,
/// with everything bundled in this assembly. Safe by default: loopback only, 1 MB bodies, a time limit per request,
/// JSON errors without stack traces, no file system access from requests.
/// </summary>
public static class WebConverterApp
{
    /// <summary>Builds the app (not started). Throws <see cref="ArgumentException"/> for a host that is not an IP address or localhost.</summary>
    public static WebApplication Build(WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var listen = ListenAddress(options.Host);

        // The empty builder reads no appsettings.json from the working directory and no environment overrides:
        // what is served and where is decided here only.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "SigmaSharp.Web" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.RequestHeadersTimeout = options.RequestHeadersTimeout;
            kestrel.Limits.MaxConcurrentConnections = options.MaxConcurrentConnections;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(options.MinRequestBodyBytesPerSecond, options.MinRequestBodyGracePeriod);
            kestrel.Limits.KeepAliveTimeout = options.KeepAliveTimeout;
            if (listen is null)
            {
                kestrel.ListenLocalhost(options.Port);
            }
            else
            {
                kestrel.Listen(listen, options.Port);
            }
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(new ConversionGate(options.MaxConcurrentConversions, options.RequestTimeout));
        builder.Services.AddSingleton<ConfigChains>();

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = RequestGuards.WriteExceptionAsync });
        app.UseStatusCodePages(RequestGuards.WriteStatusAsync);
        app.Use(RequestGuards.SecurityHeaders);
        if (options.BindsLoopback)
        {
            app.Use(RequestGuards.LoopbackHostOnly);
        }

        app.UseRouting();
        MapRoutes(app);
        return app;
    }

    /// <summary>Builds the app, prints where it listens to <paramref name="output"/>, and serves until <paramref name="stopping"/> fires.</summary>
    public static async Task RunAsync(int port = 8080, string host = "127.0.0.1", TextWriter? output = null, CancellationToken stopping = default)
    {
        await using var app = Build(new WebOptions { Port = port, Host = host });
        await app.StartAsync(stopping);
        foreach (var url in ListeningUrls(app))
        {
            output?.WriteLine($"sigma serve: listening on {url} (Ctrl+C to stop)");
        }

        if (!new WebOptions { Host = host }.BindsLoopback)
        {
            output?.WriteLine("sigma serve: warning: bound to a non-loopback address; anyone who can reach it can use the converter");
        }

        await app.WaitForShutdownAsync(stopping);
    }

    /// <summary>The URLs a started app listens on (with the real port when 0 was asked for).</summary>
    public static IReadOnlyList<string> ListeningUrls(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
    }

    private static IPAddress? ListenAddress(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address)
            ? address
            : throw new ArgumentException($"--host must be an IP address or 'localhost', not '{host}'", nameof(host));
    }

    private static void MapRoutes(WebApplication app)
    {
        app.MapGet("/", (HttpContext c) => StaticAsset.Serve(c, "wwwroot/index.html"));
        app.MapGet("/assets/{name}", (HttpContext c, string name) => StaticAsset.Serve(c, "wwwroot/" + name));
        app.MapGet("/openapi.json", (HttpContext c) => StaticAsset.Serve(c, "openapi.json"));
        app.MapGet("/api/targets", CatalogEndpoints.Targets);
        app.MapGet("/api/pipelines", CatalogEndpoints.Pipelines);
        app.MapGet("/api/examples", CatalogEndpoints.Examples);
        app.MapPost("/api/convert", ConvertEndpoint.HandleAsync);
        app.MapPost("/api/check", RuleEndpoints.CheckAsync);
        app.MapPost("/api/preview", RuleEndpoints.PreviewAsync);
    }
}
