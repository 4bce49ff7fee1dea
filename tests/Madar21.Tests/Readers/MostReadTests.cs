using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Madar21.Web.Readers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Readers;

/// <summary>«الأكثر قراءة»: reads counted without cookies or addresses, cache hits included, bots not; the block follows on schedule.</summary>
public class MostReadTests
{
    private const string Browser = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

    private static string PathOf(Article a) => $"/article/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    private static async Task<HttpResponseMessage> ReadAsync(HttpClient client, string path, string? agent = Browser, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (agent is not null) request.Headers.TryAddWithoutValidation("User-Agent", agent);
        return await client.SendAsync(request);
    }

    private static Task<int> StoredViewsAsync(MadarFactory factory, int articleId) =>
        factory.WithDb(db => db.ArticleViews.Where(v => v.ArticleId == articleId).SumAsync(v => v.Views));

    [Fact]
    public async Task Reads_by_people_count_even_from_the_cache_and_crawlers_previews_and_prefetches_do_not()
    {
        using var factory = new MadarFactory();
        var client = await factory.StartAsync();
        var article = await AnArticle("مقال يقرؤه الناس").Published().SaveAsync(factory);
        var path = PathOf(article);

        await ReadAsync(client, path);
        Assert.NotNull((await ReadAsync(client, path)).Headers.Age); // served from the page cache, and counted
        Assert.NotNull((await ReadAsync(client, path)).Headers.Age);
        await ReadAsync(client, path, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        await ReadAsync(client, path, "facebookexternalhit/1.1");
        await ReadAsync(client, path, "WhatsApp/2.23.20.0 A");
        await ReadAsync(client, path, agent: null);
        await ReadAsync(client, path, method: HttpMethod.Head);
        var prefetch = new HttpRequestMessage(HttpMethod.Get, path);
        prefetch.Headers.TryAddWithoutValidation("User-Agent", Browser);
        prefetch.Headers.TryAddWithoutValidation("Sec-Purpose", "prefetch");
        await client.SendAsync(prefetch);
        await ReadAsync(client, "/article/999999/none"); // a 404 counts for nothing

        await factory.WithDb(db => factory.Services.GetRequiredService<ViewCounter>().FlushAsync(db, CancellationToken.None));

        Assert.Equal(3, await StoredViewsAsync(factory, article.Id));
        Assert.Empty(await factory.WithDb(db => db.ArticleViews.Where(v => v.ArticleId == 999999).ToListAsync()));
    }

    [Fact]
    public async Task The_block_follows_the_reads_at_its_refresh_and_evicts_only_the_pages_that_show_it()
    {
        using var factory = new MadarFactory();
        var client = await factory.StartAsync();
        var quiet = await AnArticle("مقال قليل القراءة").Published().SaveAsync(factory);
        var popular = await AnArticle("مقال كثير القراءة").Published().SaveAsync(factory);
        for (var i = 0; i < 3; i++) await ReadAsync(client, PathOf(popular));
        await ReadAsync(client, PathOf(quiet));

        var section = "/section/" + Uri.EscapeDataString("سياسة");
        foreach (var url in new[] { "/", section, PathOf(quiet) }) await client.GetAsync(url);
        foreach (var url in new[] { "/", section, PathOf(quiet) }) Assert.NotNull((await client.GetAsync(url)).Headers.Age);
        Assert.Null((await client.GetPageAsync("/")).QuerySelector(".most-read"));

        factory.Clock.Advance(new ReadersOptions().MostReadRefresh);
        HttpResponseMessage home;
        var waited = 0;
        do
        {
            await Task.Delay(20);
            home = await client.GetAsync("/");
        } while (home.Headers.Age is not null && (waited += 20) < 5000);

        Assert.Null(home.Headers.Age);
        var list = (await home.ParsePageAsync()).QuerySelectorAll(".most-read li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([PathOf(popular), PathOf(quiet)], list);
        Assert.Null((await client.GetAsync(PathOf(quiet))).Headers.Age); // article pages show it too
        Assert.NotNull((await client.GetAsync(section)).Headers.Age); // section pages do not: still cached
        Assert.Equal(3, await StoredViewsAsync(factory, popular.Id));
    }

    [Fact]
    public async Task Nothing_about_the_reader_is_stored()
    {
        using var factory = new MadarFactory();
        var client = await factory.StartAsync();
        var article = await AnArticle("مقال والخصوصية").Published().SaveAsync(factory);
        var response = await ReadAsync(client, PathOf(article));

        Assert.False(response.Headers.Contains("Set-Cookie"));
        var columns = await factory.WithDb(db => Task.FromResult(db.Model.FindEntityType(typeof(ArticleViews))!.GetProperties().Select(p => p.Name).Order().ToList()));
        Assert.Equal(["ArticleId", "Hour", "Views"], columns);
    }
}
