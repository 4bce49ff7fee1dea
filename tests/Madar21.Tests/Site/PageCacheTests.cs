using System.Net;
using System.Net.Http.Headers;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;
using static Madar21.Tests.Infrastructure.CommentBuilder;

namespace Madar21.Tests.Site;

/// <summary>
/// The shared page cache: what it serves, to whom, and that every change a reader could see evicts it at once.
/// A page is known to come from the cache by its Age header, and a fresh render by a new ETag.
/// </summary>
public class PageCacheTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private const string Home = "/";
    private static readonly string PoliticsUrl = "/section/" + Uri.EscapeDataString("سياسة");

    private async Task<HttpClient> StartAsync() => await factory.StartAsync();

    private Task<Article> AddArticleAsync(string title) => AnArticle(title).InSection("سياسة").Published().SaveAsync(factory);

    /// <summary>Changes the database behind the cache's back (ExecuteUpdate sends no save event).</summary>
    private Task SilentlyRetitleAsync(int id, string title) =>
        factory.WithDb(db => db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Title, title)));

    private static async Task<(HttpResponseMessage Response, string Body)> GetAsync(HttpClient client, string url, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        // The visible text: Razor writes Arabic as character references.
        return (response, Html.Parse(await response.Content.ReadAsStringAsync()).DocumentElement.TextContent);
    }

    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private static string ArticleUrl(Article a) => $"/article/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    [Fact]
    public async Task The_cache_keeps_one_entry_per_negotiated_encoding_whatever_accept_encoding_says()
    {
        var client = await StartAsync();
        var url = ArticleUrl(await AddArticleAsync("مقال لترميز الضغط"));
        async Task<HttpResponseMessage> WithEncodingAsync(string acceptEncoding) =>
            (await GetAsync(client, url, r => r.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding))).Response;

        var gzip = await WithEncodingAsync("gzip");
        var plain = await WithEncodingAsync("x-flood-0");
        Assert.False(FromCache(gzip));
        Assert.False(FromCache(plain));

        // Values never seen before, that negotiate to an encoding already stored: each is a cache hit, not a new entry.
        for (var i = 1; i <= 10; i++)
        {
            var junk = await WithEncodingAsync($"x-flood-{Guid.NewGuid():N}, identity;q=0.{i % 9 + 1}");
            Assert.True(FromCache(junk), $"identity variant {i} was rendered again");
            Assert.Empty(junk.Content.Headers.ContentEncoding);
            var gzipped = await WithEncodingAsync($"gzip;q=0.{i % 9 + 1}, x-flood-{Guid.NewGuid():N}");
            Assert.True(FromCache(gzipped), $"gzip variant {i} was rendered again");
            Assert.Equal("gzip", Assert.Single(gzipped.Content.Headers.ContentEncoding));
        }
        var brotli = await WithEncodingAsync("br, gzip");
        Assert.False(FromCache(brotli));
        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
        Assert.True(FromCache(await WithEncodingAsync("gzip, deflate, br, zstd")));
    }

    [Fact]
    public async Task Anonymous_pages_are_served_from_the_cache_the_second_time()
    {
        var client = await StartAsync();
        var article = await AddArticleAsync("مقال للتخزين المؤقت");
        foreach (var url in new[] { Home, PoliticsUrl, ArticleUrl(article) })
        {
            var (first, _) = await GetAsync(client, url);
            var (second, _) = await GetAsync(client, url);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.False(FromCache(first), url);
            Assert.True(FromCache(second), url);
            Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        }
    }

    [Fact]
    public async Task A_cached_page_answers_304_to_its_etag()
    {
        var client = await StartAsync();
        var (first, _) = await GetAsync(client, Home);
        var (second, _) = await GetAsync(client, Home, r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal("no-cache", first.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Page_parameters_vary_the_cache_and_tracking_parameters_do_not()
    {
        var client = await StartAsync();
        await GetAsync(client, PoliticsUrl + "?fbclid=one");
        var (tracked, _) = await GetAsync(client, PoliticsUrl + "?fbclid=two");
        Assert.True(FromCache(tracked));

        var (page2, _) = await GetAsync(client, PoliticsUrl + "?page=2");
        Assert.False(FromCache(page2));
    }

    [Fact]
    public async Task A_request_with_a_cookie_is_neither_served_from_nor_stored_in_the_cache()
    {
        var client = await StartAsync();
        var article = await AddArticleAsync("عنوان قبل التغيير الصامت");
        var url = ArticleUrl(article);
        await GetAsync(client, url);
        await SilentlyRetitleAsync(article.Id, "عنوان بعد التغيير الصامت");

        var (anonymous, anonymousBody) = await GetAsync(client, url);
        Assert.True(FromCache(anonymous));
        Assert.Contains("عنوان قبل التغيير الصامت", anonymousBody);

        var (withCookie, cookieBody) = await GetAsync(client, url, r => r.Headers.Add("Cookie", "session=editor"));
        Assert.False(FromCache(withCookie));
        Assert.Contains("عنوان بعد التغيير الصامت", cookieBody);

        var (withAuthorization, _) = await GetAsync(client, url, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "x"));
        Assert.False(FromCache(withAuthorization));
    }

    [Fact]
    public async Task A_page_rendered_for_a_request_with_a_cookie_is_not_stored_for_others()
    {
        var client = await StartAsync();
        var article = await AddArticleAsync("صفحة يطلبها محرر أولا");
        var url = ArticleUrl(article);

        await GetAsync(client, url, r => r.Headers.Add("Cookie", "pending=1"));
        var (anonymous, _) = await GetAsync(client, url);
        Assert.False(FromCache(anonymous));
    }

    [Fact]
    public async Task Publishing_an_article_evicts_the_lists()
    {
        var client = await StartAsync();
        await GetAsync(client, Home);
        await GetAsync(client, PoliticsUrl);

        await AddArticleAsync("خبر عاجل منشور الآن");

        Assert.Contains("خبر عاجل منشور الآن", (await GetAsync(client, Home)).Body);
        Assert.Contains("خبر عاجل منشور الآن", (await GetAsync(client, PoliticsUrl)).Body);
    }

    [Fact]
    public async Task Editing_an_article_evicts_its_page_and_the_lists()
    {
        var client = await StartAsync();
        var article = await AddArticleAsync("عنوان أول للتحرير");
        await GetAsync(client, Home);
        await GetAsync(client, ArticleUrl(article));

        await factory.WithDb(async db =>
        {
            var tracked = await db.Articles.SingleAsync(a => a.Id == article.Id);
            tracked.Title = "عنوان ثان بعد التحرير";
            tracked.BodyHtml = "<p>فقرة جديدة بعد التحرير</p>";
            await db.SaveChangesAsync();
        });

        Assert.Contains("عنوان ثان بعد التحرير", (await GetAsync(client, Home)).Body);
        Assert.Contains("فقرة جديدة بعد التحرير", (await GetAsync(client, ArticleUrl(article))).Body);
    }

    [Fact]
    public async Task Unpublishing_an_article_evicts_its_page_and_the_lists()
    {
        var client = await StartAsync();
        var article = await AddArticleAsync("مقال سيسحب من النشر");
        await GetAsync(client, Home);
        await GetAsync(client, ArticleUrl(article));

        await factory.WithDb(async db =>
        {
            (await db.Articles.SingleAsync(a => a.Id == article.Id)).Status = ArticleStatus.Draft;
            await db.SaveChangesAsync();
        });

        Assert.DoesNotContain("مقال سيسحب من النشر", (await GetAsync(client, Home)).Body);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, ArticleUrl(article))).Response.StatusCode);
    }

    [Fact]
    public async Task A_scheduled_article_appears_in_the_cached_lists_when_its_time_comes()
    {
        var client = await StartAsync();
        var dueAt = factory.Clock.GetUtcNow().UtcDateTime.AddHours(2);
        var article = await AnArticle("مقال مجدول للنشر لاحقا").ScheduledAt(dueAt).SaveAsync(factory);
        Assert.DoesNotContain("مقال مجدول للنشر لاحقا", (await GetAsync(client, Home)).Body);
        Assert.True(FromCache((await GetAsync(client, Home)).Response));

        factory.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));

        await Eventually(async () => (await GetAsync(client, Home)).Body.Contains("مقال مجدول للنشر لاحقا"));
        Assert.Contains("مقال مجدول للنشر لاحقا", (await GetAsync(client, PoliticsUrl)).Body);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, ArticleUrl(article))).Response.StatusCode);
    }

    [Fact]
    public async Task Approving_or_removing_a_comment_evicts_its_article_page_and_only_a_changed_count_evicts_the_lists()
    {
        var client = await StartAsync();
        var article = await AddArticleAsync("مقال عليه تعليقات");
        var other = await AddArticleAsync("مقال آخر بلا تعليقات");
        var comment = await AComment("تعليق ينتظر المراجعة").On(article).SaveAsync(factory);

        // Cards on every list (and the related articles under any article) show the approved count: approving or
        // trashing an approved comment makes them stale; deleting a comment already in the trash changes no count.
        foreach (var (change, countChanges) in new (Func<Task>, bool)[]
        {
            (() => factory.WithService<int, Madar21.Web.Comments.CommentModeration>(m => m.ApproveAsync([comment.Id], "moderator")), true),
            (() => factory.WithService<int, Madar21.Web.Comments.CommentModeration>(m => m.TrashAsync([comment.Id], "moderator")), true),
            (() => factory.WithService<int, Madar21.Web.Comments.CommentModeration>(m => m.DeleteAsync([comment.Id], "moderator")), false),
        })
        {
            var (before, _) = await GetAsync(client, ArticleUrl(article));
            await GetAsync(client, ArticleUrl(other));
            await change();
            var (after, _) = await GetAsync(client, ArticleUrl(article));
            Assert.False(FromCache(after));
            Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
            Assert.Equal(!countChanges, FromCache((await GetAsync(client, ArticleUrl(other))).Response));
        }
    }

    [Fact]
    public async Task Renaming_a_section_evicts_every_page()
    {
        var client = await StartAsync();
        var article = await AddArticleAsync("مقال في قسم سيعاد تسميته");
        await GetAsync(client, Home);
        await GetAsync(client, ArticleUrl(article));

        await factory.WithDb(async db =>
        {
            var section = await db.Sections.SingleAsync(s => s.Name == "سياسة");
            section.Name = "شؤون سياسية";
            db.SectionAliases.Add(new SectionAlias { Name = "سياسة", SectionId = section.Id });
            await db.SaveChangesAsync();
        });
        try
        {
            Assert.Contains("شؤون سياسية", (await GetAsync(client, Home)).Body);
            Assert.Contains("شؤون سياسية", (await GetAsync(client, ArticleUrl(article))).Body);
        }
        finally
        {
            await factory.WithDb(async db =>
            {
                (await db.Sections.SingleAsync(s => s.Name == "شؤون سياسية")).Name = "سياسة";
                db.SectionAliases.RemoveRange(db.SectionAliases);
                await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task A_save_inside_a_transaction_evicts_when_it_commits()
    {
        var client = await StartAsync();
        await GetAsync(client, Home);
        await factory.WithDb(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            AnArticle("مقال محفوظ داخل معاملة").Published().AddTo(db, factory.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            Assert.True(FromCache((await GetAsync(client, Home)).Response)); // not committed yet: nothing to show
            await transaction.CommitAsync();
        });
        Assert.Contains("مقال محفوظ داخل معاملة", (await GetAsync(client, Home)).Body);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail("condition not met within 5 s");
    }

    [Fact]
    public async Task A_signed_in_editor_never_gets_or_leaves_a_shared_page_and_no_cached_page_has_admin_links()
    {
        var reader = await StartAsync();
        var editor = await factory.SignedInAsEditorAsync();
        var article = await AddArticleAsync("مقال يقرؤه محرر");
        foreach (var url in new[] { Home, PoliticsUrl, ArticleUrl(article) })
        {
            await GetAsync(reader, url);
            var (cached, _) = await GetAsync(reader, url);
            Assert.True(FromCache(cached), url);

            var asEditor = await editor.GetAsync(url);
            Assert.Null(asEditor.Headers.Age);
        }

        // An editor first on a cold page: the next reader gets a fresh render, not the editor's.
        var fresh = await AddArticleAsync("مقال يفتحه المحرر أولا");
        await editor.GetAsync(ArticleUrl(fresh));
        var (afterEditor, _) = await GetAsync(reader, ArticleUrl(fresh));
        Assert.False(FromCache(afterEditor));

        foreach (var url in new[] { Home, PoliticsUrl, ArticleUrl(article), ArticleUrl(fresh) })
        {
            var html = await (await reader.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("href=\"/admin", html);
        }
    }
}
