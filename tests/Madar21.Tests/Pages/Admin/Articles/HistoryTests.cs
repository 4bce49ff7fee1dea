using System.Net;
using AngleSharp.Dom;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Madar21.Web.Revisions;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Articles;

public class HistoryTests(MadarFactory madar) : AdminArticleTests(madar), IClassFixture<MadarFactory>
{
    private async Task<List<ArticleRevision>> RevisionsOfAsync(int articleId) =>
        await factory.WithDb(db => db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId).OrderBy(r => r.Id).ToListAsync());

    private async Task EditAsync(HttpClient client, int id, Dictionary<string, string> values)
    {
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitArticleAsync(client, $"/admin/articles/{id}/edit", values)).StatusCode);
    }

    private static IElement Diff(IDocument page, string part) => page.QuerySelector($".revision-diff .diff-{part}")!;

    [SkippableFact]
    public async Task Every_save_keeps_a_revision_with_its_text_who_and_when()
    {
        var writer = await factory.SignedInStaffAsync();
        var article = await CreateAsync(writer.Client, Unique("مقال له سجل"), "النص الأول.", ArticleStatus.Draft);
        await EditAsync(writer.Client, article.Id, new() { ["body"] = "النص الثاني.", ["summary"] = "ملخص." });
        var other = await factory.SignedInStaffAsync();
        await EditAsync(other.Client, article.Id, new() { ["status"] = "Published" });

        var revisions = await RevisionsOfAsync(article.Id);
        Assert.Equal(new[] { RevisionKind.Created, RevisionKind.Edited, RevisionKind.Edited }, revisions.Select(r => r.Kind));
        Assert.Equal(new[] { "النص الأول.", "النص الثاني.", "النص الثاني." }, revisions.Select(r => r.BodyMarkdown));
        Assert.Equal(new string?[] { null, "ملخص.", "ملخص." }, revisions.Select(r => r.Summary));
        Assert.Equal(new string?[] { writer.UserId, writer.UserId, other.UserId }, revisions.Select(r => r.StaffUserId));
        Assert.Equal(new[] { ArticleStatus.Draft, ArticleStatus.Draft, ArticleStatus.Published }, revisions.Select(r => r.Status));
        Assert.All(revisions, r => Assert.Equal(article.SectionId, r.SectionId));
        Assert.All(revisions, r => Assert.Equal("", r.Tags));
        var stored = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id));
        Assert.Equal(stored.Version, revisions[^1].ArticleVersion);
        Assert.Equal(stored.UpdatedAt, revisions[^1].CreatedAt);

        // The history, newest first: who (never an email address), what kind of change.
        var history = await writer.Client.GetPageAsync($"/admin/articles/{article.Id}/history");
        var rows = history.QuerySelectorAll(".revision-list tbody tr");
        Assert.Equal(revisions.Select(r => r.Id.ToString()).Reverse(), rows.Select(r => r.QuerySelector("input[name=from]")!.GetAttribute("value")));
        Assert.Equal(new[] { "تعديل", "تعديل", "إنشاء" }, rows.Select(r => r.QuerySelector("td[data-label=التغيير]")!.Text()));
        Assert.Equal("أنت", rows[1].QuerySelector("td[data-label=مَن]")!.Text());
        // Others by their public name (their staff profile), never by the account's email address.
        var otherName = await factory.WithDb(db => db.StaffProfiles.Where(p => p.UserId == other.UserId).Select(p => p.DisplayName).FirstOrDefaultAsync());
        Assert.Equal(otherName ?? $"الحساب {other.UserId[..8]}", rows[0].QuerySelector("td[data-label=مَن]")!.Text());
        Assert.DoesNotContain("@", history.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(other.Email, history.DocumentElement.OuterHtml);
    }

    [SkippableFact]
    public async Task A_seeded_article_s_first_edit_keeps_its_imported_text_as_the_original()
    {
        var editor = await factory.SignedInStaffAsync();
        var seeded = await factory.WithDb(db => db.Articles.AsNoTracking().Where(a => a.SeedKey != null && !a.EditedInSite).OrderBy(a => a.Id).FirstAsync());
        Assert.Empty(await RevisionsOfAsync(seeded.Id)); // the import keeps none: the file is its history

        await EditAsync(editor.Client, seeded.Id, new() { ["title"] = seeded.Title + " (محدث)" });

        var revisions = await RevisionsOfAsync(seeded.Id);
        Assert.Equal(new[] { RevisionKind.Original, RevisionKind.Edited }, revisions.Select(r => r.Kind));
        Assert.Equal(seeded.Title, revisions[0].Title);
        Assert.Equal(seeded.BodyMarkdown, revisions[0].BodyMarkdown);
        Assert.Null(revisions[0].StaffUserId);
        Assert.Equal(seeded.Version, revisions[0].ArticleVersion);
        Assert.Equal(seeded.Title + " (محدث)", revisions[1].Title);
    }

    [SkippableFact]
    public async Task The_history_shows_the_last_change_word_by_word_right_to_left()
    {
        var editor = await factory.SignedInStaffAsync();
        var article = await CreateAsync(editor.Client, Unique("مقال عن المدرسة"), "ذهب الولد إلى المدرسة صباحاً، ثم عاد.\n\nفقرة ثانية لا تتغير.", ArticleStatus.Published);
        await EditAsync(editor.Client, article.Id, new()
        {
            ["title"] = article.Title.Replace("المدرسة", "السوق"),
            ["body"] = "ذهب الولد إلى السوق مساءً، ثم عاد.\n\nفقرة ثانية لا تتغير.",
        });

        var page = await editor.Client.GetPageAsync($"/admin/articles/{article.Id}/history");

        Assert.Equal("rtl", page.QuerySelector(".revision-diff")!.GetAttribute("dir"));
        var body = Diff(page, "body");
        Assert.Equal(new[] { "المدرسة صباحاً" }, body.QuerySelectorAll("del").Select(d => d.TextContent));
        Assert.Equal(new[] { "السوق مساءً" }, body.QuerySelectorAll("ins").Select(i => i.TextContent));
        Assert.Contains("ذهب الولد إلى ", body.TextContent);
        Assert.Contains("فقرة ثانية لا تتغير.", body.TextContent);
        Assert.All(body.QuerySelectorAll("ins, del"), e => Assert.DoesNotContain("ذهب", e.TextContent));
        // The title is compared on its own.
        var title = Diff(page, "title");
        Assert.Equal(new[] { "المدرسة" }, title.QuerySelectorAll("del").Select(d => d.TextContent));
        Assert.Equal(new[] { "السوق" }, title.QuerySelectorAll("ins").Select(i => i.TextContent));
        Assert.Null(page.QuerySelector(".revision-diff .diff-summary")); // unchanged: not shown
    }

    [SkippableFact]
    public async Task Any_two_revisions_can_be_compared_and_text_is_encoded()
    {
        var editor = await factory.SignedInStaffAsync();
        var article = await CreateAsync(editor.Client, Unique("مقال بثلاث نسخ"), "أ ب ج", ArticleStatus.Draft);
        await EditAsync(editor.Client, article.Id, new() { ["body"] = "أ ب ج د" });
        await EditAsync(editor.Client, article.Id, new() { ["body"] = "أ ج د <script>alert(1)</script>" });
        var ids = (await RevisionsOfAsync(article.Id)).Select(r => r.Id).ToList();

        var page = await editor.Client.GetPageAsync($"/admin/articles/{article.Id}/history?from={ids[0]}&to={ids[2]}");

        var body = Diff(page, "body");
        Assert.Contains("ب", string.Concat(body.QuerySelectorAll("del").Select(d => d.TextContent)));
        Assert.Contains("د <script>alert(1)</script>", string.Concat(body.QuerySelectorAll("ins").Select(i => i.TextContent)));
        Assert.StartsWith("أ", body.TextContent); // the first word is in both, outside any mark
        Assert.Empty(body.QuerySelectorAll("script"));
        // A revision of another article, or one that does not exist, compares nothing and breaks nothing.
        var stray = await editor.Client.GetAsync($"/admin/articles/{article.Id}/history?from=999999999&to={ids[2]}");
        Assert.Equal(HttpStatusCode.OK, stray.StatusCode);
        Assert.Null((await stray.ParsePageAsync()).QuerySelector(".revision-diff"));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.GetAsync("/admin/articles/999999999/history")).StatusCode);
    }

    [SkippableFact]
    public async Task Restoring_an_older_revision_saves_it_as_a_new_one_and_keeps_the_history()
    {
        var editor = await factory.SignedInStaffAsync();
        var firstTitle = Unique("العنوان الأول");
        var article = await CreateAsync(editor.Client, firstTitle, "النص الأول الذي سيعود.", ArticleStatus.Draft);
        await EditAsync(editor.Client, article.Id, new() { ["title"] = firstTitle + " معدل", ["body"] = "نص ثان.", ["status"] = "Published" });
        var before = await RevisionsOfAsync(article.Id);

        var page = await editor.Client.GetPageAsync($"/admin/articles/{article.Id}/history?from={before[0].Id}");
        var form = page.Form("form.revision-restore");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var restored = await editor.Client.SubmitAsync(form, form.Button("استعادة"));

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var stored = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id));
        Assert.Equal(firstTitle, stored.Title);
        Assert.Equal("النص الأول الذي سيعود.", stored.BodyMarkdown);
        Assert.Contains("النص الأول الذي سيعود", stored.BodyHtml);
        Assert.Equal(ArticleStatus.Published, stored.Status); // the restore brings text back, not the status
        var after = await RevisionsOfAsync(article.Id);
        Assert.Equal(before.Select(r => (r.Id, r.Title, r.BodyMarkdown)), after.Take(2).Select(r => (r.Id, r.Title, r.BodyMarkdown)));
        Assert.Equal(3, after.Count);
        Assert.Equal(RevisionKind.Restored, after[2].Kind);
        Assert.Equal(before[0].Id, after[2].RestoredFromId);
        Assert.Equal(firstTitle, after[2].Title);
        Assert.Equal(editor.UserId, after[2].StaffUserId);

        // The restore is in the history, named as such.
        var history = await editor.Client.GetPageAsync($"/admin/articles/{article.Id}/history");
        Assert.Equal($"استعادة النسخة {before[0].Id}", history.QuerySelector(".revision-list tbody tr td[data-label=التغيير]")!.Text());
        Assert.Equal(new[] { "معدل" }, Diff(history, "title").QuerySelectorAll("del").Select(d => d.TextContent.Trim()));
    }

    [SkippableFact]
    public async Task Restoring_brings_back_the_revision_s_tags_and_every_revision_keeps_them()
    {
        var editor = await factory.SignedInStaffAsync();
        var article = await CreateAsync(editor.Client, Unique("مقال بوسوم"), "نص أول.", ArticleStatus.Draft);
        await EditAsync(editor.Client, article.Id, new() { ["tags"] = "التحالف الدولي، الرباط" });
        await EditAsync(editor.Client, article.Id, new() { ["tags"] = "الرباط", ["body"] = "نص ثان." });
        var before = await RevisionsOfAsync(article.Id);
        Assert.Equal(new[] { "", "التحالف الدولي، الرباط", "الرباط" }, before.Select(r => r.Tags));

        var page = await editor.Client.GetPageAsync($"/admin/articles/{article.Id}/history?from={before[1].Id}");
        var form = page.Form("form.revision-restore");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.Client.SubmitAsync(form, form.Button("استعادة"))).StatusCode);

        var tags = await factory.WithDb(db => db.ArticleTags.Where(t => t.ArticleId == article.Id).Select(t => t.Tag!.Name).ToListAsync());
        Assert.Equal(new[] { "التحالف الدولي", "الرباط" }, tags.Order());
        Assert.Equal("التحالف الدولي، الرباط", (await RevisionsOfAsync(article.Id))[^1].Tags);
    }

    [SkippableFact]
    public async Task A_restore_from_a_page_opened_before_another_save_is_refused()
    {
        var editor = await factory.SignedInStaffAsync();
        var article = await CreateAsync(editor.Client, Unique("مقال يستعاد متأخراً"), "الأول.", ArticleStatus.Draft);
        await EditAsync(editor.Client, article.Id, new() { ["body"] = "الثاني." });
        var first = (await RevisionsOfAsync(article.Id))[0];
        var page = await editor.Client.GetPageAsync($"/admin/articles/{article.Id}/history?from={first.Id}");
        await EditAsync(editor.Client, article.Id, new() { ["body"] = "الثالث، محفوظ في نافذة أخرى." });

        var form = page.Form("form.revision-restore");
        var refused = await editor.Client.SubmitAsync(form, form.Button("استعادة"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("حُفظ المقال بعد أن فتحتَ هذه الصفحة", (await refused.ParsePageAsync()).QuerySelector("[role=alert]")!.Text());
        Assert.Equal("الثالث، محفوظ في نافذة أخرى.", (await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id))).BodyMarkdown);
        Assert.Equal(3, (await RevisionsOfAsync(article.Id)).Count);
    }

    [SkippableFact]
    public async Task The_history_costs_a_few_queries_however_many_revisions_it_lists()
    {
        using var counting = new CountingFactory();
        var editor = await counting.SignedInStaffAsync();
        var history = new HistoryTests(counting);
        var article = await history.CreateAsync(editor.Client, Unique("مقال بنسخ كثيرة"), "نص 0", ArticleStatus.Draft);
        await counting.WithDb(async db =>
        {
            for (var i = 1; i <= 60; i++) // more than a page
                db.ArticleRevisions.Add(new ArticleRevision
                {
                    ArticleId = article.Id, ArticleVersion = i, Kind = RevisionKind.Edited, Title = article.Title, BodyMarkdown = $"نص {i}",
                    SectionId = article.SectionId, StaffUserId = $"staff-{i}", CreatedAt = counting.Clock.GetUtcNow().UtcDateTime,
                });
            await db.SaveChangesAsync();
        });
        var path = $"/admin/articles/{article.Id}/history";
        await editor.Client.GetAsync(path); // what every admin page reads once (the session, the navigation) is warm

        counting.Commands.Clear();
        var page = await editor.Client.GetPageAsync(path);

        Assert.Equal(ArticleRevisions.PageSize, page.QuerySelectorAll(".revision-list tbody tr").Length);
        Assert.NotNull(page.QuerySelector(".revision-diff"));
        Assert.NotNull(page.QuerySelector("a[rel=next]"));
        var commands = counting.Commands.For(path);
        Assert.True(commands.Count(c => c.Contains("ArticleRevisions")) <= 2, string.Join("\n---\n", commands));
        Assert.True(commands.Count <= 16, $"{commands.Count} commands:\n" + string.Join("\n---\n", commands));
    }

    [SkippableFact]
    public async Task Restoring_a_revision_of_another_article_finds_nothing()
    {
        var editor = await factory.SignedInStaffAsync();
        var one = await CreateAsync(editor.Client, Unique("مقال أول"), "نص.", ArticleStatus.Draft);
        var two = await CreateAsync(editor.Client, Unique("مقال ثان"), "نص آخر.", ArticleStatus.Draft);
        await EditAsync(editor.Client, one.Id, new() { ["body"] = "نص معدل." });
        var revisionOfTwo = (await RevisionsOfAsync(two.Id))[0];
        var page = await editor.Client.GetPageAsync($"/admin/articles/{one.Id}/history?from={(await RevisionsOfAsync(one.Id))[0].Id}");
        var form = page.Form("form.revision-restore");
        form.QuerySelector("input[name=revision]")!.SetAttribute("value", revisionOfTwo.Id.ToString());

        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.SubmitAsync(form, form.Button("استعادة"))).StatusCode);
        Assert.Equal("نص معدل.", (await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == one.Id))).BodyMarkdown);
    }
}
