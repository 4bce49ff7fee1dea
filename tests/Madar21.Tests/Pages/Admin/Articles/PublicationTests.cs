using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Madar21.Web.Site.Dates;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Articles;

/// <summary>
/// What an editor sets by hand on a published article (its publication date, its slug), and «آخر تحديث»: shown when
/// the title, summary or text changed after publication, not for any other change.
/// </summary>
public class PublicationTests(MadarFactory madar) : AdminArticleTests(madar), IClassFixture<MadarFactory>
{
    private Task<Article> StoredAsync(int id) => factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));

    private async Task<HttpResponseMessage> EditAsync(HttpClient editor, Article article, Dictionary<string, string> values) =>
        await SubmitArticleAsync(editor, $"/admin/articles/{article.Id}/edit", values);

    [SkippableFact]
    public async Task An_editor_sets_a_published_articles_date_and_the_site_shows_and_orders_it_by_that_date()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var article = await CreateAsync(editor, Unique("مقال بتاريخ مصحح"), "نص.", ArticleStatus.Published);
        var form = await editor.GetPageAsync($"/admin/articles/{article.Id}/edit");
        Assert.Equal(MoroccanDate.WallClockValue(article.PublishedAt), form.QuerySelector("input[name=publishedOn]")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(editor, article, new() { ["publishedOn"] = "2025-07-14T09:05" })).StatusCode);

        var stored = await StoredAsync(article.Id);
        Assert.Equal(new DateTime(2025, 7, 14, 8, 5, 0, DateTimeKind.Utc), stored.PublishedAt); // Casablanca was on UTC+1
        var page = await factory.NewClient().GetPageAsync(UrlOf(stored));
        Assert.Equal("14 يوليوز 2025 - 09:05", page.QuerySelector(".article-header time")!.Text());
        Assert.Null(page.QuerySelector(".updated")); // a new date is not a new text
    }

    [SkippableFact]
    public async Task A_publication_date_in_the_future_or_unreadable_is_refused_in_arabic_and_nothing_changes()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var article = await CreateAsync(editor, Unique("مقال لا يؤجل"), "نص.", ArticleStatus.Published);
        var tomorrow = MoroccanDate.WallClockValue(factory.Clock.GetUtcNow().UtcDateTime.AddDays(1))!;

        var refused = await EditAsync(editor, article, new() { ["publishedOn"] = tomorrow, ["title"] = article.Title + " معدل" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParsePageAsync();
        Assert.Contains("تاريخ النشر في المستقبل", page.QuerySelector(".form-errors")!.Text());
        Assert.Equal(tomorrow, page.QuerySelector("input[name=publishedOn]")!.GetAttribute("value"));
        Assert.Equal(article.Title + " معدل", page.QuerySelector("input[name=title]")!.GetAttribute("value"));
        var stored = await StoredAsync(article.Id);
        Assert.Equal(article.PublishedAt, stored.PublishedAt);
        Assert.Equal(article.Title, stored.Title);
    }

    [SkippableFact]
    public async Task A_new_slug_moves_the_article_and_its_old_address_answers_301_and_a_later_title_edit_keeps_it()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var article = await CreateAsync(editor, Unique("عنوان طويل للمقال"), "نص.", ArticleStatus.Published);

        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(editor, article, new() { ["slug"] = "Rabat Budget 2026" })).StatusCode);

        var moved = await StoredAsync(article.Id);
        Assert.Equal("rabat-budget-2026", moved.Slug);
        var old = await factory.NewClient().GetAsync(UrlOf(article));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/article/{article.Id}/rabat-budget-2026", old.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync(UrlOf(moved))).StatusCode);

        // A slug an editor chose is kept when the title changes; a slug made from the title would follow it.
        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(editor, moved, new() { ["title"] = Unique("عنوان جديد") })).StatusCode);
        Assert.Equal("rabat-budget-2026", (await StoredAsync(article.Id)).Slug);
    }

    [SkippableFact]
    public async Task Last_updated_shows_after_a_change_of_the_text_of_a_published_article_and_not_for_other_changes()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var reader = factory.NewClient();
        var article = await CreateAsync(editor, Unique("مقال يحدث"), "النص الأول.", ArticleStatus.Published);

        // Another change an hour later, of the formatting alone: the text readers read is the same. No «آخر تحديث».
        factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(editor, article, new() { ["body"] = "**النص الأول.**" })).StatusCode);
        Assert.Null((await StoredAsync(article.Id)).RevisedAt);
        var unchanged = await reader.GetPageAsync(UrlOf(article));
        Assert.Null(unchanged.QuerySelector(".updated"));
        Assert.Equal(MoroccanDate.Iso(article.PublishedAt!.Value), unchanged.QuerySelector("meta[property='article:modified_time']")!.GetAttribute("content"));

        var at = factory.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(editor, article, new() { ["body"] = "النص الأول، وقد صحح." })).StatusCode);

        var stored = await StoredAsync(article.Id);
        Assert.Equal(at, stored.RevisedAt!.Value, TimeSpan.FromMilliseconds(1)); // PostgreSQL keeps microseconds
        var shown = await reader.GetPageAsync(UrlOf(stored));
        // Search engines get the same date as readers (article:modified_time, NewsArticle.dateModified).
        Assert.Equal(MoroccanDate.Iso(stored.RevisedAt!.Value), shown.QuerySelector("meta[property='article:modified_time']")!.GetAttribute("content"));
        var updated = shown.QuerySelector(".article-header .updated")!;
        Assert.Equal($"آخر تحديث {MoroccanDate.FormatDateTime(at)}", updated.Text());
        Assert.Equal(MoroccanDate.Iso(at), updated.QuerySelector("time")!.GetAttribute("datetime"));
    }

    [SkippableFact]
    public async Task Editing_a_draft_or_correcting_within_minutes_of_publication_is_no_update()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var draft = await CreateAsync(editor, Unique("مسودة تعدل"), "نص.", ArticleStatus.Draft);
        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(editor, draft, new() { ["body"] = "نص آخر." })).StatusCode);
        Assert.Null((await StoredAsync(draft.Id)).RevisedAt);

        var article = await CreateAsync(editor, Unique("مقال يصحح فوراً"), "نص فيه خطأ.", ArticleStatus.Published);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(editor, article, new() { ["body"] = "نص بلا خطأ." })).StatusCode);
        Assert.NotNull((await StoredAsync(article.Id)).RevisedAt);
        Assert.Null((await factory.NewClient().GetPageAsync(UrlOf(article))).QuerySelector(".updated"));
    }
}
