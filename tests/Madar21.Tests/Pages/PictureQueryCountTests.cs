using AngleSharp.Html.Parser;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages;

/// <summary>
/// Lists whose every article has a lead picture still cost a fixed number of SQL commands: the thumbnails of a
/// whole list come in one more command, and the article page loads its lead picture and its related cards'
/// thumbnails together. The page cache is off here, so every request reaches the database.
/// </summary>
public class PictureQueryCountTests(CountingFactory factory) : IClassFixture<CountingFactory>
{
    private const string Section = "اقتصاد";

    private async Task<(HttpClient Client, Article Article)> StartWithPicturesAsync()
    {
        var client = await factory.StartAsync();
        await factory.WithDb(async db =>
        {
            if (await db.Articles.AnyAsync(a => a.LeadMediaId != null)) return;
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 24; i++)
            {
                var media = db.Media.Add(new MediaItem
                {
                    Alt = $"صورة {i}", SearchText = $"صوره {i}", OriginalName = $"{i:x64}.jpg", UploadedBy = "test", UploadedAt = now, Width = 1280, Height = 720,
                    Variants = [.. new[] { 320, 640, 1280 }.SelectMany(w => new[] { MediaFormat.Avif, MediaFormat.Webp }.Select(f => new MediaVariant
                    {
                        Kind = MediaVariantKind.Responsive, Format = f, Width = w, Height = w * 9 / 16, Name = $"{i:x2}/{i:x2}{w}-{w}.{f.ToString().ToLowerInvariant()}",
                    }))],
                }).Entity;
                var article = AnArticle($"مقال مصور {i}").InSection(Section).WithBody("نص مصور").Published(TimeSpan.FromMinutes(i)).AddTo(db, now);
                article.LeadMedia = media;
            }
            await db.SaveChangesAsync();
        });
        await client.GetAsync("/"); // the site-wide values, read once
        return (client, await factory.WithDb(db => db.Articles.AsNoTracking().Where(a => a.LeadMediaId != null).OrderBy(a => a.Id).Skip(5).FirstAsync()));
    }

    private async Task<(IReadOnlyCollection<string> Commands, AngleSharp.Html.Dom.IHtmlDocument Page)> GetAsync(HttpClient client, string url, string serverPath)
    {
        factory.Commands.Clear();
        var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (factory.Commands.For(serverPath), await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_article_page_with_a_lead_picture_and_related_thumbnails_sends_at_most_five_commands()
    {
        var (client, article) = await StartWithPicturesAsync();

        var (commands, page) = await GetAsync(client, $"/article/{article.Id}/{Uri.EscapeDataString(article.Slug)}", $"/article/{article.Id}/{article.Slug}");

        Assert.NotNull(page.QuerySelector("figure.picture-lead img"));
        var related = page.QuerySelectorAll("section.related article.card").ToList();
        Assert.NotEmpty(related);
        Assert.All(related, card => Assert.Equal("lazy", card.QuerySelector("figure picture img")!.GetAttribute("loading")));
        Assert.InRange(commands.Count, 1, 5);
    }

    [Fact]
    public async Task Search_results_show_thumbnails_for_at_most_five_commands()
    {
        var (client, _) = await StartWithPicturesAsync();
        var q = Uri.EscapeDataString("مقال مصور");

        var (commands, page) = await GetAsync(client, "/search?q=" + q, "/search?q=" + q);

        var results = page.QuerySelectorAll("li.search-result").ToList();
        Assert.True(results.Count >= 10);
        Assert.All(results, r =>
        {
            var img = r.QuerySelector("figure.picture picture img")!;
            Assert.StartsWith("صورة ", img.GetAttribute("alt"));
            Assert.Equal("8rem", r.QuerySelector("source")!.GetAttribute("sizes"));
            Assert.Null(r.QuerySelector("figcaption"));
        });
        Assert.InRange(commands.Count, 1, 5);
    }

    [Fact]
    public async Task Home_and_section_pages_show_every_cards_thumbnail_for_one_more_command()
    {
        var (client, _) = await StartWithPicturesAsync();

        var (home, homePage) = await GetAsync(client, "/", "/");
        var (section, sectionPage) = await GetAsync(client, "/section/" + Uri.EscapeDataString(Section), "/section/" + Section);

        Assert.NotEmpty(homePage.QuerySelectorAll("article.card figure img"));
        Assert.All(sectionPage.QuerySelectorAll("article.card"), card => Assert.NotNull(card.QuerySelector("figure img")));
        Assert.InRange(home.Count, 1, 5); // the edited front page's bound, its pictures' command included (QueryCountTests)
        Assert.InRange(section.Count, 1, 4);
    }
}
