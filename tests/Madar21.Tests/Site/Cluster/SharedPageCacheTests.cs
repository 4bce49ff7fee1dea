using System.Net;
using System.Text.Json;
using Madar21.Tests.Infrastructure;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Site.Cluster;

/// <summary>Two nodes on one database and one real Redis: one page cache, evicted everywhere at once.</summary>
public class SharedPageCacheTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private MadarFactory NodeWithRedis() =>
        new MadarFactory().With("Redis:Configuration", redis.Configuration).With("Redis:Prefix", $"test-{Guid.NewGuid():N}:");

    private static async Task<HttpResponseMessage> EventuallyAsync(Func<Task<HttpResponseMessage>> request, Func<HttpResponseMessage, bool> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var response = await request();
            if (done(response) || DateTime.UtcNow > deadline) return response;
            await Task.Delay(100);
        }
    }

    [SkippableFact]
    public async Task A_page_cached_by_one_node_is_served_by_the_other_and_an_eviction_on_one_reaches_the_others_copy_at_once()
    {
        redis.Require();
        using var a = NodeWithRedis();
        using var b = a.AnotherNode<MadarFactory>();
        await a.StartAsync();
        await b.StartAsync();
        var article = await AnArticle($"خبر قبل التعديل {Guid.NewGuid():N}").Published().SaveAsync(a);

        // Rendered by B (again, should the background related-lists save evict it meanwhile), stored in Redis and B's memory.
        var fromB = await EventuallyAsync(() => b.NewClient().GetAsync("/"), r => r.Headers.Age is not null, TimeSpan.FromSeconds(5));
        Assert.NotNull(fromB.Headers.Age);
        Assert.NotNull((await a.NewClient().GetAsync("/")).Headers.Age); // A never rendered it: it came from Redis
        Assert.Contains(article.Title, await fromB.Content.ReadAsStringAsync());

        var changed = $"خبر بعد التعديل {Guid.NewGuid():N}";
        await UpdateAsync(a, article.Id, x => x.Title = changed); // A's save evicts

        // B's copy in its own memory is dropped on A's word, which travels through Redis in a few milliseconds.
        var started = DateTime.UtcNow;
        var after = await EventuallyAsync(() => b.NewClient().GetAsync("/"),
            r => r.Content.ReadAsStringAsync().Result.Contains(changed), TimeSpan.FromSeconds(2));
        var html = await after.Content.ReadAsStringAsync();
        Assert.True(html.Contains(changed), $"B still served the old home page {(DateTime.UtcNow - started).TotalMilliseconds:0} ms after A's eviction");
        Assert.DoesNotContain(article.Title, html);
    }

    [SkippableFact]
    public async Task Without_Redis_a_node_serves_pages_uncached_and_says_so_on_healthz_until_Redis_is_back()
    {
        redis.Require();
        using var node = NodeWithRedis();
        var client = await node.StartAsync();
        Assert.NotNull((await EventuallyAsync(() => client.GetAsync("/"), r => r.Headers.Age is not null, TimeSpan.FromSeconds(5))).Headers.Age);
        var healthy = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("""{"status":"ok","database":"up","redis":"up"}""", await healthy.Content.ReadAsStringAsync());

        redis.Stop();
        try
        {
            var down = await EventuallyAsync(() => client.GetAsync("/healthz"), r => r.StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            using var report = JsonDocument.Parse(await down.Content.ReadAsStringAsync());
            Assert.Equal("down", report.RootElement.GetProperty("redis").GetString());
            Assert.Equal("up", report.RootElement.GetProperty("database").GetString());

            for (var i = 0; i < 3; i++)
            {
                var page = await client.GetAsync("/");
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Null(page.Headers.Age); // rendered every time, never an error page
                Assert.Contains("<main", await page.Content.ReadAsStringAsync());
            }
            Assert.Contains(node.Logs.Lines, line => line.Contains("Redis cannot be reached"));
        }
        finally
        {
            redis.Start();
        }

        var back = await EventuallyAsync(() => client.GetAsync("/healthz"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var cachedAgain = await EventuallyAsync(() => client.GetAsync("/"), r => r.Headers.Age is not null, TimeSpan.FromSeconds(5));
        Assert.NotNull(cachedAgain.Headers.Age);
    }
}
