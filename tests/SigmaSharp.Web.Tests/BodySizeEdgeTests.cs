using System.Net;
using System.Text;

namespace SigmaSharp.Web.Tests;

/// <summary>The request body budget at its edge: a body of exactly the limit is read, one byte more is 413 body-too-large.</summary>
public sealed class BodySizeEdgeTests : IAsyncLifetime
{
    private const int Limit = 4096;

    private readonly WebServer server = new(new WebOptions { Port = 0, MaxRequestBodyBytes = Limit });

    public Task InitializeAsync() => server.InitializeAsync();

    public Task DisposeAsync() => server.DisposeAsync();

    // {"rule":"aaa…","target":"splunk"} padded with the rule text to exactly the wanted size.
    private static string Body(int bytes)
    {
        const string Prefix = "{\"rule\":\"", Suffix = "\",\"target\":\"splunk\"}";
        return Prefix + new string('a', bytes - Prefix.Length - Suffix.Length) + Suffix;
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_read_and_one_byte_more_is_413()
    {
        Assert.Equal(Limit, Encoding.UTF8.GetByteCount(Body(Limit)));
        using (var atLimit = await server.PostRawAsync("api/convert", Body(Limit)))
        {
            Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, atLimit.StatusCode);
        }

        using var over = await server.PostRawAsync("api/convert", Body(Limit + 1));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Equal("body-too-large", (await WebServer.JsonOf(over)).GetProperty("code").GetString());
    }
}
