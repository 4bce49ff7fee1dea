using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;

namespace Madar21.Tests.Pages;

public class IndexTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    [Fact]
    public async Task Home_lists_the_seed_article_with_its_section()
    {
        var client = await factory.StartAsync();
        var article = await factory.SeedArticleAsync();
        var doc = await client.GetPageAsync("/");

        var link = doc.QuerySelectorAll("main a").Single(a => a.GetAttribute("href") == CommentTestKit.PathOf(article));
        Assert.Equal(article.Title, link.Text());
        Assert.Contains(doc.QuerySelectorAll("nav.sections-nav a"), a => a.Text() == "سياسة");
    }
}
