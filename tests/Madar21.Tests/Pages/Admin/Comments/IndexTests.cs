using static Madar21.Tests.Infrastructure.CommentBuilder;
using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Comments;
using Madar21.Web.Models;
using Madar21.Web.Site.Dates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madar21.Tests.Pages.Admin.Comments;

public class IndexTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private async Task<Article> SeedArticleAsync() =>
        await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.SeedKey == "000_58416a67d00a4d59"));

    private static string UrlOf(Article a) => $"/article/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    /// <summary>A comment stored as the public form stores it: email encrypted, plus its keyed hash.</summary>
    private async Task<Comment> AddCommentAsync(string text, string email, CommentStatus status = CommentStatus.Pending, string author = "قارئ", string? url = null)
    {
        var comment = await AComment(text).On(await SeedArticleAsync()).By(author, email).WithUrl(url).WithStatus(status).SaveAsync(factory);
        factory.Clock.Advance(TimeSpan.FromSeconds(1)); // distinct times, so "newest first" is testable
        return comment;
    }

    private static string NewEmail() => $"reader-{Guid.NewGuid():N}@example.org";

    private static AngleSharp.Dom.IElement RowOf(AngleSharp.Html.Dom.IHtmlDocument page, Comment c) =>
        page.GetElementById($"comment-{c.Id}") ?? throw new InvalidOperationException($"comment {c.Id} is not listed");

    private async Task<CommentStatus?> StatusOf(Comment c) =>
        await factory.WithDb(db => db.Comments.Where(x => x.Id == c.Id).Select(x => (CommentStatus?)x.Status).SingleOrDefaultAsync());

    private async Task<string> PublicArticleTextAsync() =>
        (await factory.NewClient().GetPageAsync(UrlOf(await SeedArticleAsync()))).QuerySelector("main")!.TextContent;

    [SkippableFact]
    public async Task The_pending_queue_comes_first_newest_first_with_article_author_email_ip_date_and_text()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var older = await AddCommentAsync("تعليق أقدم " + Guid.NewGuid(), NewEmail(), author: "سعاد");
        var email = NewEmail();
        var newer = await AddCommentAsync("تعليق أحدث\nعلى سطرين " + Guid.NewGuid(), email, author: "كريم");

        var page = await editor.GetPageAsync("/admin/comments");

        Assert.Equal("page", page.QuerySelector(".admin-tabs a[aria-current]")!.GetAttribute("aria-current"));
        Assert.Contains("بانتظار المراجعة", page.QuerySelector(".admin-tabs a[aria-current]")!.Text());
        var ids = page.QuerySelectorAll(".admin-comment").Select(li => li.Id).ToList();
        Assert.True(ids.IndexOf($"comment-{newer.Id}") < ids.IndexOf($"comment-{older.Id}"));
        var row = RowOf(page, newer);
        Assert.Equal("كريم", row.QuerySelector(".admin-author")!.Text());
        Assert.Equal(email, row.QuerySelector(".admin-email")!.Text());
        Assert.Contains("203.0.113.7", row.Text());
        Assert.Contains(MoroccanDate.Format(newer.CreatedAt), row.Text());
        Assert.Equal(newer.Text, row.QuerySelector(".admin-comment-text")!.TextContent);
        var articleUrl = UrlOf(await SeedArticleAsync());
        Assert.Contains(row.QuerySelectorAll("a"), a => a.GetAttribute("href") == articleUrl);
        var pending = await factory.WithDb(db => db.Comments.CountAsync(c => c.Status == CommentStatus.Pending));
        Assert.Contains(pending.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector(".admin-nav a[href='/admin/comments']")!.Text());
    }

    [SkippableFact]
    public async Task An_approved_comment_appears_on_the_article_and_spam_and_trash_do_not()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var approved = await AddCommentAsync("سيوافق عليه " + Guid.NewGuid(), NewEmail());
        var spam = await AddCommentAsync("إعلان مزعج " + Guid.NewGuid(), NewEmail());
        var trashed = await AddCommentAsync("سيرمى " + Guid.NewGuid(), NewEmail());
        Assert.DoesNotContain(approved.Text, await PublicArticleTextAsync());

        foreach (var (comment, button) in new[] { (approved, "موافقة"), (spam, "مزعج"), (trashed, "إلى المهملات") })
        {
            var page = await editor.GetPageAsync("/admin/comments");
            var row = RowOf(page, comment);
            var response = await editor.SubmitAsync(row.OwnerForm(), row.Button(button));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(CommentStatus.Approved, await StatusOf(approved));
        Assert.Equal(CommentStatus.Spam, await StatusOf(spam));
        Assert.Equal(CommentStatus.Trash, await StatusOf(trashed));
        var text = await PublicArticleTextAsync();
        Assert.Contains(approved.Text, text);
        Assert.DoesNotContain(spam.Text, text);
        Assert.DoesNotContain(trashed.Text, text);
        Assert.NotNull(RowOf(await editor.GetPageAsync("/admin/comments?status=spam"), spam));
        Assert.NotNull(RowOf(await editor.GetPageAsync("/admin/comments?status=trash"), trashed));
        Assert.NotNull(RowOf(await editor.GetPageAsync("/admin/comments?status=approved"), approved));
    }

    [SkippableFact]
    public async Task Bulk_actions_apply_to_the_ticked_comments_only()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var a = await AddCommentAsync("جماعي أ " + Guid.NewGuid(), NewEmail());
        var b = await AddCommentAsync("جماعي ب " + Guid.NewGuid(), NewEmail());
        var untouched = await AddCommentAsync("جماعي ج " + Guid.NewGuid(), NewEmail());

        var page = await editor.GetPageAsync("/admin/comments");
        var form = page.Form(".admin-comments");
        form.Fill(new Dictionary<string, string> { ["selected"] = a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        ((AngleSharp.Html.Dom.IHtmlInputElement)page.GetElementById($"select-{b.Id}")!).IsChecked = true;
        var response = await editor.SubmitAsync(form, form.QuerySelector(".admin-bulk")!.Button("موافقة"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CommentStatus.Approved, await StatusOf(a));
        Assert.Equal(CommentStatus.Approved, await StatusOf(b));
        Assert.Equal(CommentStatus.Pending, await StatusOf(untouched));
        Assert.Equal("تمت الموافقة على تعليقين.", (await editor.GetPageAsync(response.Headers.Location!.OriginalString)).QuerySelector(".admin-notice")!.Text().Trim());
    }

    [SkippableFact]
    public async Task Trash_can_be_restored_to_the_queue_and_deleted_for_good()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var restored = await AddCommentAsync("مستعاد " + Guid.NewGuid(), NewEmail(), CommentStatus.Trash);
        var deleted = await AddCommentAsync("محذوف " + Guid.NewGuid(), NewEmail(), CommentStatus.Spam);

        var trash = await editor.GetPageAsync("/admin/comments?status=trash");
        var row = RowOf(trash, restored);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(row.OwnerForm(), row.Button("استعادة"))).StatusCode);
        Assert.Equal(CommentStatus.Pending, await StatusOf(restored));

        var spam = await editor.GetPageAsync("/admin/comments?status=spam");
        row = RowOf(spam, deleted);
        var response = await editor.SubmitAsync(row.OwnerForm(), row.Button("حذف نهائي"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/comments?status=spam", response.Headers.Location!.OriginalString);
        Assert.Null(await StatusOf(deleted));
    }

    [SkippableFact]
    public async Task The_commenters_email_is_shown_to_moderators_and_nowhere_public_nor_in_the_logs()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var email = NewEmail();
        var comment = await AddCommentAsync("تعليق منشور " + Guid.NewGuid(), email);
        var page = await editor.GetPageAsync("/admin/comments");
        var row = RowOf(page, comment);
        Assert.Equal(email, row.QuerySelector(".admin-email")!.Text());
        await editor.SubmitAsync(row.OwnerForm(), row.Button("موافقة"));

        var article = await SeedArticleAsync();
        foreach (var url in new[] { "/", UrlOf(article), "/section/" + Uri.EscapeDataString("سياسة") })
        {
            var response = await factory.NewClient().GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(email, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(email, response.Headers.ToString() + response.Content.Headers, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(comment.Text, await PublicArticleTextAsync());
        Assert.DoesNotContain(email, factory.Logs.AllText, StringComparison.OrdinalIgnoreCase);
        // Who approved it is named by account id, never by email.
        Assert.Contains(factory.Logs.Lines, l => l.Contains($"comment {comment.Id} ") && l.Contains("Approved") && !l.Contains("@madar21.test"));
    }

    [SkippableFact]
    public async Task Erasing_by_email_leaves_no_trace_of_that_address_and_keeps_other_peoples_comments()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var email = NewEmail();
        var mine = new[]
        {
            await AddCommentAsync("أول " + Guid.NewGuid(), email, CommentStatus.Approved),
            await AddCommentAsync("ثان " + Guid.NewGuid(), "  " + email.ToUpperInvariant() + " ", CommentStatus.Pending),
            await AddCommentAsync("ثالث " + Guid.NewGuid(), email, CommentStatus.Spam),
        };
        var someoneElse = await AddCommentAsync("لغيره " + Guid.NewGuid(), NewEmail(), CommentStatus.Approved);
        var hash = await factory.WithService<string, EmailProtector>(e => Task.FromResult(e.Hash(email)));

        var page = await editor.GetPageAsync("/admin/comments");
        var form = page.Form("form input[name=email]").Fill(new Dictionary<string, string> { ["email"] = email });
        var response = await editor.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("تم محو 3 تعليقات،", (await editor.GetPageAsync(response.Headers.Location!.OriginalString)).QuerySelector(".admin-notice")!.Text().Trim());
        Assert.False(await factory.WithDb(db => db.Comments.AnyAsync(c => c.EmailHash == hash)));
        foreach (var c in mine) Assert.Null(await StatusOf(c));
        Assert.Equal(CommentStatus.Approved, await StatusOf(someoneElse));
        foreach (var tab in new[] { "pending", "approved", "spam", "trash" })
            Assert.DoesNotContain(email, await (await editor.GetAsync($"/admin/comments?status={tab}")).Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(mine[0].Text, await PublicArticleTextAsync());
        Assert.DoesNotContain(email, factory.Logs.AllText, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task Erase_without_an_address_is_refused_with_an_arabic_message()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var page = await editor.GetPageAsync("/admin/comments");
        var response = await editor.SubmitAsync(page.Form("form input[name=email]").Fill(new Dictionary<string, string> { ["email"] = "" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await response.ParsePageAsync();
        Assert.Equal("اكتب عنوان البريد الإلكتروني الذي طُلب محو بياناته.", again.GetElementById("Email-error")!.Text());
    }

    [SkippableFact]
    public async Task A_moderation_post_without_the_antiforgery_token_fails_with_400()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var comment = await AddCommentAsync("بلا رمز " + Guid.NewGuid(), NewEmail());

        var response = await editor.PostAsync("/admin/comments?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(CommentStatus.Pending, await StatusOf(comment));
    }

    [SkippableFact]
    public async Task After_a_refused_erase_the_moderation_buttons_still_act_on_the_comments()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var comment = await AddCommentAsync("تعليق ينتظر بعد خطأ " + Guid.NewGuid(), NewEmail());
        var page = await editor.GetPageAsync("/admin/comments");
        var refused = await editor.SubmitAsync(page.Form("form input[name=email]").Fill(new Dictionary<string, string> { ["email"] = "" }));
        var refusedPage = await refused.ParsePageAsync();
        Assert.Contains("handler=Erase", refusedPage.Url);

        var approve = RowOf(refusedPage, comment).QuerySelectorAll("button").First(b => b.Text().Contains("موافقة"));
        var response = await editor.SubmitAsync(approve.OwnerForm(), approve);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CommentStatus.Approved, await StatusOf(comment));
    }

    [SkippableTheory]
    [InlineData("/admin/comments?page=2147483647")]
    [InlineData("/admin/comments?status=trash&page=100001")]
    public async Task A_page_number_past_any_real_list_is_404_not_an_overflow(string url)
    {
        var editor = await factory.SignedInAsEditorAsync();

        var response = await editor.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(factory.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task The_moderator_sees_the_real_host_of_a_commenters_url_without_its_bidi_controls()
    {
        var editor = await factory.SignedInAsEditorAsync();
        // Stored before URLs were cleaned at input: shown right to left, it reads as another domain.
        var comment = await AddCommentAsync("تعليق برابط مخادع", NewEmail(), url: "https://\u202Emoc.live\u202C.example.com/");

        var row = RowOf(await editor.GetPageAsync("/admin/comments"), comment);

        Assert.Equal("moc.live.example.com", row.QuerySelector(".admin-url-host")!.Text());
        Assert.DoesNotContain('\u202E', row.OuterHtml);
        Assert.Contains("https://moc.live.example.com/", row.Text());
    }
}
