using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Madar21.Web.Revisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Madar21.Tests.Infrastructure.ArticleBuilder;
using Stamp = Madar21.Web.Revisions.RevisionPruning.Stamp;

namespace Madar21.Tests.Revisions;

/// <summary>
/// The policy: every revision of the last 30 days; before that the latest of each (Casablanca) day; always the newest
/// and the newest published one.
/// </summary>
public class RevisionPruningTests(MadarFactory madar) : IClassFixture<MadarFactory>
{
    protected readonly MadarFactory factory = madar;

    // Noon in Casablanca, so that hours either side stay on the same calendar day there.
    private static readonly DateTime Now = new(2026, 12, 3, 11, 0, 0, DateTimeKind.Utc);

    private static Stamp At(long id, TimeSpan ago, ArticleStatus status = ArticleStatus.Draft) => new(id, 1, Now - ago, status);

    [Fact]
    public void Everything_of_the_last_30_days_stays()
    {
        var revisions = Enumerable.Range(1, 20).Select(i => At(i, TimeSpan.FromDays(29) - TimeSpan.FromMinutes(i))).ToList();
        Assert.Empty(RevisionPruning.Doomed(revisions, Now));
    }

    [Fact]
    public void Before_that_only_the_latest_of_each_day_stays()
    {
        var revisions = new List<Stamp>
        {
            At(1, TimeSpan.FromDays(40) + TimeSpan.FromHours(3)),
            At(2, TimeSpan.FromDays(40) + TimeSpan.FromHours(2)),
            At(3, TimeSpan.FromDays(40) + TimeSpan.FromHours(1)), // latest of day −40
            At(4, TimeSpan.FromDays(35) + TimeSpan.FromHours(2)),
            At(5, TimeSpan.FromDays(35) + TimeSpan.FromHours(1)), // latest of day −35
            At(6, TimeSpan.FromDays(31)), // alone on its day
            At(7, TimeSpan.FromDays(2)),
            At(8, TimeSpan.FromDays(1)),
        };
        Assert.Equal(new long[] { 1, 2, 4 }, RevisionPruning.Doomed(revisions, Now).Order());
    }

    [Fact]
    public void The_newest_and_the_newest_published_are_never_pruned()
    {
        var revisions = new List<Stamp>
        {
            At(1, TimeSpan.FromDays(90) + TimeSpan.FromHours(3)),
            At(2, TimeSpan.FromDays(90) + TimeSpan.FromHours(2), ArticleStatus.Published), // what readers see
            At(3, TimeSpan.FromDays(90) + TimeSpan.FromHours(1)), // the latest of its day
            At(4, TimeSpan.FromDays(60) + TimeSpan.FromHours(2)),
            At(5, TimeSpan.FromDays(60) + TimeSpan.FromHours(1)), // the newest of all, however old
        };
        Assert.Equal(new long[] { 1, 4 }, RevisionPruning.Doomed(revisions, Now).Order());
    }

    [Fact]
    public void A_day_is_Casablanca_s_calendar_day()
    {
        // 23:30 and 00:30 in Casablanca (UTC+1) fall on two days there, though on one UTC day.
        var late = new DateTime(2026, 10, 1, 22, 30, 0, DateTimeKind.Utc);
        var revisions = new List<Stamp> { new(1, 1, late, ArticleStatus.Draft), new(2, 1, late.AddHours(1), ArticleStatus.Draft), new(3, 1, Now, ArticleStatus.Draft) };
        Assert.Empty(RevisionPruning.Doomed(revisions, Now));
    }

    [SkippableFact]
    public async Task The_worker_prunes_on_its_own_when_the_clock_moves_on()
    {
        await factory.StartAsync();
        var start = factory.Clock.GetUtcNow().UtcDateTime;
        var article = await AnArticle($"مقال كثير التعديل {Guid.NewGuid():N}").SaveAsync(factory);
        // Ten saves within one hour today, and one the next day.
        await factory.WithDb(async db =>
        {
            for (var i = 0; i < 10; i++) db.ArticleRevisions.Add(Revision(article.Id, start.AddMinutes(i)));
            db.ArticleRevisions.Add(Revision(article.Id, start.AddDays(1)));
            await db.SaveChangesAsync();
        });
        var worker = factory.Services.GetRequiredService<RevisionPruningWorker>();
        var round = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.Pruned += pruned => round.TrySetResult(pruned);

        // Nothing is due within the window.
        Assert.Equal(0, await worker.RunOnceAsync(default));

        // 45 days on, the worker's next round wakes up by itself and keeps one revision of each day.
        factory.Clock.Advance(TimeSpan.FromDays(45));
        Assert.True(await round.Task.WaitAsync(TimeSpan.FromSeconds(30)) >= 9);
        var left = await factory.WithDb(db => db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == article.Id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(new[] { Revision(article.Id, start.AddMinutes(9)).BodyMarkdown, Revision(article.Id, start.AddDays(1)).BodyMarkdown },
            left.Select(r => r.BodyMarkdown));
    }

    private static ArticleRevision Revision(int articleId, DateTime at) => new()
    {
        ArticleId = articleId, Title = "عنوان", BodyMarkdown = $"نص {at:O}", SectionId = 1, Status = ArticleStatus.Draft, CreatedAt = at, Kind = RevisionKind.Edited,
    };
}
