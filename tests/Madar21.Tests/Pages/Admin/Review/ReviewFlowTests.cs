using System.Globalization;
using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Admin.Articles;
using Madar21.Web.Models;
using Madar21.Web.Newsroom;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages.Admin.Review;

/// <summary>A writer drafts and submits, an editor publishes or sends back with a note: through the real forms.</summary>
public class ReviewFlowTests(MadarFactory madar) : AdminArticleTests(madar), IClassFixture<MadarFactory>
{
    private async Task<Article> SubmitAsync(StaffAccount writer, string title, string button = "إرسال للمراجعة")
    {
        var response = await SubmitArticleAsync(writer.Client, "/admin/articles/new", new Dictionary<string, string>
        {
            ["title"] = title, ["section"] = await SectionIdAsync(), ["body"] = "فقرة كتبها المراسل من عين المكان.",
        }, button);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var notice = (await writer.Client.GetPageAsync(response.Headers.Location!.OriginalString)).QuerySelector(".admin-notice")!.Text();
        Assert.Equal(button == "إرسال للمراجعة" ? "أُرسل المقال للمراجعة." : "حُفظ المقال.", notice);
        return await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Title == title));
    }

    private Task<Article> StoredAsync(int id) => factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));

    private static AngleSharp.Dom.IElement QueueItem(AngleSharp.Html.Dom.IHtmlDocument queue, Article article) =>
        queue.GetElementById($"review-{article.Id}") ?? throw new InvalidOperationException($"article {article.Id} is not in the queue");

    [SkippableFact]
    public async Task A_writers_form_sends_for_review_and_offers_no_publication()
    {
        var writer = await factory.SignedInWriterAsync();
        var page = await writer.Client.GetPageAsync("/admin/articles/new");
        var form = page.Form("form.article-form");

        Assert.Empty(form.QuerySelectorAll("input[name=status][type=radio]"));
        Assert.Null(form.QuerySelector("input[name=publishAt]"));
        var buttons = form.QuerySelectorAll("button").Select(b => b.Text()).ToList();
        Assert.Equal(["حفظ المسودة", "إرسال للمراجعة", "معاينة"], buttons);
        Assert.DoesNotContain(form.QuerySelectorAll("button[name=status]"), b => b.GetAttribute("value") is "Published" or "Scheduled");
    }

    [SkippableFact]
    public async Task A_submitted_article_waits_in_the_queue_and_nowhere_public()
    {
        var writer = await factory.SignedInWriterAsync();
        var title = Unique("تقرير المراسل عن الفيضانات");
        var article = await SubmitAsync(writer, title);

        Assert.Equal(ArticleStatus.PendingReview, article.Status);
        Assert.Equal(writer.UserId, article.CreatedById);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, article.SubmittedAt);
        Assert.Null(article.PublishedAt);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewClient().GetAsync(UrlOf(article))).StatusCode);
        foreach (var url in new[] { "/", "/section/" + Uri.EscapeDataString(Politics), "/search?q=" + Uri.EscapeDataString("الفيضانات"), "/feed", "/sitemap.xml", "/news-sitemap.xml" })
            Assert.DoesNotContain(UrlOf(article), await (await factory.NewClient().GetAsync(url)).Content.ReadAsStringAsync());

        var audit = await factory.WithDb(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditAction.ArticleSubmitted && e.Subject == $"article {article.Id}"));
        Assert.Equal(writer.UserId, audit.UserId);
    }

    [SkippableFact]
    public async Task An_article_sent_for_review_after_publication_leaves_every_public_list()
    {
        // Published once, then moved to review by an editor: its publication time stays, and only the status hides it.
        var article = await AnArticle(Unique("مقال عاد إلى المراجعة")).PendingReview(wasPublishedAtUtc: factory.Clock.GetUtcNow().UtcDateTime.AddHours(-2)).SaveAsync(factory);

        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewClient().GetAsync(UrlOf(article))).StatusCode);
        Assert.False(await ListedAsync("/", article));
        Assert.False(await ListedAsync("/section/" + Uri.EscapeDataString(Politics), article));
        Assert.DoesNotContain(UrlOf(article), await (await factory.NewClient().GetAsync("/feed")).Content.ReadAsStringAsync());
        Assert.DoesNotContain(UrlOf(article), await (await factory.NewClient().GetAsync("/sitemap.xml")).Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task The_editor_sees_the_queue_oldest_first_with_its_count_and_publishes_from_it()
    {
        var writer = await factory.SignedInWriterAsync();
        var first = await SubmitAsync(writer, Unique("الأقدم في الطابور"));
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        var second = await SubmitAsync(writer, Unique("الأحدث في الطابور"));
        var editor = await factory.SignedInStaffAsync();
        var waiting = await factory.WithDb(db => db.Articles.CountAsync(a => a.Status == ArticleStatus.PendingReview));

        var queue = await editor.Client.GetPageAsync("/admin/review");
        var order = queue.QuerySelectorAll(".review-item").Select(li => li.Id).ToList();
        Assert.True(order.IndexOf($"review-{first.Id}") < order.IndexOf($"review-{second.Id}"));
        // The writer by their public name, as the byline will read (the account's email only for one without a profile).
        var writerName = await factory.WithDb(db => db.StaffProfiles.Where(p => p.UserId == writer.UserId).Select(p => p.DisplayName).FirstOrDefaultAsync());
        Assert.Contains(writerName ?? writer.Email, QueueItem(queue, first).Text());
        var count = queue.QuerySelector("nav.admin-nav a[href='/admin/review'] .admin-count")!;
        Assert.Equal(waiting.ToString(CultureInfo.InvariantCulture), count.ChildNodes[0].TextContent);
        var said = $"{Madar21.Web.Text.ArabicPlural.Format(waiting, Madar21.Web.Text.ArabicPlural.Articles)} بانتظار المراجعة";
        Assert.Equal(said, count.GetAttribute("title"));
        Assert.Equal($"{said}، الأقدم أولاً.", queue.QuerySelector("main .admin-meta")!.Text());

        var publish = await editor.Client.SubmitAsync(QueueItem(queue, first).Form("form button"), QueueItem(queue, first).Button("نشر الآن"));
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);

        var stored = await StoredAsync(first.Id);
        Assert.Equal((ArticleStatus.Published, factory.Clock.GetUtcNow().UtcDateTime), (stored.Status, stored.PublishedAt));
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync(UrlOf(stored))).StatusCode);
        Assert.True(await ListedAsync("/", stored));
        Assert.Equal(ArticleStatus.PendingReview, (await StoredAsync(second.Id)).Status);
        var audit = await factory.WithDb(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditAction.ArticlePublished && e.Subject!.StartsWith($"article {first.Id} ")));
        Assert.Equal(editor.UserId, audit.UserId);
        Assert.DoesNotContain("@", audit.Subject);
    }

    [SkippableFact]
    public async Task Sent_back_with_a_note_the_writer_reads_it_edits_and_submits_again()
    {
        var writer = await factory.SignedInWriterAsync();
        var article = await SubmitAsync(writer, Unique("مقال يحتاج مصدراً"));
        var editor = await factory.SignedInStaffAsync();
        var queue = await editor.Client.GetPageAsync("/admin/review");
        var form = QueueItem(queue, article).Form("form textarea[name=note]").Fill(new Dictionary<string, string> { ["note"] = "أضف مصدر الأرقام في الفقرة الثانية." });

        Assert.Equal(HttpStatusCode.Redirect, (await editor.Client.SubmitAsync(form)).StatusCode);

        var sentBack = await StoredAsync(article.Id);
        Assert.Equal((ArticleStatus.Draft, "أضف مصدر الأرقام في الفقرة الثانية."), (sentBack.Status, sentBack.ReviewNote));
        var audit = await factory.WithDb(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditAction.ArticleSentBack && e.Subject == $"article {article.Id}"));
        Assert.Equal(editor.UserId, audit.UserId);

        var list = await writer.Client.GetPageAsync("/admin/articles");
        Assert.Contains("أضف مصدر الأرقام في الفقرة الثانية.", list.QuerySelector("main table")!.Text());
        var edit = await writer.Client.GetPageAsync($"/admin/articles/{article.Id}/edit");
        Assert.Contains("أضف مصدر الأرقام في الفقرة الثانية.", edit.QuerySelector(".review-note")!.Text());

        var resubmit = edit.Form("form.article-form").Fill(new Dictionary<string, string> { ["body"] = "فقرة مع المصدر: المندوبية السامية للتخطيط." });
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await writer.Client.SubmitAsync(resubmit, resubmit.Button("إرسال للمراجعة"))).StatusCode);
        var again = await StoredAsync(article.Id);
        Assert.Equal((ArticleStatus.PendingReview, (string?)null, factory.Clock.GetUtcNow().UtcDateTime), (again.Status, again.ReviewNote, again.SubmittedAt));
    }

    [SkippableFact]
    public async Task Sending_back_without_a_note_is_refused_in_arabic_and_changes_nothing()
    {
        var writer = await factory.SignedInWriterAsync();
        var article = await SubmitAsync(writer, Unique("مقال بلا ملاحظة"));
        var editor = await factory.SignedInStaffAsync();
        var queue = await editor.Client.GetPageAsync("/admin/review");
        var form = QueueItem(queue, article).Form("form textarea[name=note]").Fill(new Dictionary<string, string> { ["note"] = "   " });

        var response = await editor.Client.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParsePageAsync();
        Assert.Equal(ArticleReview.NoteRequired, page.GetElementById($"note-{article.Id}-error")!.Text());
        Assert.Equal(ArticleStatus.PendingReview, (await StoredAsync(article.Id)).Status);
    }

    [SkippableFact]
    public async Task A_writer_saves_a_draft_edits_it_and_may_delete_it_while_it_is_theirs()
    {
        var writer = await factory.SignedInWriterAsync();
        var article = await SubmitAsync(writer, Unique("مسودة أولى"), button: "حفظ المسودة");
        Assert.Equal(ArticleStatus.Draft, article.Status);

        var edited = Unique("مسودة بعد التعديل");
        var saved = await SubmitArticleAsync(writer.Client, $"/admin/articles/{article.Id}/edit", new() { ["title"] = edited }, "حفظ المسودة");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((edited, ArticleStatus.Draft), ((await StoredAsync(article.Id)).Title, (await StoredAsync(article.Id)).Status));

        var confirm = await writer.Client.GetPageAsync($"/admin/articles/{article.Id}/delete");
        Assert.Equal(HttpStatusCode.Redirect, (await writer.Client.SubmitAsync(confirm.Form("main form"))).StatusCode);
        Assert.False(await factory.WithDb(db => db.Articles.AnyAsync(a => a.Id == article.Id)));
    }

    [SkippableFact]
    public async Task An_admin_makes_an_account_a_writer_from_the_accounts_page()
    {
        var admin = await factory.SignedInAsAdminAsync();
        var email = Staff.NewEmail("Writer");
        var page = await admin.GetPageAsync("/admin/users");
        var form = page.Form("form input[name=email]").Fill(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = Staff.Password, ["role"] = "Writer",
        });
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(form)).StatusCode);

        var roles = await factory.WithDb(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { u.Email, x.Name }).Where(x => x.Email == email).Select(x => x.Name).ToListAsync());
        Assert.Equal(["Writer"], roles);
        var listed = await admin.GetPageAsync("/admin/users");
        Assert.Contains(listed.QuerySelectorAll(".admin-row"), row => row.Text().Contains(email) && row.Text().Contains("كاتب"));
    }
}
