using System.Net;
using Madar21.Tests.Infrastructure;

namespace Madar21.Tests.Pages;

/// <summary>The footer's own pages: من نحن، اتصل بنا، الخصوصية.</summary>
public class StaticPagesTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    [Fact]
    public async Task The_footer_links_to_about_contact_and_privacy_and_each_answers_with_its_page()
    {
        var client = await factory.StartAsync();
        var footer = (await client.GetPageAsync("/")).QuerySelector("footer.site-footer")!;
        var links = footer.QuerySelectorAll("nav[aria-labelledby=footer-pages] a").Select(a => (a.Text(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("من نحن", "/about"), ("اتصل بنا", "/contact"), ("الخصوصية", "/privacy")], links);

        foreach (var (title, href) in links)
        {
            var response = await client.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ParsePageAsync();
            Assert.Equal(title, page.QuerySelector("main h1")!.Text());
            Assert.StartsWith(title, page.Title);
        }
    }

    [Fact]
    public async Task The_contact_page_shows_the_newsrooms_address_only_when_one_is_configured()
    {
        var client = await factory.StartAsync();
        Assert.Null((await client.GetPageAsync("/contact")).QuerySelector("main a[href^='mailto:']"));

        using var configured = new MadarFactory().With("Site:ContactEmail", "tahrir@madar21.test");
        var page = await (await configured.StartAsync()).GetPageAsync("/contact");
        Assert.Equal("mailto:tahrir@madar21.test", page.QuerySelector("main a[href^='mailto:']")!.GetAttribute("href"));
    }
}
