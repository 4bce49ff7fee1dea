using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Madar21.Web.Site.Caching;

/// <summary>
/// Evicts the cached pages that a save makes stale, whoever saves (seed import, admin, moderation): the tags are
/// read from the change tracker before the save and evicted once the data is committed — after SaveChanges, or
/// after the commit when the save ran inside an explicit transaction.
/// </summary>
public sealed class CacheInvalidationInterceptor(PageCache cache)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
            EvictAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
            await EvictAsync(eventData.Context, ct);
        return result;
    }

    // A failed save may still have written part of its changes: evicting too much is harmless, too little is not.
    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
            EvictAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default) =>
        eventData.Context?.Database.CurrentTransaction is null ? EvictAsync(eventData.Context, ct) : Task.CompletedTask;

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        EvictAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct) =>
        EvictAsync(eventData.Context, ct);

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries())
            foreach (var tag in CacheTags.StaleAfter(entry))
                lock (_pending) _pending.GetOrCreateValue(context).Add(tag);
    }

    private async Task EvictAsync(DbContext? context, CancellationToken ct)
    {
        if (context is null) return;
        string[] tags;
        lock (_pending)
        {
            if (!_pending.TryGetValue(context, out var pending) || pending.Count == 0) return;
            tags = [.. pending];
            pending.Clear();
        }
        await cache.EvictAsync(tags, ct); // the timed services look again at their next moment (PageCache.Evicted)
    }

    private void Forget(DbContext? context)
    {
        if (context is null) return;
        lock (_pending) _pending.Remove(context);
    }
}
