using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Admin;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages.Admin.Articles;

/// <summary>The list's bulk changes: checked rows, «متابعة…» shows what will change, «تأكيد» saves it once.</summary>
public class BulkTests(MadarFactory madar) : AdminArticleTests(madar), IClassFixture<MadarFactory>
{
    [SkippableFact]
    public async Task Continue_lists_what_will_change_and_saves_nothing()
    {
        var staff = await factory.SignedInStaffAsync();
        var m = Marker();
        var a = await AnArticle($"أول {m}").Draft().SaveAsync(factory);
        var b = await AnArticle($"ثان {m}").Draft().SaveAsync(factory);
        var out_ = await AnArticle($"منشور من قبل {m}").Published().SaveAsync(factory);

        var confirm = await ContinueAsync(staff.Client, $"q={m}", "Publish", null, a.Id, b.Id, out_.Id);

        Assert.Equal("تأكيد نشر مقالين", confirm.QuerySelector("#confirm-title")!.Text().Trim());
        var rows = confirm.QuerySelectorAll(".admin-confirm tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        var first = rows.Single(r => r.Text().Contains($"أول {m}"));
        Assert.Equal("مسودة", first.QuerySelector("td[data-label=الآن]")!.Text().Trim());
        Assert.Equal("منشور", first.QuerySelector("td[data-label='بعد التأكيد']")!.Text().Trim());
        Assert.Equal("لا يتغير", rows.Single(r => r.Text().Contains("منشور من قبل")).QuerySelector("td[data-label='بعد التأكيد']")!.Text().Trim());
        // Only what changes is carried to the confirmation.
        var carried = confirm.QuerySelectorAll(".admin-confirm input[name=ids]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(new[] { b.Id, a.Id }.Select(i => i.ToString(CultureInfo.InvariantCulture)), carried);
        Assert.Equal(ArticleStatus.Draft, await StatusAsync(a.Id));
        Assert.Equal(ArticleStatus.Draft, await StatusAsync(b.Id));
    }

    [SkippableFact]
    public async Task Confirming_publishes_in_one_save_with_an_audit_entry_each_and_the_public_pages_follow()
    {
        var staff = await factory.SignedInStaffAsync();
        var m = Marker();
        var a = await AnArticle($"للنشر أ {m}").Draft().SaveAsync(factory);
        var b = await AnArticle($"للنشر ب {m}").Draft().SaveAsync(factory);
        var untouched = await AnArticle($"يبقى مسودة {m}").Draft().SaveAsync(factory);
        var reader = factory.NewClient();
        Assert.DoesNotContain($"للنشر أ {m}", (await reader.GetPageAsync("/")).Body!.Text()); // the home page, now cached

        var confirm = await ContinueAsync(staff.Client, $"q={m}&status=draft", "Publish", null, a.Id, b.Id);
        var response = await staff.Client.SubmitAsync(confirm.Form(".admin-confirm form"), confirm.QuerySelector(".admin-confirm")!.Button("تأكيد"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/articles?status=draft&q={m}", Uri.UnescapeDataString(response.Headers.Location!.OriginalString));
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        foreach (var id in new[] { a.Id, b.Id })
        {
            var stored = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(x => x.Id == id));
            Assert.Equal(ArticleStatus.Published, stored.Status);
            Assert.Equal(now, stored.PublishedAt!.Value, TimeSpan.FromMilliseconds(1)); // PostgreSQL keeps microseconds
            Assert.True(await factory.WithDb(db => db.AuditEntries.AnyAsync(e =>
                e.UserId == staff.UserId && e.Action == AuditAction.ArticlePublished && e.Subject == $"article {id}")));
        }
        Assert.Equal(ArticleStatus.Draft, await StatusAsync(untouched.Id));
        var list = await staff.Client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("تم نشر مقالين.", list.QuerySelector(".admin-notice")!.Text().Trim());
        Assert.Contains($"للنشر أ {m}", (await reader.GetPageAsync("/")).Body!.Text()); // evicted, as for a single save
        Assert.Contains($"للنشر ب {m}", (await reader.GetPageAsync("/search?q=" + Uri.EscapeDataString(m))).Body!.Text()); // and indexed
    }

    [SkippableFact]
    public async Task Unpublishing_and_moving_follow_the_single_edit_rules()
    {
        var staff = await factory.SignedInStaffAsync();
        var m = Marker();
        var published = await AnArticle($"منشور {m}").Published(TimeSpan.FromDays(3)).SaveAsync(factory);
        var other = await AnArticle($"آخر {m}").Published().SaveAsync(factory);
        var sportsName = $"رياضة {m}";
        var sports = await factory.WithDb(async db =>
        {
            var section = db.Sections.Add(new Section { Name = sportsName, Position = 50 }).Entity;
            await db.SaveChangesAsync();
            return section.Id;
        });

        var unpublish = await ContinueAsync(staff.Client, $"q={m}", "Unpublish", null, published.Id);
        Assert.Equal("تأكيد إلغاء نشر مقال واحد", unpublish.QuerySelector("#confirm-title")!.Text().Trim());
        await staff.Client.SubmitAsync(unpublish.Form(".admin-confirm form"), unpublish.QuerySelector(".admin-confirm")!.Button("تأكيد"));
        var stored = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(x => x.Id == published.Id));
        Assert.Equal(ArticleStatus.Draft, stored.Status);
        Assert.Equal(published.PublishedAt!.Value, stored.PublishedAt!.Value, TimeSpan.FromMilliseconds(1)); // kept, as the form keeps it
        Assert.True(await factory.WithDb(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.ArticleUnpublished && e.Subject == $"article {published.Id}")));

        var move = await ContinueAsync(staff.Client, $"q={m}", "Move", sports, published.Id, other.Id);
        Assert.Equal($"تأكيد نقل مقالين إلى قسم «{sportsName}»", move.QuerySelector("#confirm-title")!.Text().Trim());
        var moved = await staff.Client.SubmitAsync(move.Form(".admin-confirm form"), move.QuerySelector(".admin-confirm")!.Button("تأكيد"));
        Assert.Equal([sports, sports], await factory.WithDb(db => db.Articles.Where(x => x.Id == published.Id || x.Id == other.Id).Select(x => x.SectionId).ToListAsync()));
        Assert.Equal(ArticleStatus.Draft, await StatusAsync(published.Id)); // a move changes the section only
        Assert.Equal($"تم نقل مقالين إلى قسم «{sportsName}».", (await staff.Client.GetPageAsync(moved.Headers.Location!.OriginalString)).QuerySelector(".admin-notice")!.Text().Trim());
    }

    [SkippableTheory]
    [InlineData("Publish", "", "لم تختر أي مقال: علّم المقالات المطلوبة في القائمة أولاً.", false)]
    [InlineData("Move", "", "اختر القسم الذي تُنقل إليه المقالات.", true)]
    [InlineData("Move", "999999", "اختر القسم الذي تُنقل إليه المقالات.", true)]
    [InlineData("Explode", "", "اختر ما يُفعل بالمقالات المختارة.", true)]
    public async Task An_incomplete_bulk_request_is_answered_in_arabic_and_changes_nothing(string change, string to, string message, bool checkOne)
    {
        var staff = await factory.SignedInStaffAsync();
        var m = Marker();
        var draft = await AnArticle($"مسودة {m}").Draft().SaveAsync(factory);
        var page = await staff.Client.GetPageAsync($"/admin/articles?q={m}");
        var form = page.Form("form.admin-articles");
        if (checkOne) ((IHtmlInputElement)page.GetElementById($"select-{draft.Id}")!).IsChecked = true;
        var (_, action, fields) = form.Submission(form.Button("متابعة"));
        fields.RemoveAll(f => f.Key is "change" or "to");
        fields.Add(new("change", change));
        fields.Add(new("to", to));

        var response = await staff.Client.PostAsync(action, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ParsePageAsync()).QuerySelector(".form-errors")!.Text());
        Assert.Equal(ArticleStatus.Draft, await StatusAsync(draft.Id));
    }

