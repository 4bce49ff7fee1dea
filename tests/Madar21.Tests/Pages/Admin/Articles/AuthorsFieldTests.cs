using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Authors;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Articles;

/// <summary>The byline on the article form (_Authors.cshtml): one list a place, the creator by default.</summary>
public class AuthorsFieldTests(MadarFactory madar) : AdminArticleTests(madar), IClassFixture<MadarFactory>
{
    private Task<List<int>> BylineAsync(int articleId) =>
        factory.WithDb(db => db.ArticleAuthors.Where(x => x.ArticleId == articleId).OrderBy(x => x.Position).Select(x => x.ProfileId).ToListAsync());

    private Task<int> ProfileIdOfAsync(string userId) =>
        factory.WithDb(db => db.StaffProfiles.Where(p => p.UserId == userId).Select(p => p.Id).SingleAsync());

    private static void Choose(AngleSharp.Html.Dom.IHtmlFormElement form, params int?[] profiles)
    {
        var selects = form.QuerySelectorAll("select[name=authors]").Cast<AngleSharp.Html.Dom.IHtmlSelectElement>().ToList();
        for (var i = 0; i < selects.Count; i++)
        {
            var value = i < profiles.Length ? profiles[i]?.ToString() ?? "" : "";
            foreach (var option in selects[i].Options) option.IsSelected = option.Value == value;
        }
    }

    [Fact]
    public async Task A_new_article_is_credited_to_whoever_writes_it_by_default()
    {
        var staff = await factory.SignedInStaffAsync();
        var title = Unique("مقال بتوقيع كاتبه");
        var article = await CreateAsync(staff.Client, title, "نص.", ArticleStatus.Published);
        var me = await ProfileIdOfAsync(staff.UserId);
        Assert.Equal([me], await BylineAsync(article.Id));

        var form = (await staff.Client.GetPageAsync($"/admin/articles/{article.Id}/edit")).Form("form.article-form");
        Assert.Equal(me.ToString(), form.QuerySelector("select#Authors option[selected]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("label[for=Authors]"));
    }

    [Fact]
    public async Task Two_authors_chosen_in_order_make_the_byline_and_emptying_every_place_credits_the_desk()
    {
        var staff = await factory.SignedInStaffAsync();
        var first = await factory.AuthorAsync(Unique("مريم"));
        var second = await factory.AuthorAsync(Unique("كريم"));
        var page = await staff.Client.GetPageAsync("/admin/articles/new");
        var form = page.Form("form.article-form").Fill(new Dictionary<string, string>
        {
            ["title"] = Unique("تحقيق مشترك"), ["section"] = await SectionIdAsync(), ["body"] = "نص التحقيق.", ["status"] = "Published",
        });
        Choose(form, second.ProfileId, null, first.ProfileId);
        var saved = await staff.Client.SubmitAsync(form, form.Button("حفظ"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[3]);
        Assert.Equal([second.ProfileId, first.ProfileId], await BylineAsync(id));
        var article = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal($"بقلم {second.Name} و{first.Name}", (await factory.NewClient().GetPageAsync(UrlOf(article))).QuerySelector(".article-header .byline")!.Text());

        var edit = (await staff.Client.GetPageAsync($"/admin/articles/{id}/edit")).Form("form.article-form");
        Choose(edit);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Client.SubmitAsync(edit, edit.Button("حفظ"))).StatusCode);
        Assert.Empty(await BylineAsync(id));
        Assert.Equal("بقلم هيئة التحرير", (await factory.NewClient().GetPageAsync(UrlOf(article))).QuerySelector(".article-header .byline")!.Text());
    }

    [Fact]
    public async Task Editing_a_seed_article_keeps_it_credited_to_the_desk()
    {
        var staff = await factory.SignedInStaffAsync();
        var seed = await factory.WithDb(db => db.Articles.AsNoTracking().Where(a => a.SeedKey != null).OrderBy(a => a.Id).FirstAsync());
        var response = await SubmitArticleAsync(staff.Client, $"/admin/articles/{seed.Id}/edit", new() { ["summary"] = "ملخص جديد." });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await BylineAsync(seed.Id));
    }

    [Fact]
    public async Task An_author_who_is_gone_is_refused_in_Arabic_keeping_the_form()
    {
        var staff = await factory.SignedInStaffAsync();
        var title = Unique("مقال كاتب محذوف");
        var form = (await staff.Client.GetPageAsync("/admin/articles/new")).Form("form.article-form").Fill(new Dictionary<string, string>
        {
            ["title"] = title, ["section"] = await SectionIdAsync(), ["body"] = "نص.", ["status"] = "Draft",
        });
        var (_, action, fields) = form.Submission(form.Button("حفظ"));
        var posted = fields.Where(f => f.Key != "authors").Append(new("authors", "999999"));
        var response = await staff.Client.PostAsync(action, new FormUrlEncodedContent(posted));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParsePageAsync();
        Assert.Equal("أحد الكتّاب المختارين لم يعد موجودًا؛ اختر من القائمة.", page.QuerySelector("#Authors-error")!.Text());
        Assert.Equal(title, page.QuerySelector("input[name=title]")!.GetAttribute("value"));
        Assert.False(await factory.WithDb(db => db.Articles.AnyAsync(a => a.Title == title)));
    }

    [Fact]
    public async Task Publishing_unpublishing_and_rescheduling_carry_the_byline_copy_along()
    {
        var author = await factory.AuthorAsync(Unique("منى"));
        var article = await ArticleBuilder.AnArticle(Unique("مقال يتنقل")).By(author.ProfileId).Draft().SaveAsync(factory);
        Task<DateTime?> CopyAsync() => factory.WithDb(db => db.ArticleAuthors.Where(x => x.ArticleId == article.Id).Select(x => x.PublishedAt).SingleAsync());
        Assert.Null(await CopyAsync());

        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var at = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddMinutes(-5); // PostgreSQL keeps microseconds
        await factory.WithDb(async db =>
        {
            var a = await db.Articles.SingleAsync(x => x.Id == article.Id); // the byline rows are not loaded: they follow after the save
            (a.Status, a.PublishedAt) = (ArticleStatus.Published, at);
            await db.SaveChangesAsync();
        });
        Assert.Equal(at, await CopyAsync());
        Assert.Contains(UrlOf(article), (await factory.NewClient().GetPageAsync(author.PagePath)).QuerySelectorAll(".card-title a").Select(a => a.GetAttribute("href")));

        await factory.WithDb(async db =>
        {
            var a = await db.Articles.SingleAsync(x => x.Id == article.Id);
            a.Status = ArticleStatus.Draft;
            await db.SaveChangesAsync();
        });
        Assert.Null(await CopyAsync());
        Assert.Empty((await factory.NewClient().GetPageAsync(author.PagePath)).QuerySelectorAll(".card"));
    }
}
