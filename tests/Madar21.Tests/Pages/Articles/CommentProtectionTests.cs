using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Pages.Articles.CommentTestKit;

namespace Madar21.Tests.Pages.Articles;

/// <summary>What stands between the form and the database: origin checks, closed comments, forwarded addresses.</summary>
public class CommentProtectionTests(CommentsFactory factory) : IClassFixture<CommentsFactory>
{
    private async Task<(HttpClient Client, string Path)> ArticleAsync()
    {
        var client = await factory.StartAsync();
        return (client, PathOf(await factory.SeedArticleAsync()));
    }

    public static TheoryData<string, string> CrossOriginHeaders => new()
    {
        { "Sec-Fetch-Site", "cross-site" },
        { "Sec-Fetch-Site", "same-site" },
        { "Origin", "https://elsewhere.example" },
        { "Origin", "http://localhost.elsewhere.example" },
        { "Origin", "null" },
    };

    [Theory]
    [MemberData(nameof(CrossOriginHeaders))]
    public async Task A_cross_origin_post_gets_403_and_stores_nothing(string header, string value)
    {
        var (client, path) = await ArticleAsync();
        var before = await factory.CommentCountAsync();

        var response = await client.PostRawAsync(path, ValidValues(), (header, value));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("غير مسموح", (await response.ParsePageAsync()).QuerySelector("h1")!.Text());
        Assert.Equal(before, await factory.CommentCountAsync());
    }

    [Fact]
    public async Task Sec_fetch_site_wins_over_an_origin_matching_the_host()
    {
        var (client, path) = await ArticleAsync();
        var response = await client.PostRawAsync(path, ValidValues(),
            ("Host", "madar21.example"), ("Sec-Fetch-Site", "cross-site"), ("Origin", "http://madar21.example"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Without_sec_fetch_site_an_origin_matching_the_host_header_passes()
    {
        var (client, path) = await ArticleAsync();
        var response = await client.PostRawAsync(path, ValidValues(), ("Host", "madar21.example:8080"), ("Origin", "https://madar21.example:8080"));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    public static TheoryData<string[]> SameOriginHeaders => new()
    {
        new[] { "Sec-Fetch-Site", "same-origin" },
        new[] { "Sec-Fetch-Site", "none" },
        new[] { "Sec-Fetch-Site", "same-origin", "Origin", "http://localhost" },
        new[] { "Origin", "http://localhost" },
        Array.Empty<string>(),
    };

    [Theory]
    [MemberData(nameof(SameOriginHeaders))]
    public async Task A_same_origin_or_non_browser_post_passes_on_to_validation(string[] headers)
    {
        var (client, path) = await ArticleAsync();
        var values = ValidValues();
        var pairs = headers.Chunk(2).Select(h => (h[0], h[1])).ToArray();

        var response = await client.PostRawAsync(path, values, pairs);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(CommentStatus.Pending, (await factory.CommentWithTextAsync(values["comment"]!)).Status);
        var invalid = await client.PostRawAsync(path, new Dictionary<string, string?> { ["comment"] = "" }, pairs);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task A_cross_origin_get_of_the_article_is_allowed()
    {
        var (client, path) = await ArticleAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_article_gets_404_and_stores_nothing()
    {
        var (client, _) = await ArticleAsync();
        var before = await factory.CommentCountAsync();
        var response = await client.PostRawAsync("/article/999999/x", ValidValues());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await factory.CommentCountAsync());
    }

    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_peer_are_ignored()
    {
        var (_, path) = await ArticleAsync();
        var client = factory.ClientAt("198.51.100.20");
        var values = ValidValues();

        await client.PostRawAsync(path, values, ("X-Forwarded-For", "192.0.2.99"));

        Assert.Equal("198.51.100.20", (await factory.CommentWithTextAsync(values["comment"]!)).IpAddress);
    }
}

public class CommentsClosedTests
{
    [Fact]
    public async Task A_post_to_an_article_with_comments_closed_gets_403_stores_nothing_and_the_page_has_no_form()
    {
        using var factory = new CommentsFactory();
        var client = await factory.StartAsync();
        var article = await factory.SeedArticleAsync();
        await factory.WithDb(db => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.CommentsOpen, false)));
        var path = PathOf(article);

        var response = await client.PostRawAsync(path, ValidValues());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await factory.CommentCountAsync());
        var doc = await client.GetPageAsync(path);
        Assert.Null(doc.QuerySelector("form.comment-form"));
        Assert.Equal("التعليقات مغلقة.", doc.QuerySelector(".comments-closed")!.Text());
    }
}
