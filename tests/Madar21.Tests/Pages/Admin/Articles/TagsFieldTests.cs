using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Madar21.Web.Tags;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Articles;

/// <summary>The «الوسوم» field of the article form.</summary>
public class TagsFieldTests(MadarFactory madar) : AdminArticleTests(madar), IClassFixture<MadarFactory>
{
    private async Task<List<string>> TagsOfAsync(int articleId) =>
        await factory.WithDb(db => db.ArticleTags.Where(t => t.ArticleId == articleId).Select(t => t.Tag!.Name).OrderBy(n => n).ToListAsync());

    private async Task<HttpResponseMessage> NewAsync(HttpClient editor, string title, string tags) =>
        await SubmitArticleAsync(editor, "/admin/articles/new", new()
        {
            ["title"] = title, ["section"] = await SectionIdAsync(), ["body"] = "نص.", ["status"] = "Published", ["tags"] = tags,
        });

    [Fact]
    public async Task Tags_typed_in_either_spelling_are_one_tag_shown_as_first_written()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (first, second) = (Unique("مقال أول"), Unique("مقال ثان"));

        await NewAsync(editor, first, $"الأمن الغذائي {suffix}، كوفيد-19 {suffix}");
        await NewAsync(editor, second, $"الامن الغذائى {suffix} , كوفيد ١٩ {suffix}");

        var ids = await factory.WithDb(db => db.Articles.Where(a => a.Title == first || a.Title == second).Select(a => a.Id).ToListAsync());
        foreach (var id in ids) Assert.Equal(2, (await TagsOfAsync(id)).Count);
        var names = await factory.WithDb(db => db.Tags.Where(t => t.Name.EndsWith(suffix)).Select(t => t.Name).OrderBy(n => n).ToListAsync());
        Assert.Equal([$"الأمن الغذائي {suffix}", $"كوفيد-19 {suffix}"], names);
        Assert.Equal(4, await factory.WithDb(db => db.ArticleTags.CountAsync(t => ids.Contains(t.ArticleId))));
    }

    [Fact]
    public async Task The_edit_form_shows_the_tags_and_saving_replaces_them()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var title = Unique("مقال للتعديل");
        await NewAsync(editor, title, "الصحة، التعليم");
        var id = await factory.WithDb(db => db.Articles.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());
        var url = $"/admin/articles/{id}/edit";

        var form = (await editor.GetPageAsync(url)).Form("form.article-form");
        Assert.Equal("التعليم، الصحة", form.QuerySelector("input[name=tags]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("label[for=Tags]"));

        var saved = await SubmitArticleAsync(editor, url, new() { ["tags"] = "الصحه، الرياضة" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["الرياضة", "الصحة"], await TagsOfAsync(id));

        await SubmitArticleAsync(editor, url, new() { ["tags"] = "" });
        Assert.Empty(await TagsOfAsync(id));
    }

    public static TheoryData<string, string> BadTags() => new()
    {
        { string.Join("، ", Enumerable.Range(1, 100).Select(i => $"وسم رقم {i}")), "20 وسمًا على الأكثر" },
        { new string('ت', 5000), "أطول من 60 حرفًا" },
        { "؟؟؟، !!!", "لا يحتوي على حرف أو رقم" },
    };

    [Theory]
    [MemberData(nameof(BadTags))]
    public async Task Bad_tags_are_refused_in_arabic_keeping_everything_typed(string tags, string message)
    {
        var editor = await factory.SignedInAsEditorAsync();
        var title = Unique("مقال بوسوم خاطئة");

        var response = await NewAsync(editor, title, tags);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParsePageAsync();
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for=Tags]")!.Text());
        Assert.Contains(message, page.QuerySelector(".form-errors")!.Text());
        Assert.Equal(tags, page.QuerySelector("input[name=tags]")!.GetAttribute("value"));
        Assert.Equal(title, page.QuerySelector("input[name=title]")!.GetAttribute("value"));
        Assert.False(await factory.WithDb(db => db.Articles.AnyAsync(a => a.Title == title)));
    }

    [Fact]
    public async Task An_article_saved_without_tags_has_none_and_no_tag_is_made()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var before = await factory.WithDb(db => db.Tags.CountAsync());
        var title = Unique("بلا وسوم");

        await NewAsync(editor, title, " ، , ");

        var id = await factory.WithDb(db => db.Articles.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());
        Assert.Empty(await TagsOfAsync(id));
        Assert.Equal(before, await factory.WithDb(db => db.Tags.CountAsync()));
    }

    [Fact]
    public async Task A_draft_is_kept_off_its_tags_listing_until_published()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var title = Unique("مسودة موسومة");
        var values = new Dictionary<string, string> { ["title"] = title, ["section"] = await SectionIdAsync(), ["body"] = "نص.", ["status"] = "Draft", ["tags"] = Unique("وسم") };
        await SubmitArticleAsync(editor, "/admin/articles/new", values);
        var article = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Title == title));
        Assert.Null(await factory.WithDb(db => db.ArticleTags.Where(t => t.ArticleId == article.Id).Select(t => t.ListedAt).SingleAsync()));

        await SubmitArticleAsync(editor, $"/admin/articles/{article.Id}/edit", new() { ["status"] = "Published" });

        var published = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id));
        Assert.Equal(ArticleStatus.Published, published.Status);
        Assert.Equal(published.PublishedAt, await factory.WithDb(db => db.ArticleTags.Where(t => t.ArticleId == article.Id).Select(t => t.ListedAt).SingleAsync()));
        var slug = await factory.WithDb(db => db.ArticleTags.Where(t => t.ArticleId == article.Id).Select(t => t.Tag!.Slug).SingleAsync());
        Assert.Contains(title, (await factory.NewClient().GetPageAsync(TagQueries.UrlOf(slug))).QuerySelector("main")!.Text());
    }
}
