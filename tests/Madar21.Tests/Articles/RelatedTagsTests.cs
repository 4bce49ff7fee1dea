using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Madar21.Web.Tags;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Articles;

/// <summary>Shared tags weigh in the stored «مقالات ذات صلة» lists, computed at save and kept right as tags change.</summary>
public class RelatedTagsTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private Task<List<int>> StoredListAsync(int id) =>
        factory.WithDb(db => db.RelatedArticles.Where(r => r.ArticleId == id).OrderBy(r => r.Position).Select(r => r.RelatedId).ToListAsync());

    [SkippableFact]
    public async Task An_article_sharing_a_tag_is_related_even_without_a_shared_title_word_and_ranks_above_one_sharing_a_word()
    {
        await factory.StartAsync();
        var tag = $"الموسم الفلاحي {Guid.NewGuid():N}";
        var sharesWord = await AnArticle("حصاد القمح ينطلق في الشاوية").InSection("جهات-و1").Published(TimeSpan.FromHours(1)).SaveAsync(factory);
        var sharesTag = await AnArticle("أسعار الأعلاف ترتفع").InSection("اقتصاد-و1").TaggedWith(tag).Published(TimeSpan.FromDays(3)).SaveAsync(factory);
        var unrelated = await AnArticle("مباراة الوداد والرجاء").InSection("رياضة-و1").Published(TimeSpan.FromHours(2)).SaveAsync(factory);

        var current = await AnArticle("القمح في الأسواق").InSection("جهات-و1").TaggedWith(tag).Published().SaveAsync(factory);

        var list = await StoredListAsync(current.Id);
        Assert.Equal([sharesTag.Id, sharesWord.Id], list);
        Assert.DoesNotContain(unrelated.Id, list);
        // And the other way round: the newer article is under the older one that has its tag.
        Assert.Contains(current.Id, await StoredListAsync(sharesTag.Id));
    }

    [SkippableFact]
    public async Task Tagging_or_untagging_an_existing_article_computes_the_lists_again()
    {
        await factory.StartAsync();
        var tag = $"الدخول المدرسي {Guid.NewGuid():N}";
        var a = await AnArticle("لوازم المدارس تغلو").InSection("مجتمع-و2").TaggedWith(tag).Published(TimeSpan.FromHours(2)).SaveAsync(factory);
        var b = await AnArticle("وزارة التربية تعلن المواعيد").InSection("تعليم-و2").Published(TimeSpan.FromHours(1)).SaveAsync(factory);
        Assert.Empty(await StoredListAsync(b.Id));

        await factory.WithDb(async db =>
        {
            var article = await db.Articles.SingleAsync(x => x.Id == b.Id);
            await Tagging.SetAsync(db, article, [tag], factory.Clock.GetUtcNow().UtcDateTime, default);
            article.UpdatedAt = factory.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        });
        Assert.Equal([a.Id], await StoredListAsync(b.Id));
        Assert.Equal([b.Id], await StoredListAsync(a.Id));

        await factory.WithDb(async db =>
        {
            var article = await db.Articles.SingleAsync(x => x.Id == b.Id);
            await Tagging.SetAsync(db, article, [], factory.Clock.GetUtcNow().UtcDateTime, default);
            article.UpdatedAt = factory.Clock.GetUtcNow().AddMinutes(1).UtcDateTime;
            await db.SaveChangesAsync();
        });
        Assert.Empty(await StoredListAsync(b.Id));
        Assert.Empty(await StoredListAsync(a.Id));
    }

    [SkippableFact]
    public async Task A_draft_sharing_a_tag_is_never_listed()
    {
        await factory.StartAsync();
        var tag = $"الانتخابات {Guid.NewGuid():N}";
        var draft = await AnArticle("مسودة عن الحملة").InSection("سياسة-و3").TaggedWith(tag).Draft().SaveAsync(factory);
        var current = await AnArticle("الأحزاب تستعد").InSection("سياسة-و3").TaggedWith(tag).Published().SaveAsync(factory);

        Assert.DoesNotContain(draft.Id, await StoredListAsync(current.Id));
        Assert.Equal(ArticleStatus.Draft, draft.Status);
    }
}
