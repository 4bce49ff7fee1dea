using AngleSharp.Html.Dom;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Madar21.Web.Site.Dates;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages.Admin.Articles;

/// <summary>The edit form tells the article's real state and time, and its body field suits Arabic and English lines alike.</summary>
public class EditStateTests(MadarFactory madar) : AdminArticleTests(madar), IClassFixture<MadarFactory>
{
    [SkippableFact]
    public async Task A_scheduled_article_whose_time_has_passed_shows_as_published_and_saves_keeping_its_time()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var due = await AnArticle(Unique("حان وقته")).ScheduledAt(now.AddMinutes(-30)).SaveAsync(factory);

        var page = await editor.GetPageAsync($"/admin/articles/{due.Id}/edit");

        Assert.Equal("Published", Checked(page));
        Assert.Equal("", ((IHtmlInputElement)page.QuerySelector("input[name=publishAt]")!).Value);
        Assert.Equal($"نُشر في {MoroccanDate.FormatWithTime(due.PublishedAt!.Value)}", page.QuerySelector(".admin-when")!.Text().Trim());
        Assert.NotNull(page.QuerySelector($".admin-meta a[href='{UrlOf(due)}']"));

        var saved = await editor.SubmitAsync(page.Form("form.article-form"), page.Form("form.article-form").Button("حفظ"));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == due.Id));
        Assert.Equal(ArticleStatus.Published, stored.Status);
        Assert.Equal(due.PublishedAt!.Value, stored.PublishedAt!.Value, TimeSpan.FromMilliseconds(1)); // PostgreSQL keeps microseconds
    }

    [SkippableFact]
    public async Task A_scheduled_article_says_when_it_will_appear()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var ahead = await AnArticle(Unique("قادم")).ScheduledAt(factory.Clock.GetUtcNow().UtcDateTime.AddDays(2)).SaveAsync(factory);

        var page = await editor.GetPageAsync($"/admin/articles/{ahead.Id}/edit");

        Assert.Equal("Scheduled", Checked(page));
        Assert.Equal($"سيُنشر في {MoroccanDate.FormatWithTime(ahead.PublishedAt!.Value)}", page.QuerySelector(".admin-when")!.Text().Trim());
        Assert.Equal("غير ظاهر للقراء الآن.", page.QuerySelector(".admin-meta > span:not(.admin-when)")!.Text().Trim());
    }

    [SkippableFact]
    public async Task The_body_field_lays_out_each_line_by_its_own_direction_and_explains_the_marks_in_plain_arabic()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var page = await editor.GetPageAsync("/admin/articles/new");

        var body = page.QuerySelector("textarea[name=body]")!;
        Assert.Equal("auto", body.GetAttribute("dir"));
        Assert.Contains("body-editor", body.ClassList);
        Assert.Equal("النص *", page.QuerySelector($"label[for={body.Id}]")!.Text().Trim());
        var hint = page.GetElementById(body.GetAttribute("aria-describedby")!)!.Text();
        Assert.DoesNotContain("Markdown", hint);
        Assert.Contains("عريضة", hint);
        Assert.Contains("اقتباس", hint);
        var css = await editor.GetStringAsync(page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.Matches(@"textarea\.body-editor\s*\{[^}]*unicode-bidi:\s*plaintext", css);
    }

    private static string? Checked(IHtmlDocument page) =>
        page.QuerySelectorAll("input[name=status]").Cast<IHtmlInputElement>().SingleOrDefault(r => r.IsChecked)?.Value;
}
