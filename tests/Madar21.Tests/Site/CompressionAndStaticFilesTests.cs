using System.IO.Compression;
using System.Net;
using Madar21.Tests.Infrastructure;

namespace Madar21.Tests.Site;

public class CompressionAndStaticFilesTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null) request.Headers.Add("Accept-Encoding", acceptEncoding);
        return await client.SendAsync(request);
    }

    private static async Task<string> DecodeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        Stream decoded = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            null => body,
            var other => throw new InvalidOperationException(other),
        };
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Pages_are_compressed_with_brotli_or_gzip_and_each_encoding_is_cached_apart()
    {
        var client = await factory.StartAsync();
        foreach (var round in new[] { "first", "cached" })
        {
            var brotli = await GetAsync(client, "/", "gzip, deflate, br");
            var gzip = await GetAsync(client, "/", "gzip");
            var plain = await GetAsync(client, "/", null);

            Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
            Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", brotli.Headers.Vary);
            var html = await DecodeAsync(plain);
            Assert.Equal(html, await DecodeAsync(brotli));
            Assert.Equal(html, await DecodeAsync(gzip));
            Assert.Equal(round == "cached", brotli.Headers.Age is not null);
        }
    }

    [Fact]
    public async Task The_stylesheet_is_fingerprinted_compressed_and_cached_for_a_year()
    {
        var client = await factory.StartAsync();
        var doc = await client.GetPageAsync("/");
        var href = doc.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches(@"^/css/site\.css\?v=[\w-]+$", href);

        var css = await GetAsync(client, href, "br");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", css.Headers.CacheControl!.ToString());
        Assert.Equal(["br"], css.Content.Headers.ContentEncoding);

        var unversioned = await GetAsync(client, "/css/site.css", null);
        Assert.NotEqual("public, max-age=31536000, immutable", unversioned.Headers.CacheControl?.ToString());
        Assert.NotNull(unversioned.Headers.ETag);
    }

    [Fact]
    public async Task The_icons_every_page_links_exist_and_browsers_asking_for_favicon_ico_get_one()
    {
        var client = await factory.StartAsync();
        var doc = await client.GetPageAsync("/");
        var icon = doc.QuerySelector("link[rel=icon][type='image/svg+xml']")!.GetAttribute("href")!;
        var touch = doc.QuerySelector("link[rel=apple-touch-icon]")!.GetAttribute("href")!;

        foreach (var (url, type) in new[] { (icon, "image/svg+xml"), (touch, "image/png"), ("/favicon.ico", "image/x-icon") })
        {
            var response = await GetAsync(client, url, null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }
    }
}

public class OutputCacheSwitchTests
{
    [Fact]
    public async Task With_the_cache_switched_off_every_request_is_rendered()
    {
        using var factory = new MadarFactory().With("Performance:OutputCache", "false");
        var client = await factory.StartAsync();
        await client.GetAsync("/");
        var second = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);
        Assert.Null(second.Headers.ETag);
    }
}
