using static Madar21.Tests.Infrastructure.CommentBuilder;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;
using Madar21.Web.Admin;
using Madar21.Web.Comments;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madar21.Tests.Pages.Admin.Audit;

/// <summary>
/// The audit log at /admin/audit, and the staff actions' log lines: every admin action done through its real form,
/// then read back in the audit log (who, what, from where) and searched for in the captured log, which must hold
/// neither the staff members' nor the commenter's email address.
/// </summary>
public class IndexTests(CommentsFactory factory) : IClassFixture<CommentsFactory>
{
    private const string Address = "192.0.2.10";

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@madar21.test";

    private static async Task<HttpResponseMessage> Redirected(Task<HttpResponseMessage> post)
    {
        var response = await post;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode}");
        return response;
    }

    private static IHtmlFormElement RowForm(IHtmlDocument page, string rowSelector, string text) =>
        (IHtmlFormElement)page.QuerySelectorAll(rowSelector).Single(r => r.TextContent.Contains(text)).QuerySelector("form")!;

    private async Task<Comment> AddCommentAsync(string email) =>
        await AComment("تعليق " + Guid.NewGuid()).On(await factory.SeedArticleAsync()).By("قارئ", email).SaveAsync(factory);

    [Fact]
    public async Task Every_staff_action_is_in_the_audit_log_and_no_email_address_is_in_the_log()
    {
        await factory.StartAsync();
        var adminEmail = NewEmail("admin");
        var admin = await factory.CreateStaffAsync(adminEmail, StaffRoles.Admin);
        var editorEmail = NewEmail("editor");
        var commenterEmail = $"reader-{Guid.NewGuid():N}@example.org";
        var client = factory.ClientAt(Address);

        // Signing in, once wrong.
        Assert.Equal(HttpStatusCode.OK, (await client.LogInAsync(adminEmail, "ليست-كلمة-المرور")).StatusCode);
        await Redirected(client.LogInAsync(adminEmail, Staff.Password));

        // Sections: add, rename, move, delete.
        var sectionName = "قسم " + Guid.NewGuid().ToString("N")[..6];
        var sections = await client.GetPageAsync("/admin/sections");
        await Redirected(client.SubmitAsync(sections.Form("form input[name=name]").Fill(new Dictionary<string, string> { ["name"] = sectionName })));
        var sectionId = await factory.WithDb(db => db.Sections.Where(s => s.Name == sectionName).Select(s => s.Id).SingleAsync());
        var rename = await client.GetPageAsync($"/admin/sections/{sectionId}/edit");
        await Redirected(client.SubmitAsync(rename.Form("form input[name=name]").Fill(new Dictionary<string, string> { ["name"] = sectionName + " جديد" })));
        sections = await client.GetPageAsync("/admin/sections");
        var row = RowForm(sections, ".admin-row", sectionName + " جديد");
        await Redirected(client.SubmitAsync(row, row.QuerySelector("button[value='-1']")));
        sections = await client.GetPageAsync("/admin/sections");
        row = RowForm(sections, ".admin-row", sectionName + " جديد");
        await Redirected(client.SubmitAsync(row, row.Button("حذف")));

        // An article: published, unpublished, deleted.
        var title = "خبر للسجل " + Guid.NewGuid().ToString("N")[..6];
        var form = (await client.GetPageAsync("/admin/articles/new")).Form("form textarea[name=body]");
        var politics = await factory.WithDb(db => db.Sections.Where(s => s.Name == "سياسة").Select(s => s.Id).SingleAsync());
        await Redirected(client.SubmitAsync(form.Fill(new Dictionary<string, string>
        {
            ["title"] = title, ["section"] = politics.ToString(CultureInfo.InvariantCulture), ["body"] = "نص الخبر.", ["status"] = nameof(ArticleStatus.Published),
        })));
        var articleId = await factory.WithDb(db => db.Articles.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());
        var edit = (await client.GetPageAsync($"/admin/articles/{articleId}/edit")).Form("form textarea[name=body]");
        await Redirected(client.SubmitAsync(edit.Fill(new Dictionary<string, string> { ["status"] = nameof(ArticleStatus.Draft) }), edit.Button("حفظ")));
        await Redirected(client.SubmitAsync((await client.GetPageAsync($"/admin/articles/{articleId}/delete")).Form("form.actions")));

        // Comments: each moderation, then erasing the commenter's data.
        var comment = await AddCommentAsync(commenterEmail);
        foreach (var (tab, button) in new[] { ("pending", "موافقة"), ("approved", "مزعج"), ("spam", "ليس مزعجاً"), ("pending", "إلى المهملات"), ("trash", "حذف نهائي") })
        {
            var queue = await client.GetPageAsync($"/admin/comments?status={tab}");
            var entry = queue.GetElementById($"comment-{comment.Id}")!;
            await Redirected(client.SubmitAsync(entry.OwnerForm(), entry.Button(button)));
        }
        await AddCommentAsync(commenterEmail);
        var erase = (await client.GetPageAsync("/admin/comments")).Form("form input[name=email]");
        await Redirected(client.SubmitAsync(erase.Fill(new Dictionary<string, string> { ["email"] = commenterEmail })));

        // Accounts: add, role, disable, enable, new password; the second-factor requirement on and off; own second factor.
        var users = await client.GetPageAsync("/admin/users");
        await Redirected(client.SubmitAsync(users.Form("form input[name=password]").Fill(new Dictionary<string, string>
        {
            ["email"] = editorEmail, ["password"] = "كلمة-مرور-المحرر-1", ["role"] = StaffRoles.Editor,
        })));
        foreach (var (button, fill) in new[] { ("تغيير الدور", StaffRoles.Admin), ("تغيير الدور", StaffRoles.Editor), ("إيقاف", null), ("تفعيل", null) })
        {
            users = await client.GetPageAsync("/admin/users");
            var account = RowForm(users, ".admin-row", editorEmail);
            if (fill is not null) account.Fill(new Dictionary<string, string> { ["newRole"] = fill });
            await Redirected(client.SubmitAsync(account, account.Button(button)));
        }
        var editorId = await factory.WithDb(db => db.Users.Where(u => u.Email == editorEmail).Select(u => u.Id).SingleAsync());
        var password = await client.GetPageAsync($"/admin/users/{editorId}/password");
        await Redirected(client.SubmitAsync(password.Form("form input[name=password]").Fill(new Dictionary<string, string> { ["password"] = "كلمة-مرور-أخرى-2" })));
        await client.EnrolTwoFactorAsync();
        var own = await client.GetPageAsync("/admin/account/two-factor");
        await Redirected(client.SubmitAsync(own.Button("رموز استرداد جديدة").OwnerForm(), own.Button("رموز استرداد جديدة")));
        foreach (var on in new[] { "true", "false" })
        {
            users = await client.GetPageAsync("/admin/users");
            await Redirected(client.SubmitAsync(users.Form("form input[name=required]").Fill(new Dictionary<string, string> { ["required"] = on })));
        }

        // The audit log, as the Admin reads it.
        var audit = await client.GetPageAsync("/admin/audit");
        var html = audit.DocumentElement.OuterHtml;
        var rows = audit.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        foreach (var action in new[]
        {
            "محاولة دخول فاشلة", "دخول", "قسم جديد", "تغيير اسم قسم", "نقل قسم", "حذف قسم", "نشر مقال", "إلغاء نشر مقال", "حذف مقال",
            "مراجعة تعليق", "حذف تعليق نهائياً", "محو بيانات شخصية", "حساب جديد", "تغيير دور", "إيقاف حساب", "تفعيل حساب",
            "كلمة مرور جديدة", "تغيير إلزامية التحقق بخطوتين", "تفعيل التحقق بخطوتين", "رموز استرداد جديدة",
        })
            Assert.Contains(rows, r => r.Contains(action) && r.Contains(adminEmail) && r.Contains(Address));
        CommentTestKit.AssertNoTraceOf(commenterEmail, html, "the audit page");
        Assert.DoesNotContain(await factory.WithDb(db => db.AuditEntries.Select(e => e.Subject).ToListAsync()), s => s != null && s.Contains('@'));
        Assert.True(await factory.WithDb(db => db.AuditEntries.AnyAsync(e => e.UserId == admin.Id && e.Action == AuditAction.CommentsErased)));

        // Signing out is the last action; then no line of the log names anyone by email.
        await Redirected(client.SubmitAsync(audit.Form(".admin-user")));
        Assert.True(await factory.WithDb(db => db.AuditEntries.AnyAsync(e => e.UserId == admin.Id && e.Action == AuditAction.SignOut)));
        var log = factory.Logs.AllText;
        foreach (var email in new[] { adminEmail, editorEmail })
            Assert.DoesNotContain(email, log, StringComparison.OrdinalIgnoreCase);
        CommentTestKit.AssertNoTraceOf(commenterEmail, log, "the log");
        Assert.Contains(admin.Id, log);
    }

    [Fact]
    public async Task An_editor_cannot_read_the_audit_log()
    {
        var editor = await factory.SignedInAsEditorAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/audit")).StatusCode);
        Assert.DoesNotContain((await editor.GetPageAsync("/admin")).QuerySelectorAll(".admin-nav a"), a => a.GetAttribute("href") == "/admin/audit");
    }

    [Fact]
    public async Task The_audit_log_is_read_newest_first_fifty_entries_a_page()
    {
        using var site = new MadarFactory();
        var admin = await site.SignedInAsAdminAsync();
        var start = site.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        await site.WithDb(async db =>
        {
            for (var i = 0; i < 120; i++)
                db.AuditEntries.Add(new AuditEntry { At = start.AddMinutes(i), Action = AuditAction.ArticleSaved, Subject = $"article {i}" });
            await db.SaveChangesAsync();
        });

        var first = await admin.GetPageAsync("/admin/audit");
        var rows = first.QuerySelectorAll("tbody tr");
        Assert.Equal(50, rows.Length);
        Assert.Contains("دخول", rows[0].TextContent); // this sign-in is the newest entry
        Assert.Contains("article 119", rows[1].TextContent);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal("/admin/audit?page=2", next);
        var third = await admin.GetPageAsync("/admin/audit?page=3");
        Assert.Equal(21, third.QuerySelectorAll("tbody tr").Length);
        Assert.Null(third.QuerySelector("a[rel=next]"));
        foreach (var page in new[] { "0", "-1", "2147483647" })
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/audit?page={page}")).StatusCode);
    }
}
