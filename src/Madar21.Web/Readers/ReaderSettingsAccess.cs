using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Site.Caching;
using Madar21.Web.Site.Dates;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Readers;

/// <summary>
/// The site settings for this request (Hijri offset, «عاجل» line), read once per site-wide change
/// (<see cref="PageCache.KeepSiteWideAsync{T}"/>) by <see cref="Loader"/> before any page renders, so that views
/// and <see cref="SiteDates"/> use them without a query of their own.
/// </summary>
public sealed class ReaderSettingsAccess
{
    public ReaderSettings Current { get; private set; } = new();

    public static Task<ReaderSettings> LoadAsync(MadarDb db, PageCache cache) =>
        cache.KeepSiteWideAsync("reader-settings", async () =>
            await db.ReaderSettings.AsNoTracking().Where(s => s.Id == ReaderSettings.TheId).FirstOrDefaultAsync() ?? new ReaderSettings());

    public sealed class Loader(ReaderSettingsAccess access, MadarDb db, PageCache cache) : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            access.Current = await LoadAsync(db, cache);
            await next();
        }
    }
}
