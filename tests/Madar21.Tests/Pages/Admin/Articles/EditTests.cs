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
}
