using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;

namespace Madar21.Tests.Pages.Sections;

public class ShowTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    [Fact]
    public async Task Section_page_has_the_section_as_heading_and_lists_its_article()
    {
        var client = await factory.StartAsync();
        var article = await factory.SeedArticleAsync();
        var doc = await client.GetPageAsync("/section/" + Uri.EscapeDataString("سياسة"));

        Assert.Equal("سياسة", doc.QuerySelector("h1")!.Text());
        Assert.Contains(doc.QuerySelectorAll("main a"), a => a.GetAttribute("href") == CommentTestKit.PathOf(article) && a.Text() == article.Title);
    }
}
