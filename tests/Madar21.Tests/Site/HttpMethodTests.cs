using System.Net;
using Madar21.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Site;

public class HttpMethodTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private async Task<string> ArticlePathAsync()
    {
        await factory.StartAsync();
        var seed = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.SeedKey == "000_58416a67d00a4d59"));
        return $"/article/{seed.Id}/{Uri.EscapeDataString(seed.Slug)}";
    }

    private async Task<string> PathAsync(string url) => url == "{article}" ? await ArticlePathAsync() : url;

    [Theory]
    [InlineData("/")]
    [InlineData("{article}")]
    [InlineData("/section/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9")]
    [InlineData("/search?q=x")]
    [InlineData("/feed")]
    [InlineData("/section/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9/feed")]
    [InlineData("/sitemap.xml")]
    [InlineData("/news-sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/healthz")]
    [InlineData("/admin/login")]
    public async Task Every_public_url_answers_head_like_get(string url)
    {
        var path = await PathAsync(url);
        await factory.StartAsync();
        var client = factory.NewClient();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((await client.GetAsync(path)).Content.Headers.ContentType, response.Content.Headers.ContentType);
    }

    [Theory]
    [InlineData("PUT", "{article}", "GET, HEAD, POST")]
    [InlineData("DELETE", "{article}", "GET, HEAD, POST")]
    [InlineData("PATCH", "{article}", "GET, HEAD, POST")]
    [InlineData("TRACE", "{article}", "GET, HEAD, POST")]
    [InlineData("PUT", "/", "GET, HEAD")]
    [InlineData("POST", "/", "GET, HEAD")]
    [InlineData("DELETE", "/section/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9", "GET, HEAD")]
    [InlineData("PATCH", "/search?q=x", "GET, HEAD")]
    [InlineData("PUT", "/feed", "GET, HEAD")]
    [InlineData("DELETE", "/sitemap.xml", "GET, HEAD")]
    [InlineData("POST", "/robots.txt", "GET, HEAD")]
    [InlineData("PUT", "/admin/login", "GET, HEAD, POST")]
    [InlineData("DELETE", "/admin/articles", "GET, HEAD, POST")] // the list posts its bulk changes
    public async Task Any_other_method_gets_405_with_an_allow_header_and_the_arabic_error_page(string method, string url, string allow)
    {
        var path = await PathAsync(url);
        await factory.StartAsync();

        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "PUT" or "PATCH" or "POST") request.Content = new FormUrlEncodedContent([new("comment", "x")]);
        var response = await factory.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        if (!path.EndsWith(".xml", StringComparison.Ordinal) && !path.EndsWith(".txt", StringComparison.Ordinal) && !path.EndsWith("feed", StringComparison.Ordinal))
        {
            var page = await response.ParsePageAsync();
            Assert.Equal("طلب غير مقبول", page.QuerySelector("h1")!.Text());
        }
        Assert.DoesNotContain(factory.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{article}", HttpStatusCode.NoContent, "GET, HEAD, POST")]
    [InlineData("/", HttpStatusCode.NoContent, "GET, HEAD")]
    [InlineData("/feed", HttpStatusCode.MethodNotAllowed, "GET, HEAD")]
    [InlineData("/nothing-here", HttpStatusCode.NotFound, "")]
    public async Task Options_is_answered_with_the_allowed_methods(string url, HttpStatusCode status, string allow)
    {
        var path = await PathAsync(url);
        await factory.StartAsync();

        var response = await factory.NewClient().SendAsync(new HttpRequestMessage(HttpMethod.Options, path));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
    }
}
