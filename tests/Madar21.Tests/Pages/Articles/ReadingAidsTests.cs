using AngleSharp.Html.Dom;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Articles;
using Madar21.Web.Models;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages.Articles;

/// <summary>«مقالات ذات صلة» and the previous/next links under an article. Each test has its own sections.</summary>
public class ReadingAidsTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private static string PathOf(Article a) => $"/article/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    private static List<string> Related(IHtmlDocument doc) =>
        doc.QuerySelectorAll(".related .card-title a").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task Previous_and_next_link_the_neighbours_within_the_section_only()
    {
        var client = await factory.StartAsync();
        var oldest = await AnArticle("أقدم خبر ثقافي").InSection("ثقافة").Published(TimeSpan.FromHours(3)).SaveAsync(factory);
        await AnArticle("خبر اقتصادي بينهما").InSection("اقتصاد-للتجاور").Published(TimeSpan.FromHours(2.5)).SaveAsync(factory);
        var middle = await AnArticle("خبر ثقافي أوسط").InSection("ثقافة").Published(TimeSpan.FromHours(2)).SaveAsync(factory);
        await AnArticle("مسودة ثقافية").InSection("ثقافة").Draft().SaveAsync(factory);
        var newest = await AnArticle("أحدث خبر ثقافي").InSection("ثقافة").Published(TimeSpan.FromHours(1)).SaveAsync(factory);

        var doc = await client.GetPageAsync(PathOf(middle));

        Assert.Equal(PathOf(oldest), doc.QuerySelector(".prev-next a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal(PathOf(newest), doc.QuerySelector(".prev-next a[rel=next]")!.GetAttribute("href"));
        var first = await client.GetPageAsync(PathOf(oldest));
        Assert.Null(first.QuerySelector(".prev-next a[rel=prev]"));
        Assert.Equal(PathOf(middle), first.QuerySelector(".prev-next a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Related_lists_other_public_articles_of_the_section_but_not_the_previous_or_next()
    {
        var client = await factory.StartAsync();
        var articles = new List<Article>();
        for (var i = 0; i < 7; i++)
            articles.Add(await AnArticle($"مباراة رقم {i}").InSection("رياضة-للصلة").Published(TimeSpan.FromMinutes(10 * i)).SaveAsync(factory));
        var draft = await AnArticle("مسودة رياضية").InSection("رياضة-للصلة").Draft().SaveAsync(factory);

        var doc = await client.GetPageAsync(PathOf(articles[3]));

        var related = Related(doc);
        Assert.Equal("مقالات ذات صلة", doc.QuerySelector(".related h2")!.TextContent.Trim());
        Assert.Equal(ReadingAids.RelatedCount, related.Count);
        Assert.DoesNotContain(PathOf(articles[2]), related); // the next one, linked above
        Assert.DoesNotContain(PathOf(articles[4]), related); // the previous one
        Assert.Equal(PathOf(articles[2]), doc.QuerySelector(".prev-next a[rel=next]")!.GetAttribute("href"));
        Assert.DoesNotContain(PathOf(articles[3]), related);
        Assert.DoesNotContain(PathOf(draft), related);
        Assert.Equal(related.Distinct(), related);
    }

    [Fact]
    public async Task Articles_sharing_telling_title_words_come_first_whatever_their_section()
    {
        var client = await factory.StartAsync();
        var current = await AnArticle("زيارة بلينكن إلى مراكش").InSection("دولي-للصلة").Published(TimeSpan.FromHours(1)).SaveAsync(factory);
        for (var i = 0; i < 5; i++)
            await AnArticle($"خبر دولي عادي {i}").InSection("دولي-للصلة").Published(TimeSpan.FromMinutes(i)).SaveAsync(factory);
        var similar = await AnArticle("بلينكين يصل مراكش").InSection("سياسة-للصلة").Published(TimeSpan.FromDays(3)).SaveAsync(factory);

        var related = Related(await client.GetPageAsync(PathOf(current)));

        Assert.Equal(PathOf(similar), related[0]);
        Assert.Equal(ReadingAids.RelatedCount, related.Count);
    }

    [Fact]
    public async Task Articles_of_the_same_time_are_neighbours_in_id_order_then_the_times_around_them_follow()
    {
        // A seed import gives every article of a folder the same publication time.
        var client = await factory.StartAsync();
        var older = await AnArticle("خبر رياضي أقدم").InSection("رياضة-متزامنة").Published(TimeSpan.FromHours(3)).SaveAsync(factory);
        var first = await AnArticle("أول خبر رياضي مستورد").InSection("رياضة-متزامنة").Published(TimeSpan.FromHours(2)).SaveAsync(factory);
        var second = await AnArticle("ثاني خبر رياضي مستورد").InSection("رياضة-متزامنة").Published(TimeSpan.FromHours(2)).SaveAsync(factory);
        var third = await AnArticle("ثالث خبر رياضي مستورد").InSection("رياضة-متزامنة").Published(TimeSpan.FromHours(2)).SaveAsync(factory);
        var newer = await AnArticle("خبر رياضي أحدث").InSection("رياضة-متزامنة").Published(TimeSpan.FromHours(1)).SaveAsync(factory);

        async Task<(string? Prev, string? Next)> NeighboursOf(Article a)
        {
            var doc = await client.GetPageAsync(PathOf(a));
            return (doc.QuerySelector(".prev-next a[rel=prev]")?.GetAttribute("href"), doc.QuerySelector(".prev-next a[rel=next]")?.GetAttribute("href"));
        }

        Assert.Equal((PathOf(first), PathOf(third)), await NeighboursOf(second));
        Assert.Equal((PathOf(older), PathOf(second)), await NeighboursOf(first));
        Assert.Equal((PathOf(second), PathOf(newer)), await NeighboursOf(third));
        Assert.Equal((PathOf(third), (string?)null), await NeighboursOf(newer));
    }

    [Fact]
    public async Task An_article_alone_in_its_section_has_no_reading_aids()
    {
        var client = await factory.StartAsync();
        var alone = await AnArticle("ظاهرة فريدة").InSection("قسم-وحيد").Published().SaveAsync(factory);

        var doc = await client.GetPageAsync(PathOf(alone));

        Assert.Null(doc.QuerySelector(".prev-next"));
    }
}
