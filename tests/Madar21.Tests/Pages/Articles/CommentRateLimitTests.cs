using System.Net;
using Madar21.Tests.Infrastructure;
using static Madar21.Tests.Pages.Articles.CommentTestKit;

namespace Madar21.Tests.Pages.Articles;

public class CommentRateLimitTests
{
    [Fact]
    public async Task The_sixth_post_in_a_minute_from_one_address_gets_429_with_an_arabic_message()
    {
        using var factory = CommentsFactory.WithDefaultRateLimit();
        await factory.StartAsync();
        var path = PathOf(await factory.SeedArticleAsync());
        var client = factory.ClientAt("203.0.113.10");

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.SeeOther, (await client.PostRawAsync(path, ValidValues())).StatusCode);
        var sixth = await client.PostRawAsync(path, ValidValues());

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.True(sixth.Headers.RetryAfter is not null);
        var doc = await sixth.ParsePageAsync();
        Assert.Equal("طلبات كثيرة", doc.QuerySelector("h1")!.Text());
        Assert.Equal(5, await factory.CommentCountAsync());

        // Reading is never limited, and another address has its own allowance.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await factory.ClientAt("203.0.113.11").PostRawAsync(path, ValidValues())).StatusCode);
    }

    [Fact]
    public async Task Without_a_remote_address_posts_still_share_one_limited_partition()
    {
        using var factory = CommentsFactory.WithDefaultRateLimit();
        var client = await factory.StartAsync();
        var path = PathOf(await factory.SeedArticleAsync());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await factory.NewClient().PostRawAsync(path, ValidValues())).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.SeeOther, 5), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task The_limit_comes_from_configuration()
    {
        using var factory = CommentsFactory.WithDefaultRateLimit();
        factory.With("Comments:PermitPerMinute", "2");
        await factory.StartAsync();
        var path = PathOf(await factory.SeedArticleAsync());
        var client = factory.ClientAt("203.0.113.12");

        Assert.Equal(HttpStatusCode.SeeOther, (await client.PostRawAsync(path, ValidValues())).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await client.PostRawAsync(path, ValidValues())).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostRawAsync(path, ValidValues())).StatusCode);
    }
}
