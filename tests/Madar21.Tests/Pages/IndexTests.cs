using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;
using Madar21.Web.Models;
using Madar21.Web.Site.Dates;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages;

/// <summary>
/// The home page as editors make it: a pinned lead and featured stories until their expiry (then the newest), the
/// latest news, and a block per section in the navigation's order. Read as an anonymous reader, through the page cache.
/// </summary>
public class IndexTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("N")[..6]}";

    private static string PathOf(Article a) => $"/article/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    private static string? LeadHref(IHtmlDocument doc) => doc.QuerySelector(".lead .lead-title a")?.GetAttribute("href");

    private static List<string?> FeaturedHrefs(IHtmlDocument doc) =>
        doc.QuerySelectorAll(".featured .card-title a").Select(a => a.GetAttribute("href")).ToList();

    /// <summary>Sets the front page through its admin form: place 0 the lead, 1… featured; an article id and an optional end.</summary>
    private static async Task<HttpResponseMessage> PinAsync(HttpClient editor, params (int Place, int ArticleId, string? Until)[] pins)
    {
        var page = await editor.GetPageAsync("/admin/front");
        var values = new Dictionary<string, string>();
        foreach (var input in page.QuerySelectorAll("form.front-form input[name^='Places[']"))
            values[input.GetAttribute("name")!] = "";
        foreach (var (place, id, until) in pins)
        {
            values[$"Places[{place}].Article"] = id.ToString(CultureInfo.InvariantCulture);
            values[$"Places[{place}].ExpiresAt"] = until ?? "";
        }
        var form = page.Form("form.front-form").Fill(values);
        return await editor.SubmitAsync(form);
    }

    private async Task<List<Article>> PublishAsync(int count, string title, string section = "سياسة", int minutesAgo = 0)
    {
        // Later than anything published before (the seed article is published at the start-up's time).
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var articles = new List<Article>();
        for (var i = 0; i < count; i++)
            articles.Add(await AnArticle(Unique($"{title} {i}")).InSection(section)
                .Published(TimeSpan.FromMinutes(minutesAgo) + TimeSpan.FromSeconds(count - i)).SaveAsync(factory));
        return articles; // the last is the newest
    }

    [SkippableFact]
    public async Task Home_lists_the_seed_article_with_its_section()
    {
        var client = await factory.StartAsync();
        var article = await factory.SeedArticleAsync();
        var doc = await client.GetPageAsync("/");

        var link = doc.QuerySelectorAll("main a").First(a => a.GetAttribute("href") == CommentTestKit.PathOf(article));
        Assert.Equal(article.Title, link.Text());
        Assert.Contains(doc.QuerySelectorAll("nav.sections-nav a"), a => a.Text() == "سياسة");
    }

    [SkippableFact]
    public async Task Pinned_lead_and_featured_stories_hold_their_places_until_their_expiry_then_the_newest_takes_them()
    {
        var reader = await factory.StartAsync();
        var editor = await factory.SignedInAsEditorAsync();
        var older = await PublishAsync(3, "خبر مثبت");
        var newest = await PublishAsync(6, "خبر جديد");
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var inAnHour = MoroccanDate.WallClockValue(now.AddHours(1));
        Assert.Equal(PathOf(newest[^1]), LeadHref(await reader.GetPageAsync("/")));

        var saved = await PinAsync(editor, (0, older[0].Id, inAnHour), (2, older[1].Id, null), (1, older[2].Id, inAnHour));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(3, await factory.WithDb(db => db.FrontPins.CountAsync()));

        var home = await reader.GetPageAsync("/");
        Assert.Equal(PathOf(older[0]), LeadHref(home));
        // Places 1 and 2 as pinned, then the newest fill the other two; nothing shows twice.
        Assert.Equal([PathOf(older[2]), PathOf(older[1]), PathOf(newest[^1]), PathOf(newest[^2])], FeaturedHrefs(home));
        var latest = home.QuerySelectorAll(".front-latest .latest-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(PathOf(newest[^3]), latest[0]);
        Assert.DoesNotContain(PathOf(older[0]), latest);
        Assert.True((await reader.GetAsync("/")).Headers.Age is not null, "the home page is served from the page cache");

        // The hour passes with no request and no save: the timed eviction puts the newest back in the ended places.
        factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await Eventually(async () => LeadHref(await reader.GetPageAsync("/")) == PathOf(newest[^1]));
        home = await reader.GetPageAsync("/");
        Assert.Equal([PathOf(older[1]), PathOf(newest[^2]), PathOf(newest[^3]), PathOf(newest[^4])], FeaturedHrefs(home));
    }

    [SkippableFact]
    public async Task A_pinned_article_that_stops_being_public_gives_its_place_to_the_newest()
    {
        var reader = await factory.StartAsync();
        var editor = await factory.SignedInAsEditorAsync();
        var pinned = await AnArticle(Unique("خبر سيسحب")).Published(TimeSpan.FromDays(2)).SaveAsync(factory);
        await PinAsync(editor);
        var newest = (await PublishAsync(1, "أحدث خبر"))[0];
        Assert.Equal(HttpStatusCode.Redirect, (await PinAsync(editor, (0, pinned.Id, null))).StatusCode);
        Assert.Equal(PathOf(pinned), LeadHref(await reader.GetPageAsync("/")));

        await UpdateAsync(factory, pinned.Id, a => a.Status = ArticleStatus.Draft);

        Assert.Equal(PathOf(newest), LeadHref(await reader.GetPageAsync("/")));
        var admin = await editor.GetPageAsync("/admin/front");
        Assert.Contains("لم يعد منشوراً", admin.QuerySelector("form.front-form")!.Text());
    }

    [SkippableFact]
    public async Task A_wrong_article_or_a_past_expiry_is_refused_in_arabic_keeping_what_was_typed_and_storing_nothing()
    {
        await factory.StartAsync();
        var editor = await factory.SignedInAsEditorAsync();
        var article = (await PublishAsync(1, "خبر للتثبيت"))[0];
        var draft = await AnArticle(Unique("مسودة لا تثبت")).Draft().SaveAsync(factory);
        await PinAsync(editor); // nothing pinned
        var yesterday = MoroccanDate.WallClockValue(factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1));

        var refused = await PinAsync(editor, (0, draft.Id, null), (1, article.Id, yesterday), (2, article.Id, null));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.ParsePageAsync();
        var summary = page.QuerySelector(".form-errors")!.Text();
        Assert.Contains("لا يوجد مقال منشور بهذا الرابط أو الرقم.", summary);
        Assert.Contains("اختر موعداً في المستقبل", summary);
        Assert.Contains("هذا المقال مثبّت في مكان آخر من الواجهة.", summary);
        Assert.Equal(draft.Id.ToString(CultureInfo.InvariantCulture), page.QuerySelector("input[name='Places[0].Article']")!.GetAttribute("value"));
        Assert.Equal(yesterday, page.QuerySelector("input[name='Places[1].ExpiresAt']")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithDb(db => db.FrontPins.CountAsync()));
    }

    [SkippableFact]
    public async Task Section_blocks_follow_the_navigation_order_with_the_newest_of_each_section()
    {
        var reader = await factory.StartAsync();
        var editor = await factory.SignedInAsEditorAsync();
        await PinAsync(editor);
        var sport = await PublishAsync(6, "رياضة", "رياضة");
        var politics = await PublishAsync(2, "سياسة", "سياسة", minutesAgo: 60);
        var economy = await PublishAsync(2, "اقتصاد", "اقتصاد", minutesAgo: 30);
        var hidden = await AnArticle(Unique("مسودة رياضية")).InSection("رياضة").Draft().SaveAsync(factory);
        // Economy first in the navigation, then sport, then politics.
        await factory.WithDb(async db =>
        {
            foreach (var section in await db.Sections.ToListAsync())
                section.Position = section.Name switch { "اقتصاد" => 1, "رياضة" => 2, "سياسة" => 3, _ => 10 + section.Id };
            await db.SaveChangesAsync();
        });

        var home = await reader.GetPageAsync("/");
        var navOrder = home.QuerySelectorAll("nav.sections-nav a").Select(a => a.Text()).Where(n => n != "الرئيسية").ToList();
        var blocks = home.QuerySelectorAll("section.section-block").ToList();
        var names = blocks.Select(b => b.QuerySelector("h2")!.Text()).ToList();
        Assert.Equal(navOrder.Where(names.Contains).ToList(), names);
        Assert.Equal(["اقتصاد", "رياضة", "سياسة"], names.Take(3));

        // The lead and the featured stories are all sport here (the newest): the sport block shows the next ones.
        var shownAbove = FeaturedHrefs(home).Append(LeadHref(home)).ToHashSet();
        var sportBlock = blocks[1].QuerySelectorAll(".card-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(sport.AsEnumerable().Reverse().Select(PathOf).Where(p => !shownAbove.Contains(p)).Take(4), sportBlock);
        Assert.NotEmpty(sportBlock);
        Assert.DoesNotContain(PathOf(hidden), home.DocumentElement.OuterHtml);
        Assert.Equal("/section/" + Uri.EscapeDataString("اقتصاد"), blocks[0].QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal(economy.AsEnumerable().Reverse().Select(PathOf).Where(p => !shownAbove.Contains(p)),
            blocks[0].QuerySelectorAll(".card-title a").Select(a => a.GetAttribute("href")));
    }

    [SkippableFact]
    public async Task A_page_number_on_the_home_page_goes_to_the_latest_news()
    {
        var client = await factory.StartAsync();
        await PublishAsync(8, "خبر");
        var response = await client.GetAsync("/?page=3");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/latest?page=3", response.Headers.Location!.OriginalString);
        Assert.Equal("/latest", (await client.GetPageAsync("/")).QuerySelector(".front-latest .more a")!.GetAttribute("href"));
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail("condition not met within 5 s");
    }
}
