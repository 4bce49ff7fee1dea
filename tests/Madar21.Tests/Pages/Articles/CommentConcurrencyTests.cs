using System.Net;
using Madar21.Web.Models;
using static Madar21.Tests.Pages.Articles.CommentTestKit;

namespace Madar21.Tests.Pages.Articles;

public class CommentConcurrencyTests
{
    /// <summary>The app this class runs on: a new one per test (SQLite here, PostgreSQL in its subclass).</summary>
    protected virtual CommentsFactory NewFactory() => new();

    [SkippableFact]
    public async Task Twenty_clients_posting_ten_comments_each_at_once_all_get_303_and_exactly_200_rows_exist()
    {
        using var factory = NewFactory(); // per-address limit raised for this test
        await factory.StartAsync();
        var path = PathOf(await factory.SeedArticleAsync());
        var clients = Enumerable.Range(0, 20).Select(i => factory.ClientAt($"198.51.100.{i + 1}")).ToList();
        using var start = new SemaphoreSlim(0);

        var work = clients.Select((client, c) => Task.Run(async () =>
        {
            await start.WaitAsync();
            var statuses = new List<HttpStatusCode>();
            for (var n = 0; n < 10; n++)
            {
                var values = ValidValues($"تعليق {n} من القارئ {c}");
                values["email"] = $"reader{c}@example.ma";
                statuses.Add((await client.PostRawAsync(path, values)).StatusCode);
            }
            return statuses;
        })).ToList();
        start.Release(clients.Count);
        var results = (await Task.WhenAll(work)).SelectMany(s => s).ToList();

        Assert.Equal(200, results.Count);
        Assert.NotEmpty(results);
        Assert.All(results, status => Assert.Equal(HttpStatusCode.SeeOther, status));
        var rows = await factory.CommentsAsync();
        Assert.Equal(200, rows.Count);
        Assert.Equal(200, rows.Select(r => r.Text).Distinct().Count());
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(CommentStatus.Pending, r.Status));
        Assert.DoesNotContain("database is locked", factory.Logs.AllText);
    }
}
