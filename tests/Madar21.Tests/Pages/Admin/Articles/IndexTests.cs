using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Articles;
using Madar21.Web.Models;
using Madar21.Web.Site;
using Madar21.Web.Site.Dates;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages.Admin.Articles;

public class IndexTests(MadarFactory madar) : AdminArticleTests(madar), IClassFixture<MadarFactory>
{
    [SkippableFact]
    public async Task The_article_list_shows_status_section_and_comment_counts_and_searches_titles()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var article = await CreateAsync(editor, $"بحث {marker}", "نص.", ArticleStatus.Published);

        var all = await editor.GetPageAsync("/admin/articles");
        Assert.NotEmpty(all.QuerySelectorAll(".admin-table tbody tr"));
        var found = await editor.GetPageAsync("/admin/articles?q=" + marker);
        var row = Assert.Single(found.QuerySelectorAll(".admin-table tbody tr"));
        Assert.Contains(article.Title, row.Text());
        Assert.Contains(Politics, row.Text());
        Assert.Contains("منشور", row.Text());
        Assert.Equal("لا تعليقات", row.QuerySelector("td[data-label=التعليقات]")!.Text().Trim());
        Assert.Equal($"/admin/articles/{article.Id}/edit", row.QuerySelector("td[data-label=العنوان] a")!.GetAttribute("href"));
    }

    [SkippableFact]
    public async Task Each_filter_narrows_the_list_and_the_form_keeps_it_in_the_address()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var m = Marker();
        var section = "قسم " + m;
        var draft = await AnArticle($"مسودة {m}").InSection(section).Draft().SaveAsync(factory);
        var published = await AnArticle($"منشور {m}").InSection(section).Published(TimeSpan.FromHours(2)).SaveAsync(factory);
        var ahead = await AnArticle($"مجدول {m}").InSection(section).ScheduledAt(now.AddDays(2)).SaveAsync(factory);
        var due = await AnArticle($"حان وقته {m}").InSection(section).ScheduledAt(now.AddHours(-1)).SaveAsync(factory);
        var elsewhere = await AnArticle($"في قسم آخر {m}").Published().SaveAsync(factory);
        var sectionId = await factory.WithDb(db => db.Sections.Where(s => s.Name == section).Select(s => s.Id).SingleAsync());

        Assert.Equal([draft.Id], await IdsAsync(editor, $"q={m}&status=draft"));
        Assert.Equal([elsewhere.Id, due.Id, published.Id], await IdsAsync(editor, $"q={m}&status=published")); // a passed schedule is out
        Assert.Equal([ahead.Id], await IdsAsync(editor, $"q={m}&status=scheduled"));
        Assert.Equal([due.Id, ahead.Id, published.Id, draft.Id], await IdsAsync(editor, $"section={sectionId}"));
        Assert.Equal([due.Id, published.Id], await IdsAsync(editor, $"section={sectionId}&status=published"));

        // The form is a GET form that shows the filters it was opened with, and submitting it gives the same address.
        var page = await editor.GetPageAsync($"/admin/articles?q={m}&status=scheduled&section={sectionId}");
        var form = (IHtmlFormElement)page.QuerySelector("form.admin-filters")!;
        Assert.Equal("get", form.Method, ignoreCase: true);
        Assert.Equal("scheduled", ((IHtmlSelectElement)form.QuerySelector("#status")!).Value);
        Assert.Equal(sectionId.ToString(CultureInfo.InvariantCulture), ((IHtmlSelectElement)form.QuerySelector("#section")!).Value);
        Assert.Equal(m, ((IHtmlInputElement)form.QuerySelector("#q")!).Value);
        var again = await (await editor.SubmitAsync(form)).ParsePageAsync();
        Assert.Equal([ahead.Id], Ids(again));
        var row = Assert.Single(again.QuerySelectorAll(".admin-table tbody tr"));
        Assert.Equal($"سيُنشر في {MoroccanDate.FormatWithTime(ahead.PublishedAt!.Value)}", row.QuerySelector("td[data-label=التاريخ]")!.Text().Trim());
        Assert.Equal("مجدول", row.QuerySelector("td[data-label=الحالة]")!.Text().Trim());
    }

    [SkippableTheory]
    [InlineData("ازمه المياه")] // أ/ا and ة/ه
    [InlineData("أزمة المِيَاهِ")] // tashkeel typed in the query
    [InlineData("الكبرى")] // ى/ي: stored «الكبري»
    [InlineData("مدينة  الرباط")] // spaces typed twice
    [InlineData("ALPHA")] // Latin letters, any case
    public async Task Title_search_folds_arabic_spelling_and_finds_drafts_too(string typed)
    {
        var editor = await factory.SignedInAsEditorAsync();
        var section = "بحث " + Marker();
        var article = await AnArticle("أزمةُ المياه في مدينة الرباط الكبري alpha").InSection(section).Draft().SaveAsync(factory);
        await AnArticle("خبر آخر عن المدينة").InSection(section).Draft().SaveAsync(factory);
        var sectionId = await factory.WithDb(db => db.Sections.Where(s => s.Name == section).Select(s => s.Id).SingleAsync());

        Assert.Equal([article.Id], await IdsAsync(editor, $"section={sectionId}&q={Uri.EscapeDataString(typed)}"));
    }

    [SkippableFact]
    public async Task A_search_that_matches_nothing_says_so_in_arabic()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var page = await editor.GetPageAsync("/admin/articles?q=" + Marker());
        Assert.Empty(page.QuerySelectorAll(".admin-table tbody tr"));
        Assert.Equal("لا توجد مقالات تطابق هذه التصفية.", page.QuerySelector("main .empty")!.Text().Trim());
    }

    [SkippableFact]
    public async Task Pages_of_fifty_go_forward_and_back_newest_or_oldest_first_keeping_the_filters()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var section = "أرشيف " + Marker();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var ids = await factory.WithDb(async db =>
        {
            var added = Enumerable.Range(0, 55).Select(i => AnArticle($"مقال الأرشيف {i}").InSection(section).Published(TimeSpan.FromMinutes(i)).AddTo(db, now)).ToList();
            await db.SaveChangesAsync();
            return added.Select(a => a.Id).OrderByDescending(id => id).ToList();
        });
        var sectionId = await factory.WithDb(db => db.Sections.Where(s => s.Name == section).Select(s => s.Id).SingleAsync());

        var first = await editor.GetPageAsync($"/admin/articles?section={sectionId}");
        Assert.Equal(ids.Take(50), Ids(first));
        Assert.Null(first.QuerySelector(".pager a[rel=prev]"));
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal($"/admin/articles?section={sectionId}&after={ids[49]}", next);

        var second = await editor.GetPageAsync(next);
        Assert.Equal(ids.Skip(50), Ids(second));
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));
        var back = await editor.GetPageAsync(second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal(ids.Take(50), Ids(back));
        Assert.Null(back.QuerySelector(".pager a[rel=prev]"));
        Assert.NotNull(back.QuerySelector(".pager a[rel=next]"));

        var oldest = await editor.GetPageAsync($"/admin/articles?section={sectionId}&sort=oldest");
        Assert.Equal(ids.AsEnumerable().Reverse().Take(50), Ids(oldest));
        Assert.Equal($"/admin/articles?section={sectionId}&sort=oldest&after={ids[^50]}", oldest.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(ids.Take(5).Reverse(), Ids(await editor.GetPageAsync(oldest.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!)));
    }

    [SkippableTheory]
    [InlineData("status=nonsense")]
    [InlineData("section=abc")]
    [InlineData("section=-1")]
    [InlineData("after=-5")]
    [InlineData("before=2147483647&after=x")]
    [InlineData("sort=sideways")]
    [InlineData("page=2147483647")]
    public async Task Forged_filter_values_give_a_list_not_an_error(string query)
    {
        var editor = await factory.SignedInAsEditorAsync();

        var response = await editor.GetAsync("/admin/articles?" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(factory.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    private static string Marker() => "م" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<List<int>> IdsAsync(HttpClient client, string query) =>
        Ids(await client.GetPageAsync("/admin/articles?" + query));

    private static List<int> Ids(IHtmlDocument page) =>
        page.QuerySelectorAll(".admin-table tbody input[name=ids]").Select(i => int.Parse(i.GetAttribute("value")!, CultureInfo.InvariantCulture)).ToList();
}
