using AngleSharp.Html.Dom;
using Madar21.Bench.Corpus;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Articles;
using Madar21.Web.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Articles;

/// <summary>
/// The stored «مقالات ذات صلة» lists stay right as articles are published, edited, unpublished and deleted: read
/// on the article page and in the database. Each test has its own words and sections.
/// </summary>
public class RelatedListsTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private static string PathOf(Article a) => $"/article/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    private async Task<List<string>> RelatedOnPageAsync(Article a)
    {
        var doc = await factory.NewClient().GetPageAsync(PathOf(a));
        return doc.QuerySelectorAll(".related .card-title a").Select(x => x.GetAttribute("href")!).ToList();
    }

    private Task<List<int>> StoredListAsync(int id) =>
        factory.WithDb(db => db.RelatedArticles.Where(r => r.ArticleId == id).OrderBy(r => r.Position).Select(r => r.RelatedId).ToListAsync());

    [SkippableFact]
    public async Task An_article_published_later_appears_under_the_older_one_it_shares_words_with()
    {
        await factory.StartAsync();
        var older = await AnArticle("سدود الأطلس تمتلئ بعد أمطار غزيرة").InSection("جهات-ص1").Published(TimeSpan.FromDays(2)).SaveAsync(factory);
        Assert.Empty(await StoredListAsync(older.Id));

        var later = await AnArticle("أمطار الأطلس تنعش السدود").InSection("فلاحة-ص1").Published().SaveAsync(factory);

        Assert.Equal([later.Id], await StoredListAsync(older.Id));
        Assert.Equal([older.Id], await StoredListAsync(later.Id));
        Assert.Equal(PathOf(later), (await RelatedOnPageAsync(older))[0]);
    }

    [SkippableFact]
    public async Task Sharing_rarer_words_ranks_higher_then_the_same_section_then_the_newest()
    {
        await factory.StartAsync();
        // «مناقصة» is in four titles, «الزليج» and «فاس» in two each (this one and the best match).
        for (var i = 0; i < 2; i++)
            await AnArticle($"مناقصة عمومية رقم {i}").InSection("اقتصاد-ص2").Published(TimeSpan.FromHours(i)).SaveAsync(factory);
        var best = await AnArticle("حرفيو الزليج في فاس").InSection("ثقافة-ص2").Published(TimeSpan.FromDays(5)).SaveAsync(factory);
        var sameSection = await AnArticle("مناقصة لترميم المدارس").InSection("جهات-ص2").Published(TimeSpan.FromDays(4)).SaveAsync(factory);
        var current = await AnArticle("مناقصة الزليج في فاس").InSection("جهات-ص2").Published().SaveAsync(factory);

        var list = await StoredListAsync(current.Id);

        Assert.Equal(best.Id, list[0]);
        Assert.Equal(sameSection.Id, list[1]); // same score as the other two «مناقصة» titles, older, but in the same section
        Assert.Equal(4, list.Count);
    }

    [SkippableFact]
    public async Task A_retitled_article_leaves_the_lists_it_no_longer_belongs_to()
    {
        await factory.StartAsync();
        var a = await AnArticle("قطار البراق يربط طنجة").InSection("نقل-ص3").Published(TimeSpan.FromHours(2)).SaveAsync(factory);
        var b = await AnArticle("البراق يحمل مليون مسافر").InSection("اقتصاد-ص3").Published(TimeSpan.FromHours(1)).SaveAsync(factory);
        Assert.Equal([b.Id], await StoredListAsync(a.Id));

        await UpdateAsync(factory, b.Id, x => x.Title = "حصيلة الموسم السياحي");

        Assert.Empty(await StoredListAsync(a.Id));
        Assert.DoesNotContain(PathOf(b), await RelatedOnPageAsync(a));
    }

    [SkippableFact]
    public async Task An_unpublished_article_leaves_every_page_at_once_and_the_lists_are_computed_again()
    {
        await factory.StartAsync();
        var a = await AnArticle("مهرجان كناوة في الصويرة").InSection("فنون-ص4").Published(TimeSpan.FromHours(3)).SaveAsync(factory);
        var b = await AnArticle("الصويرة تستعد لمهرجان كناوة").InSection("سياحة-ص4").Published(TimeSpan.FromHours(2)).SaveAsync(factory);
        var c = await AnArticle("جمهور كناوة يملأ الساحات").InSection("مجتمع-ص4").Published(TimeSpan.FromHours(1)).SaveAsync(factory);
        Assert.Contains(PathOf(b), await RelatedOnPageAsync(a));

        await UpdateAsync(factory, b.Id, x => x.Status = ArticleStatus.Draft);

        Assert.DoesNotContain(PathOf(b), await RelatedOnPageAsync(a));
        Assert.Equal([c.Id], await StoredListAsync(a.Id));
        Assert.Empty(await StoredListAsync(b.Id));

        await UpdateAsync(factory, b.Id, x => x.Status = ArticleStatus.Published);

        Assert.Contains(b.Id, await StoredListAsync(a.Id));
        Assert.Contains(PathOf(b), await RelatedOnPageAsync(a));
    }

    [SkippableFact]
    public async Task A_deleted_article_leaves_the_lists_and_they_are_filled_again()
    {
        await factory.StartAsync();
        var a = await AnArticle("أسعار زيت الزيتون ترتفع").InSection("أسواق-ص5").Published(TimeSpan.FromHours(3)).SaveAsync(factory);
        var b = await AnArticle("زيت الزيتون يغيب عن الموائد").InSection("مجتمع-ص5").Published(TimeSpan.FromHours(2)).SaveAsync(factory);
        var c = await AnArticle("تصدير الزيتون إلى أوروبا").InSection("اقتصاد-ص5").Published(TimeSpan.FromHours(1)).SaveAsync(factory);

        await factory.WithDb(async db =>
        {
            db.Articles.Remove(await db.Articles.SingleAsync(x => x.Id == b.Id));
            await db.SaveChangesAsync();
        });

        Assert.Equal([c.Id], await StoredListAsync(a.Id));
        Assert.DoesNotContain(PathOf(b), await RelatedOnPageAsync(a));
        Assert.Equal(0, await factory.WithDb(db => db.RelatedArticles.CountAsync(r => r.RelatedId == b.Id || r.ArticleId == b.Id)));
    }

    [SkippableFact]
    public async Task A_scheduled_article_is_listed_only_once_its_time_has_come()
    {
        await factory.StartAsync();
        var a = await AnArticle("افتتاح ملعب الرباط الكبير").InSection("رياضة-ص6").Published(TimeSpan.FromHours(1)).SaveAsync(factory);
        var due = factory.Clock.GetUtcNow().UtcDateTime.AddHours(2);
        var scheduled = await AnArticle("ملعب الرباط يستقبل النهائي").InSection("كرة-ص6").ScheduledAt(due).SaveAsync(factory);

        Assert.DoesNotContain(PathOf(scheduled), await RelatedOnPageAsync(a));

        factory.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Contains(PathOf(scheduled), await RelatedOnPageAsync(a));
    }

    [SkippableFact]
    public async Task An_import_queues_its_articles_and_the_worker_computes_their_lists()
    {
        using var bulk = new MadarFactory();
        foreach (var file in Directory.GetFiles(bulk.SeedsPath)) File.Delete(file);
        CorpusWriter.Write(bulk.SeedsPath, RelatedLists.RefreshAtSave * 3, seed: 11);
        await bulk.StartAsync();

        var worker = bulk.Services.GetRequiredService<RelatedListsWorker>();
        await worker.DrainAsync(CancellationToken.None);

        var (pending, withList, articles) = await bulk.WithDb(async db => (
            await db.RelatedPending.CountAsync(),
            await db.RelatedArticles.Select(r => r.ArticleId).Distinct().CountAsync(),
            await db.Articles.CountAsync()));
        Assert.Equal(0, pending);
        Assert.Equal(articles, withList); // the headlines share news words: every one has a list
        var first = await bulk.WithDb(db => db.Articles.OrderBy(a => a.Id).FirstAsync());
        var page = await bulk.NewClient().GetPageAsync(PathOf(first));
        Assert.Equal(ReadingAids.RelatedCount, page.QuerySelectorAll(".related .card-title a").Length);
    }
}
