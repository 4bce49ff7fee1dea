using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;

namespace Madar21.Tests.Site;

/// <summary>
/// Whatever shows a visitor something of their own says <c>Cache-Control: private, no-store</c>, so that no shared
/// proxy hands one commenter's name and email, or an editor's page, to someone else; the pages everybody shares
/// stay cacheable.
/// </summary>
public class PrivateResponsesTests(CommentsFactory factory) : IClassFixture<CommentsFactory>
{
    private const string Private = "private, no-store";

    [Fact]
    public async Task An_article_page_filled_from_the_remember_me_cookie_is_private()
    {
        await factory.StartAsync();
        var path = CommentTestKit.PathOf(await factory.SeedArticleAsync());
        var commenter = factory.NewClient();
        var values = CommentTestKit.ValidValues();
        values["remember"] = "yes";
        Assert.Equal(HttpStatusCode.SeeOther, (await commenter.PostCommentAsync(path, values)).StatusCode);
        await commenter.GetAsync(path); // takes the pending notice

        var remembered = await commenter.GetAsync(path);

        Assert.Contains("said.idrissi@example.ma", await remembered.Content.ReadAsStringAsync());
        Assert.Equal(Private, CacheControl(remembered));
        Assert.Null(remembered.Headers.ETag);
        Assert.NotEqual(Private, CacheControl(await factory.NewClient().GetAsync(path)));
    }

    [Fact]
    public async Task The_pending_notice_the_refused_form_and_the_post_that_sets_cookies_are_private()
    {
        await factory.StartAsync();
        var path = CommentTestKit.PathOf(await factory.SeedArticleAsync());
        var commenter = factory.NewClient();

        var posted = await commenter.PostCommentAsync(path, CommentTestKit.ValidValues());
        var notice = await commenter.GetAsync(path);
        var refusedValues = CommentTestKit.ValidValues();
        refusedValues["comment"] = "";
        var refused = await commenter.PostCommentAsync(path, refusedValues);

        Assert.Equal(Private, CacheControl(posted));
        Assert.Contains("تعليقك بانتظار المراجعة", await notice.Content.ReadAsStringAsync());
        Assert.Equal(Private, CacheControl(notice));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("said.idrissi@example.ma", await refused.Content.ReadAsStringAsync());
        Assert.Equal(Private, CacheControl(refused));
    }

    [Fact]
    public async Task Every_admin_page_an_admin_can_reach_is_private()
    {
        await factory.StartAsync();
        await factory.CreateStaffAsync($"editor-{Guid.NewGuid():N}@madar21.test", Madar21.Web.Admin.StaffRoles.Editor);
        var admin = await factory.SignedInAsAdminAsync();
        Assert.Equal(Private, CacheControl(await factory.NewClient().GetAsync("/admin/login")));

        // Every /admin link found from /admin, followed breadth-first: the scan finds new pages by itself.
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/admin" };
        var queue = new Queue<string>(seen);
        var scanned = 0;
        while (queue.TryDequeue(out var url) && scanned < 60)
        {
            var response = await admin.GetAsync(url);
            scanned++;
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.True(CacheControl(response) == Private, $"{url}: Cache-Control {CacheControl(response)}");
            var doc = await response.ParsePageAsync();
            foreach (var link in doc.QuerySelectorAll("a[href^='/admin']").Select(a => a.GetAttribute("href")!.Split('#')[0]))
                if (!link.StartsWith("/admin/logout", StringComparison.Ordinal) && seen.Add(link))
                    queue.Enqueue(link);
        }

        Assert.True(scanned >= 8, $"only {scanned} admin pages found: {string.Join(", ", seen)}");
        Assert.Contains(seen, url => url.Contains("/edit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signed_in_staff_get_even_public_pages_as_private()
    {
        var admin = await factory.SignedInAsAdminAsync();

        Assert.Equal(Private, CacheControl(await admin.GetAsync("/")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/feed")]
    [InlineData("/sitemap.xml")]
    [InlineData("/css/site.css")]
    public async Task Pages_everyone_shares_are_not_marked_private(string url)
    {
        var client = await factory.StartAsync();

        var response = await client.GetAsync(url);

        Assert.DoesNotContain("private", CacheControl(response));
        Assert.DoesNotContain("no-store", CacheControl(response));
    }

    private static string CacheControl(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Cache-Control", out var values) ? values.ToString() : "";
}
