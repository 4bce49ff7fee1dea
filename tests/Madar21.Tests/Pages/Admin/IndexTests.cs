using Madar21.Tests.Infrastructure;
using Madar21.Web.Articles;
using Madar21.Web.Models;
using Madar21.Web.Site.Dates;
using Madar21.Web.Text;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;
using static Madar21.Tests.Infrastructure.CommentBuilder;

namespace Madar21.Tests.Pages.Admin;

/// <summary>/admin: what needs attention, counted in Arabic, each card opening the list filtered to it.</summary>
public class IndexTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    [SkippableFact]
    public async Task The_cards_count_in_arabic_list_the_next_scheduled_and_open_their_filtered_lists()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var soon = await AnArticle("يصدر قريباً").ScheduledAt(now.AddHours(5)).SaveAsync(factory);
        var later = await AnArticle("يصدر لاحقاً").ScheduledAt(now.AddDays(3)).SaveAsync(factory);
        await AnArticle("حان وقته").ScheduledAt(now.AddMinutes(-5)).SaveAsync(factory); // out already: not scheduled
        var drafts = new List<Article>();
        for (var i = 0; i < 11; i++) drafts.Add(await AnArticle($"مسودة {i}").Draft().SaveAsync(factory));
        var article = await AnArticle("مقال عليه تعليقات").Published().SaveAsync(factory);
        await AComment("تعليق أول").On(article.Id).SaveAsync(factory);
        await AComment("تعليق ثان").On(article.Id).SaveAsync(factory);
        var published = await factory.WithDb(db => db.Articles.PublicAt(now).CountAsync());

        var page = await editor.GetPageAsync("/admin");

        Assert.Equal("تعليقان بانتظار المراجعة", Card(page, "comments"));
        Assert.Equal("مقالان مجدولان", Card(page, "scheduled"));
        Assert.Equal("11 مسودةً", Card(page, "drafts"));
        Assert.Equal(ArabicPlural.Format(published, ArabicPlural.PublishedArticles), Card(page, "published"));
        var scheduled = page.QuerySelectorAll("[aria-labelledby=card-scheduled] li").Select(li => li.Text().Trim()).ToList();
        Assert.Equal([$"يصدر قريباً سيُنشر في {MoroccanDate.FormatWithTime(soon.PublishedAt!.Value)}",
            $"يصدر لاحقاً سيُنشر في {MoroccanDate.FormatWithTime(later.PublishedAt!.Value)}"], scheduled.Select(Squeeze));
        var recent = page.QuerySelectorAll("[aria-labelledby=card-drafts] li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(drafts.AsEnumerable().Reverse().Take(5).Select(d => $"/admin/articles/{d.Id}/edit"), recent);

        Assert.Equal("/admin/comments?status=pending", Link(page, "comments"));
        var scheduledList = await editor.GetPageAsync(Link(page, "scheduled"));
        Assert.Equal(["يصدر قريباً", "يصدر لاحقاً"], Titles(scheduledList));
        var draftList = await editor.GetPageAsync(Link(page, "drafts"));
        Assert.Equal(drafts.AsEnumerable().Reverse().Select(d => d.Title), Titles(draftList));
        var publishedList = await editor.GetPageAsync(Link(page, "published"));
        Assert.Contains("حان وقته", Titles(publishedList));
        var comments = await editor.GetPageAsync(Link(page, "comments"));
        Assert.Equal(2, comments.QuerySelectorAll(".admin-comment").Length);
    }

    private static string Card(AngleSharp.Html.Dom.IHtmlDocument page, string card) =>
        Squeeze(page.QuerySelector($"[aria-labelledby=card-{card}] .admin-card-count")!.Text());

    private static string Link(AngleSharp.Html.Dom.IHtmlDocument page, string card) =>
        page.QuerySelector($"[aria-labelledby=card-{card}] .admin-card-count a")!.GetAttribute("href")!;

    private static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument list) =>
        list.QuerySelectorAll(".admin-table td[data-label=العنوان] bdi").Select(b => b.Text()).ToList();

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
