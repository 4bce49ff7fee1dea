using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;

namespace Madar21.Tests.Site;

/// <summary>The article page with its comment form: what a commenter sees never reaches the shared cache, and moderation evicts.</summary>
public class CommentPageCacheTests(CommentsFactory factory) : IClassFixture<CommentsFactory>
{
    [Fact]
    public async Task The_pending_notice_is_never_cached_and_an_approved_comment_shows_at_once()
    {
        var reader = await factory.StartAsync();
        var article = await factory.SeedArticleAsync();
        var path = CommentTestKit.PathOf(article);
        await reader.GetAsync(path);
        Assert.NotNull((await reader.GetAsync(path)).Headers.Age); // cached for anonymous readers

        // The commenter's browser keeps cookies: its own client.
        var commenter = factory.NewClient();
        var text = $"تعليق ينتظر الموافقة {Guid.NewGuid():N}";
        var posted = await commenter.PostCommentAsync(path, CommentTestKit.ValidValues(text));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.True(posted.Headers.Contains("Set-Cookie"));

        var own = await commenter.GetAsync(path);
        Assert.Null(own.Headers.Age);
        Assert.Contains("تعليقك بانتظار المراجعة", await own.Content.ReadAsStringAsync());

        for (var i = 0; i < 2; i++)
        {
            var other = await factory.NewClient().GetAsync(path);
            var html = await other.Content.ReadAsStringAsync();
            Assert.DoesNotContain("تعليقك بانتظار المراجعة", html);
            Assert.DoesNotContain(text, html);
        }

        var comment = await factory.CommentWithTextAsync(text);
        await factory.ApproveAsync(comment.Id);

        var afterApproval = await factory.NewClient().GetAsync(path);
        Assert.Null(afterApproval.Headers.Age);
        Assert.Contains(text, await afterApproval.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reader_who_asked_to_be_remembered_gets_fresh_article_pages_and_cached_lists()
    {
        await factory.StartAsync();
        var article = await factory.SeedArticleAsync();
        var path = CommentTestKit.PathOf(article);
        var commenter = factory.NewClient();
        var values = CommentTestKit.ValidValues();
        values["remember"] = "yes";
        await commenter.PostCommentAsync(path, values);

        // The remember-me cookie is scoped to /article: the home page stays shared for this reader.
        await factory.NewClient().GetAsync("/");
        Assert.NotNull((await commenter.GetAsync("/")).Headers.Age);
        await commenter.GetAsync(path);
        Assert.Null((await commenter.GetAsync(path)).Headers.Age);
    }

    [Fact]
    public async Task Feeds_sitemaps_and_search_are_cached_and_evicted_with_the_lists()
    {
        var client = await factory.StartAsync();
        foreach (var url in new[] { "/feed", "/sitemap.xml", "/news-sitemap.xml", "/search?q=" + Uri.EscapeDataString("بلينكين") })
        {
            await client.GetAsync(url);
            var second = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.NotNull(second.Headers.Age);
        }

        var title = $"بلينكين يصل إلى الرباط {Guid.NewGuid():N}"[..40];
        await ArticleBuilder.AnArticle(title).Published().SaveAsync(factory);

        Assert.Contains(title, await client.GetStringAsync("/feed"));
        Assert.Contains(title, await client.GetStringAsync("/news-sitemap.xml"));
        var search = await client.GetPageAsync("/search?q=" + Uri.EscapeDataString("بلينكين"));
        Assert.Contains(search.QuerySelectorAll("a"), a => a.Text() == title);
    }
}
