using Madar21.Tests.Infrastructure;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Readers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Readers;

/// <summary>Reads counted by several nodes are added to the same rows: none may be lost.</summary>
public class ViewCounterTests
{
    [Fact]
    public async Task Two_nodes_flushing_at_the_same_moment_add_up_their_reads()
    {
        using var factory = new MadarFactory();
        await factory.StartAsync();
        var article = await AnArticle("مقال يقرؤه الناس على عقدتين").Published().SaveAsync(factory);
        var nodeA = new ViewCounter(factory.Clock);
        var nodeB = new ViewCounter(factory.Clock);
        nodeA.Count(article.Id);
        await factory.WithDb(db => nodeA.FlushAsync(db, CancellationToken.None)); // this hour's row exists: 1
        for (var i = 0; i < 3; i++) nodeA.Count(article.Id);
        for (var i = 0; i < 4; i++) nodeB.Count(article.Id);

        // Node B flushes in the middle of node A's flush, between anything A read and what A writes.
        var connection = $"Data Source={factory.DatabasePath}";
        var pausing = new RunBeforeSaving(async () =>
        {
            await using var other = new MadarDb(new DbContextOptionsBuilder<MadarDb>().UseSqlite(connection).Options);
            await nodeB.FlushAsync(other, CancellationToken.None);
        });
        await using (var db = new MadarDb(new DbContextOptionsBuilder<MadarDb>().UseSqlite(connection).AddInterceptors(pausing).Options))
            await nodeA.FlushAsync(db, CancellationToken.None);
        await using (var db = new MadarDb(new DbContextOptionsBuilder<MadarDb>().UseSqlite(connection).Options))
            await nodeB.FlushAsync(db, CancellationToken.None); // if A never saved through SaveChanges, B flushes now

        var stored = await factory.WithDb(db => db.ArticleViews.Where(v => v.ArticleId == article.Id).SumAsync(v => v.Views));
        Assert.Equal(1 + 3 + 4, stored);
    }

    private sealed class RunBeforeSaving(Func<Task> work) : SaveChangesInterceptor
    {
        private bool _ran;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (!_ran && eventData.Context!.ChangeTracker.Entries<ArticleViews>().Any())
            {
                _ran = true;
                await work();
            }
            return result;
        }
    }
}
