using Madar21.Tests.Infrastructure;
using Madar21.Web.Articles;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages;

/// <summary>Deep section pages seek from remembered marks instead of walking an OFFSET; they must list exactly the same.</summary>
public class SectionDeepPagesTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private const string Section = "عميق";
    private const int Count = DeepPages.Stride * 2 + 150;

    private async Task<HttpClient> StartAsync()
    {
        var client = await factory.StartAsync();
        await factory.WithDb(async db =>
        {
            if (await db.Sections.AnyAsync(s => s.Name == Section)) return;
            var start = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-30);
            for (var i = 0; i < Count; i++)
            {
                // Groups share a time (of 3, and one of 40 across a mark), so that the order also rests on the id.
                var at = start.AddMinutes(i is >= 1110 and < 1150 ? 370 : i / 3);
                var article = AnArticle($"مقال عميق {i}").InSection(Section);
                (i % 97 == 0 ? article.Unpublished(at) : article.PublishedAt(at)).AddTo(db, start);
            }
            await db.SaveChangesAsync();
        });
        return client;
    }

    private async Task<List<string>> ExpectedAsync(int page) =>
        await factory.WithDb(db => db.Articles.Where(a => a.Section!.Name == Section)
            .PublicAt(factory.Clock.GetUtcNow().UtcDateTime).NewestFirst()
            .Skip((page - 1) * Web.Articles.ArticleListPage.Size).Take(Web.Articles.ArticleListPage.Size)
            .Select(a => a.Title).ToListAsync());

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(51)]
    [InlineData(52)]
    [InlineData(56)]
    [InlineData(57)]
    [InlineData(100)]
    [InlineData(101)]
    [InlineData(105)]
    public async Task A_deep_page_lists_what_an_offset_would(int page)
    {
        var client = await StartAsync();
        var doc = await client.GetPageAsync("/section/" + Uri.EscapeDataString(Section) + (page > 1 ? $"?page={page}" : ""));
        var titles = doc.QuerySelectorAll(".cards h3, .cards h2").Select(h => h.Text()).ToList();
        Assert.Equal(await ExpectedAsync(page), titles);
    }

    /// <summary>/latest seeks from marks of its own, over every section (this one and the seed's).</summary>
    [Theory]
    [InlineData(50)]
    [InlineData(51)]
    [InlineData(57)]
    [InlineData(101)]
    public async Task A_deep_page_of_the_latest_news_lists_what_an_offset_would(int page)
    {
        var client = await StartAsync();
        var size = Web.Pages.Latest.IndexModel.PageSize;
        var expected = await factory.WithDb(db => db.Articles.PublicAt(factory.Clock.GetUtcNow().UtcDateTime).NewestFirst()
            .Skip((page - 1) * size).Take(size).Select(a => a.Title).ToListAsync());
        var doc = await client.GetPageAsync($"/latest?page={page}");
        Assert.NotEmpty(expected);
        Assert.Equal(expected, doc.QuerySelectorAll(".cards h2").Select(h => h.Text()).ToList());
    }

    private const string ImportedSection = "مستورد-دفعة-واحدة";

    /// <summary>A seed import gives a whole folder one publication time: the order then rests on the id alone.</summary>
    private async Task<HttpClient> StartWithOneTimeImportAsync()
    {
        var client = await factory.StartAsync();
        await factory.WithDb(async db =>
        {
            if (await db.Sections.AnyAsync(s => s.Name == ImportedSection)) return;
            var imported = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-2);
            for (var i = 0; i < 100; i++) AnArticle($"مقال أقدم {i}").InSection(ImportedSection).PublishedAt(imported.AddDays(-1).AddMinutes(i)).AddTo(db, imported);
            for (var i = 0; i < Count; i++) AnArticle($"مقال مستورد {i}").InSection(ImportedSection).PublishedAt(imported).AddTo(db, imported);
            await db.SaveChangesAsync();
        });
        return client;
    }

    [Theory]
    [InlineData(51)]
    [InlineData(101)]
    [InlineData(108)] // the last of the one time, then the older ones
    [InlineData(109)] // past the one time altogether
    [InlineData(112)]
    public async Task A_deep_page_of_articles_imported_at_one_time_lists_what_an_offset_would(int page)
    {
        var client = await StartWithOneTimeImportAsync();
        var size = Web.Articles.ArticleListPage.Size;
        var expected = await factory.WithDb(db => db.Articles.Where(a => a.Section!.Name == ImportedSection)
            .PublicAt(factory.Clock.GetUtcNow().UtcDateTime).NewestFirst().Skip((page - 1) * size).Take(size).Select(a => a.Title).ToListAsync());
        var doc = await client.GetPageAsync("/section/" + Uri.EscapeDataString(ImportedSection) + $"?page={page}");
        Assert.NotEmpty(expected);
        Assert.Equal(expected, doc.QuerySelectorAll(".cards h3, .cards h2").Select(h => h.Text()).ToList());
    }

    [Fact]
    public async Task A_page_past_the_end_is_not_found()
    {
        var client = await StartAsync();
        var response = await client.GetAsync("/section/" + Uri.EscapeDataString(Section) + "?page=500");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
