using System.Net;
using Madar21.Tests.Infrastructure;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages.Admin.Tags;

/// <summary>/admin/tags: each tag with its article count; staff only.</summary>
public class IndexTests(MadarFactory factory) : AdminTagTests(factory), IClassFixture<MadarFactory>
{
    [Fact]
    public async Task The_list_shows_each_tag_with_its_article_count_in_arabic()
    {
        await factory.StartAsync();
        var (one, eleven) = ("أ " + Unique("وسم مقال واحد"), "أ " + Unique("وسم أحد عشر"));
        await AnArticle(Unique("مقال")).TaggedWith(one).SaveAsync(factory);
        for (var i = 0; i < 11; i++) await AnArticle(Unique("مقال")).TaggedWith(eleven).Draft().SaveAsync(factory);
        var editor = await factory.SignedInAsEditorAsync();

        var page = await editor.GetPageAsync("/admin/tags");

        var rows = page.QuerySelectorAll(".admin-row").ToList();
        Assert.Contains("مقال واحد", rows.Single(r => r.Text().Contains(one)).Text());
        Assert.Contains("11 مقالًا", rows.Single(r => r.Text().Contains(eleven)).Text());
        Assert.Contains(page.QuerySelectorAll("nav.admin-nav a"), a => a.GetAttribute("href") == "/admin/tags");
    }

    [Fact]
    public async Task Only_staff_see_or_change_tags()
    {
        var client = await factory.StartAsync();
        var name = Unique("الرياضة");
        await AnArticle(Unique("مقال")).TaggedWith(name).SaveAsync(factory);
        var tag = await TagAsync(name);

        foreach (var url in new[] { "/admin/tags", $"/admin/tags/{tag.Id}/edit" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery());
        }
        var post = await client.PostAsync($"/admin/tags/{tag.Id}/edit", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "مسروق" }));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        var merge = await client.PostAsync($"/admin/tags/{tag.Id}/edit?handler=Merge", new FormUrlEncodedContent(new Dictionary<string, string> { ["into"] = "x", ["confirm"] = "true" }));
        Assert.NotEqual(HttpStatusCode.OK, merge.StatusCode);
        Assert.Equal(name, (await TagAsync(name)).Name);

        var editor = await factory.SignedInAsEditorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/tags/999999/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/tags?page=0")).StatusCode);
    }
}
