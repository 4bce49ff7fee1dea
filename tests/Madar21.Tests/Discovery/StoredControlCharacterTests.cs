using System.Net;
using System.Xml.Linq;
using Madar21.Tests.Infrastructure;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Discovery;

/// <summary>
/// Text stored before it was cleaned at input (or written by another path) may hold characters XML cannot carry:
/// every XML answer must still be well-formed, for every reader.
/// </summary>
public class StoredControlCharacterTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private const string Section = "\uFFFFاقتصاد";

    [Theory]
    [InlineData("/feed")]
    [InlineData("/news-sitemap.xml")]
    [InlineData("/sitemap.xml")]
    [InlineData("/section/%EF%BF%BF%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF/feed")]
    public async Task Feeds_and_sitemaps_stay_well_formed_with_control_characters_already_stored(string url)
    {
        await factory.StartAsync();
        await AnArticle("عاجل\u0001 خبر\u000B فيه محارف").InSection(Section).WithBody("فقرة\u0001 أولى\u000B.").Published().SaveAsync(factory);

        var response = await factory.NewClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        if (url != "/sitemap.xml")
            Assert.Contains(xml.Descendants(), e => e.Name.LocalName == "title" && e.Value == "عاجل خبر فيه محارف");
    }

    [Fact]
    public async Task The_rss_description_is_the_excerpt_encoded_as_text()
    {
        await factory.StartAsync();
        const string typed = "صورة <img src=https://tracker.example/p.png> & نص";
        await AnArticle("مقال فيه وسم مكتوب").WithSummary(typed).Published().SaveAsync(factory);

        var xml = XDocument.Parse(await factory.NewClient().GetStringAsync("/feed"));

        var item = xml.Descendants("item").Single(i => (string?)i.Element("title") == "مقال فيه وسم مكتوب");
        // A feed reader decodes <description> as HTML: what it must find there is the text, escaped once more.
        Assert.Equal("صورة &lt;img src=https://tracker.example/p.png&gt; &amp; نص", (string?)item.Element("description"));
        Assert.Equal(typed, System.Net.WebUtility.HtmlDecode((string?)item.Element("description")));
    }
}