    [SkippableFact]
    public async Task A_bulk_request_without_a_sign_in_or_without_the_form_token_changes_nothing()
    {
        var staff = await factory.SignedInStaffAsync();
        var draft = await AnArticle($"محمية {Marker()}").Draft().SaveAsync(factory);
        var fields = new Dictionary<string, string> { ["ids"] = draft.Id.ToString(CultureInfo.InvariantCulture), ["change"] = "Publish" };

        var anonymous = await factory.NewClient().PostAsync("/admin/articles?handler=Apply", new FormUrlEncodedContent(fields));
        var forged = await staff.Client.PostAsync("/admin/articles?handler=Apply", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/admin/login", anonymous.RedirectTarget().AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(ArticleStatus.Draft, await StatusAsync(draft.Id));
        Assert.False(await factory.WithDb(db => db.AuditEntries.AnyAsync(e => e.Subject == $"article {draft.Id}")));
    }

    /// <summary>Ticks the rows on the filtered list, chooses the change and clicks «متابعة…»; returns the confirmation page.</summary>
    private static async Task<IHtmlDocument> ContinueAsync(HttpClient client, string query, string change, int? to, params int[] ids)
    {
        var page = await client.GetPageAsync("/admin/articles?" + query);
        var form = page.Form("form.admin-articles");
        foreach (var id in ids) ((IHtmlInputElement)page.GetElementById($"select-{id}")!).IsChecked = true;
        var values = new Dictionary<string, string> { ["change"] = change };
        if (to is { } section) values["to"] = section.ToString(CultureInfo.InvariantCulture);
        form.Fill(values);
        var response = await client.SubmitAsync(form, form.Button("متابعة"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ParsePageAsync();
    }

    private Task<ArticleStatus> StatusAsync(int id) =>
        factory.WithDb(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    private static string Marker() => "ج" + Guid.NewGuid().ToString("N")[..8];
}
