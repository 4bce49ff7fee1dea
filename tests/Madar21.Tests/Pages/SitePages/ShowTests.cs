using System.Net;
using Madar21.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.SitePages;

/// <summary>The site's own pages: created with the site, linked from the footer, at /page/{slug}; the former addresses move there.</summary>
public class ShowTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private MadarFactory OnSameEngine(MadarFactory other) => factory.Provider == "Postgres" ? other.OnPostgres() : other;

    [SkippableFact]
    public async Task A_new_site_has_its_four_pages_linked_from_the_footer_each_answering_with_its_page()
    {
        var client = await factory.StartAsync();
        var footer = (await client.GetPageAsync("/")).QuerySelector("footer.site-footer")!;
        var links = footer.QuerySelectorAll("nav[aria-labelledby=footer-pages] a").Select(a => (a.Text(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("من نحن", "/page/about"), ("اتصل بنا", "/page/contact"), ("سياسة الخصوصية", "/page/privacy"), ("شروط الاستخدام", "/page/terms")], links);

        foreach (var (title, href) in links)
        {
            var response = await client.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ParsePageAsync();
            Assert.Equal(title, page.QuerySelector("main h1")!.Text());
            Assert.StartsWith(title, page.Title);
            Assert.Equal("http://localhost" + href, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        }
        // Today's text came along: the privacy page says what is kept about commenters.
        Assert.Contains("البريد الإلكتروني مشفّراً", (await client.GetPageAsync("/page/privacy")).QuerySelector("main")!.Text());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/page/la-tujad")).StatusCode);
    }

    [SkippableTheory]
    [InlineData("/about", "/page/about")]
    [InlineData("/contact", "/page/contact")]
    [InlineData("/privacy", "/page/privacy")]
    public async Task The_former_addresses_answer_301_to_the_new_pages(string old, string target)
    {
        var client = await factory.StartAsync();
        var response = await client.GetAsync(old);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(target, response.Headers.Location!.OriginalString);
    }

    [SkippableFact]
    public async Task The_pages_are_created_once_a_deleted_one_does_not_come_back_at_the_next_start()
    {
        // A site of its own: the other tests here need the four pages.
        using var own = OnSameEngine(new MadarFactory());
        await own.StartAsync();
        Assert.Equal(4, await own.WithDb(db => db.SitePages.CountAsync()));
        await own.WithDb(async db =>
        {
            db.SitePages.Remove(await db.SitePages.SingleAsync(p => p.Slug == "terms"));
            await db.SaveChangesAsync();
        });

        // The start-up seeding runs again (as at every start) and leaves the pages as the editors left them.
        await Web.Data.DatabaseSetup.MigrateAsync(own.Services);
        Assert.Equal(["about", "contact", "privacy"], await own.WithDb(db => db.SitePages.OrderBy(p => p.Position).Select(p => p.Slug).ToListAsync()));
    }

    [SkippableFact]
    public async Task The_contact_page_shows_the_newsrooms_address_only_when_one_is_configured()
    {
        var client = await factory.StartAsync();
        Assert.Null((await client.GetPageAsync("/page/contact")).QuerySelector("main a[href^='mailto:']"));

        using var configured = OnSameEngine(new MadarFactory()).With("Site:ContactEmail", "tahrir@madar21.test");
        var page = await (await configured.StartAsync()).GetPageAsync("/page/contact");
        Assert.Equal("mailto:tahrir@madar21.test", page.QuerySelector("main a[href^='mailto:']")!.GetAttribute("href"));
    }
}
