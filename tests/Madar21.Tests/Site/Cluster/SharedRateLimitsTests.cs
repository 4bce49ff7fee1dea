using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;

namespace Madar21.Tests.Site.Cluster;

/// <summary>A client load-balanced over two nodes gets no more than from one: the limits are counted in Redis.</summary>
public class SharedRateLimitsTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private CommentsFactory NodeWithRedis() =>
        (CommentsFactory)new CommentsFactory().With("Redis:Configuration", redis.Configuration).With("Redis:Prefix", $"test-{Guid.NewGuid():N}:");

    [SkippableFact]
    public async Task Comment_posts_from_one_address_are_counted_once_across_nodes()
    {
        redis.Require();
        using var a = (CommentsFactory)NodeWithRedis().With("Comments:PermitPerMinute", "3");
        using var b = a.AnotherNode<CommentsFactory>();
        await a.StartAsync();
        await b.StartAsync();
        var path = CommentTestKit.PathOf(await a.SeedArticleAsync());
        const string address = "203.0.113.60";

        var answers = new List<HttpStatusCode>();
        foreach (var node in new[] { a, b, a, b })
            answers.Add((await node.ClientAt(address).PostCommentAsync(path, CommentTestKit.ValidValues($"تعليق {Guid.NewGuid():N}"))).StatusCode);

        // Per node, each would have accepted its two: four in all. Shared, the fourth is one too many.
        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(3, await a.CommentCountAsync());
        Assert.Equal(HttpStatusCode.SeeOther, (await b.ClientAt("203.0.113.61").PostCommentAsync(path, CommentTestKit.ValidValues())).StatusCode);
    }

    [SkippableFact]
    public async Task Sign_in_attempts_from_one_address_are_counted_once_across_nodes()
    {
        redis.Require();
        using var a = (CommentsFactory)NodeWithRedis().With("Admin:SignInAttemptsPerAddress", "2");
        using var b = a.AnotherNode<CommentsFactory>();
        await a.StartAsync();
        await b.StartAsync();
        const string address = "203.0.113.70";

        var answers = new List<HttpStatusCode>();
        foreach (var node in new[] { a, b, a })
            answers.Add((await node.ClientAt(address).LogInAsync("nobody@madar21.test", "not-the-password-at-all")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[2]);
        Assert.All(answers.Take(2), status => Assert.NotEqual(HttpStatusCode.TooManyRequests, status));
    }
}
