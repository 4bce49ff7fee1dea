using System.Globalization;
using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Admin.Articles;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages.Admin.Review;

/// <summary>
/// Every refusal of the newsroom's matrix, on the server: a writer's crafted request (a valid antiforgery token,
/// fields the page never offered) gets 403, and the database read back shows that nothing changed.
/// </summary>
public class WriterPermissionTests(MadarFactory madar) : AdminArticleTests(madar), IClassFixture<MadarFactory>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<Dictionary<string, string>> ArticleFieldsAsync(string title, string status) => new()
    {
        ["title"] = title, ["section"] = await SectionIdAsync(), ["body"] = "نص كتبه الكاتب.", ["status"] = status,
        ["commentsOpen"] = "true",
    };

    private Task<Article> StoredAsync(int id) => factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));

    [SkippableTheory]
    [InlineData("Published")]
    [InlineData("Scheduled")]
    public async Task A_writer_cannot_publish_or_schedule_a_new_article(string status)
    {
        var writer = await factory.SignedInWriterAsync();
        var title = Unique("مقال ينشره كاتب بطلب مزوّر");
        var fields = await ArticleFieldsAsync(title, status);
        fields["publishAt"] = "2099-01-01T10:00";

        var response = await writer.Client.ForgedPostAsync("/admin/articles/new", fields);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.WithDb(db => db.Articles.AnyAsync(a => a.Title == title)));
    }

    [SkippableTheory]
    [InlineData("Published")]
    [InlineData("Scheduled")]
    public async Task A_writer_cannot_publish_or_schedule_their_own_draft(string status)
    {
        var writer = await factory.SignedInWriterAsync();
        var draft = await AnArticle(Unique("مسودة الكاتب")).Draft().By(writer.UserId).SaveAsync(factory);
        var fields = await ArticleFieldsAsync(Unique("عنوان جديد مزوّر"), status);
        fields["publishAt"] = "2099-01-01T10:00";
        fields["version"] = Id(draft.Version);

        var response = await writer.Client.ForgedPostAsync($"/admin/articles/{draft.Id}/edit", fields);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var stored = await StoredAsync(draft.Id);
        Assert.Equal((ArticleStatus.Draft, draft.Title, (DateTime?)null), (stored.Status, stored.Title, stored.PublishedAt));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewClient().GetAsync(UrlOf(stored))).StatusCode);
    }

    [SkippableFact]
    public async Task A_writer_cannot_open_edit_or_delete_another_writers_draft()
    {
        var other = await factory.NewStaffAsync(Madar21.Web.Admin.StaffRoles.Writer);
        var writer = await factory.SignedInWriterAsync();
        var theirs = await AnArticle(Unique("مسودة كاتب آخر")).Draft().By(other.UserId).SaveAsync(factory);

        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.GetAsync($"/admin/articles/{theirs.Id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.GetAsync($"/admin/articles/{theirs.Id}/delete")).StatusCode);
        var fields = await ArticleFieldsAsync(Unique("استيلاء على مقال"), "Draft");
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.ForgedPostAsync($"/admin/articles/{theirs.Id}/edit", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.ForgedPostAsync($"/admin/articles/{theirs.Id}/edit?handler=Preview", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.ForgedPostAsync($"/admin/articles/{theirs.Id}/delete", [])).StatusCode);

        var stored = await StoredAsync(theirs.Id);
        Assert.Equal((theirs.Title, theirs.Version), (stored.Title, stored.Version));
    }

    [SkippableFact]
    public async Task A_writer_cannot_edit_or_delete_an_editors_published_article()
    {
        var writer = await factory.SignedInWriterAsync();
        var published = await AnArticle(Unique("مقال منشور لمحرر")).Published().SaveAsync(factory);

        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.GetAsync($"/admin/articles/{published.Id}/edit")).StatusCode);
        var fields = await ArticleFieldsAsync(Unique("تخريب"), "Draft");
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.ForgedPostAsync($"/admin/articles/{published.Id}/edit", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.ForgedPostAsync($"/admin/articles/{published.Id}/delete", [])).StatusCode);

        var stored = await StoredAsync(published.Id);
        Assert.Equal((ArticleStatus.Published, published.Title), (stored.Status, stored.Title));
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync(UrlOf(stored))).StatusCode);
    }

    [SkippableFact]
    public async Task A_writers_submitted_article_is_locked_until_sent_back()
    {
        var writer = await factory.SignedInWriterAsync();
        var pending = await AnArticle(Unique("مقال أرسله كاتبه")).PendingReview().By(writer.UserId).SaveAsync(factory);

        var page = await writer.Client.GetPageAsync($"/admin/articles/{pending.Id}/edit");
        Assert.Null(page.QuerySelector("form.article-form"));
        Assert.Null(page.QuerySelector("a[href$='/delete']"));
        Assert.Contains("لا يمكن تعديله حتى ينشره محرر أو يعيده إليك", page.QuerySelector("main")!.Text());

        var fields = await ArticleFieldsAsync(Unique("تعديل بعد الإرسال"), "PendingReview");
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.ForgedPostAsync($"/admin/articles/{pending.Id}/edit", fields)).StatusCode);
        fields["status"] = "Draft"; // taking it back from the queue is the editor's decision too
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.ForgedPostAsync($"/admin/articles/{pending.Id}/edit", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.ForgedPostAsync($"/admin/articles/{pending.Id}/delete", [])).StatusCode);

        var stored = await StoredAsync(pending.Id);
        Assert.Equal((ArticleStatus.PendingReview, pending.Title, pending.Version), (stored.Status, stored.Title, stored.Version));
    }

    [SkippableFact]
    public async Task A_writer_cannot_open_the_review_queue_publish_from_it_or_send_back()
    {
        var writer = await factory.SignedInWriterAsync();
        var pending = await AnArticle(Unique("مقاله بانتظار المراجعة")).PendingReview().By(writer.UserId).SaveAsync(factory);

        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.GetAsync("/admin/review")).StatusCode);
        var publish = await writer.Client.ForgedPostAsync("/admin/review?handler=Publish", new() { ["id"] = Id(pending.Id) });
        var sendBack = await writer.Client.ForgedPostAsync("/admin/review?handler=SendBack", new() { ["id"] = Id(pending.Id), ["note"] = "ملاحظة مزورة" });

        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sendBack.StatusCode);
        var stored = await StoredAsync(pending.Id);
        Assert.Equal((ArticleStatus.PendingReview, (string?)null, (DateTime?)null), (stored.Status, stored.ReviewNote, stored.PublishedAt));
    }

    [SkippableFact]
    public async Task A_writer_cannot_moderate_comments()
    {
        var writer = await factory.SignedInWriterAsync();
        var article = await AnArticle(Unique("مقال عليه تعليق")).Published().SaveAsync(factory);
        var comment = await CommentBuilder.AComment("تعليق ينتظر " + Guid.NewGuid()).On(article).SaveAsync(factory);

        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.GetAsync("/admin/comments")).StatusCode);
        foreach (var handler in new[] { "Approve", "Spam", "Trash", "Delete" })
        {
            var response = await writer.Client.ForgedPostAsync($"/admin/comments?handler={handler}", new() { ["id"] = Id(comment.Id) });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Equal(CommentStatus.Pending, await factory.WithDb(db => db.Comments.Where(c => c.Id == comment.Id).Select(c => c.Status).SingleAsync()));
    }

    [SkippableFact]
    public async Task A_writer_cannot_manage_sections_breaking_news_accounts_or_settings()
    {
        var writer = await factory.SignedInWriterAsync();
        var sections = await factory.WithDb(db => db.Sections.CountAsync());
        var users = await factory.WithDb(db => db.Users.CountAsync());

        foreach (var url in new[] { "/admin/sections", "/admin/breaking", "/admin/users", "/admin/audit", "/admin/settings" })
            Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.ForgedPostAsync("/admin/sections?handler=Add", new() { ["name"] = "قسم الكاتب" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.ForgedPostAsync("/admin/breaking", new() { ["text"] = "عاجل مزور" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.ForgedPostAsync("/admin/users?handler=Add", new()
        {
            ["email"] = Staff.NewEmail(), ["password"] = Staff.Password, ["role"] = "Admin",
        })).StatusCode);

        Assert.Equal(sections, await factory.WithDb(db => db.Sections.CountAsync()));
        Assert.Equal(users, await factory.WithDb(db => db.Users.CountAsync()));
        Assert.False(await factory.WithDb(db => db.ReaderSettings.AnyAsync(s => s.BreakingText == "عاجل مزور")));
    }

    [SkippableFact]
    public async Task A_writer_uploads_pictures_but_neither_deletes_them_nor_sees_which_colleagues_drafts_use_them()
    {
        var other = await factory.NewStaffAsync(Madar21.Web.Admin.StaffRoles.Writer);
        var writer = await factory.SignedInWriterAsync();
        var alt = Unique("صورة رفعها الكاتب");
        var upload = await Media.UploadTests.UploadAsync(writer.Client, [("w.jpg", Madar21.Tests.Media.TestPictures.PhonePhoto(400, 300, shade: 21))], alt);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var mediaId = await factory.WithDb(db => db.Media.Where(m => m.Alt == alt).Select(m => m.Id).SingleAsync());
        var theirs = await AnArticle(Unique("مسودة زميل بالصورة")).Draft().By(other.UserId).SaveAsync(factory);
        var mine = await AnArticle(Unique("مسودتي بالصورة")).Draft().By(writer.UserId).SaveAsync(factory);
        foreach (var id in new[] { theirs.Id, mine.Id })
            await UpdateAsync(factory, id, a => a.LeadMediaId = mediaId);

        var library = await writer.Client.GetPageAsync("/admin/media");
        var text = library.QuerySelector("main")!.Text();
        Assert.Contains(mine.Title, text);
        Assert.DoesNotContain(theirs.Title, text);
        Assert.Empty(library.QuerySelectorAll("main a[href*='/delete']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.ForgedPostAsync($"/admin/media/{mediaId}/delete", new() { ["confirm"] = "true" })).StatusCode);
        Assert.True(await factory.WithDb(db => db.Media.AnyAsync(m => m.Id == mediaId)));
    }

    [SkippableFact]
    public async Task A_writers_list_and_navigation_show_their_own_articles_and_pages_only()
    {
        var other = await factory.NewStaffAsync(Madar21.Web.Admin.StaffRoles.Writer);
        var writer = await factory.SignedInWriterAsync();
        var mine = await AnArticle(Unique("مسودتي")).Draft().By(writer.UserId).SaveAsync(factory);
        var theirs = await AnArticle(Unique("مسودة زميلي")).Draft().By(other.UserId).SaveAsync(factory);
        var editors = await AnArticle(Unique("مقال المحرر")).Published().SaveAsync(factory);

        var list = await writer.Client.GetPageAsync("/admin/articles");
        var titles = list.QuerySelectorAll("main table a").Select(a => a.Text()).ToList();
        Assert.Contains(mine.Title, titles);
        Assert.DoesNotContain(theirs.Title, titles);
        Assert.DoesNotContain(editors.Title, titles);

        var nav = list.QuerySelector("nav.admin-nav")!;
        var links = nav.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/admin/articles/new", links);
        Assert.DoesNotContain("/admin/review", links);
        Assert.DoesNotContain("/admin/comments", links);
        Assert.DoesNotContain("/admin/sections", links);
        Assert.DoesNotContain("/admin/breaking", links);
    }
}
