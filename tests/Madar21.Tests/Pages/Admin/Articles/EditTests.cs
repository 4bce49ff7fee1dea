using System.Globalization;
using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Articles;
using Madar21.Web.Models;
using Madar21.Web.Site;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Articles;

public class EditTests(MadarFactory madar) : AdminArticleTests(madar), IClassFixture<MadarFactory>
{
    [SkippableFact]
    public async Task Editing_the_title_moves_the_article_to_a_new_url_and_the_old_one_answers_301()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var article = await CreateAsync(editor, Unique("عنوان أول للمقال"), "نص ثابت.", ArticleStatus.Published);
        var newTitle = Unique("عنوان ثان بعد التعديل");

        var edit = await editor.GetPageAsync($"/admin/articles/{article.Id}/edit");
        Assert.Equal(article.Title, edit.QuerySelector("input[name=title]")!.GetAttribute("value"));
        Assert.Equal("Published", edit.QuerySelector("input[name=status][checked]")!.GetAttribute("value"));
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var form = edit.Form("form.article-form").Fill(new Dictionary<string, string> { ["title"] = newTitle });
        var saved = await editor.SubmitAsync(form, form.Button("حفظ"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var updated = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id));
        Assert.NotEqual(article.Slug, updated.Slug);
        Assert.Equal(article.PublishedAt, updated.PublishedAt); // already out: its publication time stays
        var old = await factory.NewClient().GetAsync(UrlOf(article));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal(UrlOf(updated), old.Headers.Location!.OriginalString);
        Assert.Equal(newTitle, (await factory.NewClient().GetPageAsync(UrlOf(updated))).QuerySelector("h1")!.Text());
    }

    [SkippableFact]
    public async Task Unpublishing_makes_the_article_disappear()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var article = await CreateAsync(editor, Unique("سيسحب من النشر"), "نص.", ArticleStatus.Published);
        Assert.True(await ListedAsync("/", article));

        var edit = await editor.GetPageAsync($"/admin/articles/{article.Id}/edit");
        var form = edit.Form("form.article-form").Fill(new Dictionary<string, string> { ["status"] = "Draft" });
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(form, form.Button("حفظ"))).StatusCode);

        Assert.False(await ListedAsync("/", article));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewClient().GetAsync(UrlOf(article))).StatusCode);
    }

    [SkippableFact]
    public async Task Saving_after_a_preview_stores_the_edit_of_an_existing_article()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var article = await CreateAsync(editor, Unique("مقال قبل التعديل"), "النص الأول.", ArticleStatus.Published);
        var edited = Unique("مقال بعد التعديل");
        var edit = $"/admin/articles/{article.Id}/edit";

        var preview = await SubmitArticleAsync(editor, edit, new Dictionary<string, string>
        {
            ["title"] = edited, ["body"] = "النص الثاني بعد المعاينة.",
        }, button: "معاينة");
        var form = (await preview.ParsePageAsync()).Form("form.article-form");
        var saved = await editor.SubmitAsync(form, form.Button("حفظ"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id));
        Assert.Equal(edited, stored.Title);
        Assert.Equal("النص الثاني بعد المعاينة.", stored.BodyMarkdown);
        Assert.Equal(edit, saved.Headers.Location!.OriginalString);
    }

    [SkippableFact]
    public async Task Editing_a_seeded_article_marks_it_edited_so_a_later_import_keeps_it()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var seeded = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.SeedKey == "000_58416a67d00a4d59"));
        Assert.False(seeded.EditedInSite);

        var edit = await editor.GetPageAsync($"/admin/articles/{seeded.Id}/edit");
        var form = edit.Form("form.article-form").Fill(new Dictionary<string, string> { ["summary"] = "ملخص كتبه المحرر." });
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(form, form.Button("حفظ"))).StatusCode);

        var after = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == seeded.Id));
        Assert.True(after.EditedInSite);
        Assert.Equal("ملخص كتبه المحرر.", after.Excerpt);
        Assert.Equal(seeded.Title, after.Title);
        Assert.Equal(seeded.PublishedAt, after.PublishedAt);

        await factory.WithService<Madar21.Web.Seeding.SeedImportSummary, Madar21.Web.Seeding.SeedImporter>(importer =>
        {
            File.SetLastWriteTimeUtc(Directory.EnumerateFiles(factory.SeedsPath).First(), DateTime.UtcNow.AddMinutes(1));
            File.AppendAllText(Directory.EnumerateFiles(factory.SeedsPath).First(), "\n\nفقرة أضيفت إلى الملف.\n");
            return importer.ImportFolderAsync(factory.SeedsPath);
        });
        Assert.Equal("ملخص كتبه المحرر.", (await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == seeded.Id))).Excerpt);
    }

    [SkippableFact]
    public async Task Of_two_editors_on_the_same_article_the_second_save_is_refused_and_keeps_what_they_typed()
    {
        var first = await factory.SignedInAsEditorAsync();
        var second = await factory.SignedInAsEditorAsync();
        var article = await CreateAsync(first, Unique("مقال يفتحه محرران"), "النص الأصلي.", ArticleStatus.Published);
        var url = $"/admin/articles/{article.Id}/edit";
        var firstTitle = Unique("عنوان المحرر الأول");
        var secondTitle = Unique("عنوان المحرر الثاني");
        var firstForm = (await first.GetPageAsync(url)).Form("form.article-form")
            .Fill(new Dictionary<string, string> { ["title"] = firstTitle, ["body"] = "نص المحرر الأول." });
        var secondForm = (await second.GetPageAsync(url)).Form("form.article-form")
            .Fill(new Dictionary<string, string> { ["title"] = secondTitle, ["body"] = "نص المحرر الثاني.", ["summary"] = "ملخص المحرر الثاني." });

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstForm, firstForm.Button("حفظ"))).StatusCode);
        var refused = await second.SubmitAsync(secondForm, secondForm.Button("حفظ"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParsePageAsync();
        Assert.Contains(ArticleEditor.ConflictMessage, page.QuerySelector("[role=alert]")!.Text());
        Assert.Equal(secondTitle, page.QuerySelector("input[name=title]")!.GetAttribute("value"));
        Assert.Equal("نص المحرر الثاني.", page.QuerySelector("textarea[name=body]")!.TextContent.Trim());
        Assert.Equal("ملخص المحرر الثاني.", page.QuerySelector("textarea[name=summary]")!.TextContent.Trim());
        var stored = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id));
        Assert.Equal(firstTitle, stored.Title); // the first editor's work is not overwritten
        Assert.Equal("نص المحرر الأول.", stored.BodyMarkdown);
        // What the first editor changed since the second opened the form, word by word, to merge by hand.
        var changes = page.QuerySelector(".meanwhile-changes .revision-diff")!;
        Assert.Equal("rtl", changes.GetAttribute("dir"));
        Assert.Equal(new[] { "النص الأصلي" }, changes.QuerySelectorAll(".diff-body del").Select(d => d.TextContent.Trim()));
        Assert.Equal(new[] { "نص المحرر الأول" }, changes.QuerySelectorAll(".diff-body ins").Select(d => d.TextContent.Trim()));
        Assert.Contains("عنوان المحرر الأول", string.Concat(changes.QuerySelectorAll(".diff-title ins").Select(d => d.TextContent)));

        // Having seen the message, the second editor may save again on purpose: now it replaces the first version.
        var again = page.Form("form.article-form");
        Assert.Equal(HttpStatusCode.Redirect, (await second.SubmitAsync(again, again.Button("حفظ"))).StatusCode);
        stored = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id));
        Assert.Equal(secondTitle, stored.Title);
        Assert.Equal("نص المحرر الثاني.", stored.BodyMarkdown);
        // Both texts stay in the history: the first editor's save is a revision, the second's the newest.
        var bodies = await factory.WithDb(db => db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == article.Id)
            .OrderBy(r => r.Id).Select(r => r.BodyMarkdown).ToListAsync());
        Assert.Equal(new[] { "النص الأصلي.", "نص المحرر الأول.", "نص المحرر الثاني." }, bodies);
    }

    [SkippableFact]
    public async Task An_edit_form_opened_before_a_save_elsewhere_cannot_overwrite_it_even_unchanged()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var article = await CreateAsync(editor, Unique("مقال يحفظ مرتين"), "النص.", ArticleStatus.Published);
        var url = $"/admin/articles/{article.Id}/edit";
        var stale = (await editor.GetPageAsync(url)).Form("form.article-form");
        var fresh = (await editor.GetPageAsync(url)).Form("form.article-form")
            .Fill(new Dictionary<string, string> { ["body"] = "النص بعد التعديل." });
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(fresh, fresh.Button("حفظ"))).StatusCode);

        var refused = await editor.SubmitAsync(stale, stale.Button("حفظ"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("النص بعد التعديل.", (await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id))).BodyMarkdown);
    }
}
