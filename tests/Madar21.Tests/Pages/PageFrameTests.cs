using Madar21.Tests.Infrastructure;
using Madar21.Web.Articles;
using Madar21.Web.Models;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages;

/// <summary>What surrounds every page: the sections bar with the current section, the footer, the article's sidebar.</summary>
public class PageFrameTests(PageFrameTests.Factory factory) : IClassFixture<PageFrameTests.Factory>
{
    public sealed class Factory : MadarFactory
    {
        public Factory()
        {
            With("Site:FacebookUrl", "https://www.facebook.com/madar21");
            With("Site:XUrl", "");
        }
    }

    private static string PathOf(Article a) => $"/article/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    private static List<(string Text, string? Current)> Bar(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        doc.QuerySelectorAll("nav.sections-nav a").Select(a => (a.Text(), a.GetAttribute("aria-current"))).ToList();

    [Fact]
    public async Task The_sections_bar_marks_the_current_page_or_the_articles_section()
    {
        var client = await factory.StartAsync();
        var article = await AnArticle("خبر في الاقتصاد").InSection("اقتصاد").Published().SaveAsync(factory);

        var home = Bar(await client.GetPageAsync("/"));
        Assert.Equal([("الرئيسية", "page")], home.Where(l => l.Current is not null));

        var section = Bar(await client.GetPageAsync("/section/" + Uri.EscapeDataString("اقتصاد")));
        Assert.Equal([("اقتصاد", "page")], section.Where(l => l.Current is not null));

        var onArticle = Bar(await client.GetPageAsync(PathOf(article)));
        Assert.Equal([("اقتصاد", "true")], onArticle.Where(l => l.Current is not null));
    }

    [Fact]
    public async Task The_footer_lists_the_sections_the_feed_and_the_configured_accounts_only()
    {
        var client = await factory.StartAsync();
        var doc = await client.GetPageAsync("/");
        var footer = doc.QuerySelector("footer.site-footer")!;

        var barSections = doc.QuerySelectorAll("nav.sections-nav a").Skip(1).Select(a => a.GetAttribute("href")).ToList();
        var footerSections = footer.QuerySelectorAll("[aria-labelledby=footer-sections] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.NotEmpty(footerSections);
        Assert.Equal(barSections, footerSections);

        var follow = footer.QuerySelectorAll("[aria-labelledby=footer-follow] a").Select(a => (a.Text(), a.GetAttribute("href"))).ToList();
        Assert.Contains(("خلاصة RSS", "/feed"), follow);
        Assert.Contains(("فيسبوك", "https://www.facebook.com/madar21"), follow);
        Assert.DoesNotContain(follow, l => l.Item1 == "إكس" || l.Item1 == "يوتيوب");
    }

    [Fact]
    public async Task Beside_an_article_the_sidebar_lists_the_newest_articles_of_the_site_but_not_itself()
    {
        var client = await factory.StartAsync();
        var current = await AnArticle("المقال المقروء").InSection("ثقافة-للجانب").Published(TimeSpan.FromHours(1)).SaveAsync(factory);
        var newer = new List<Article>();
        for (var i = 0; i < ReadingAids.LatestCount + 1; i++)
            newer.Add(await AnArticle($"خبر جديد {i}").InSection("رياضة-للجانب").Published().SaveAsync(factory)); // now: newer than any other, the last added first

        var doc = await client.GetPageAsync(PathOf(current));
        var latest = doc.QuerySelectorAll("aside.sidebar .side-list a").Select(a => a.GetAttribute("href")!).ToList();

        var expected = newer.AsEnumerable().Reverse().Take(ReadingAids.LatestCount).Select(PathOf).ToList();
        Assert.Equal(expected, latest);
        Assert.DoesNotContain(PathOf(current), latest);
    }
}
