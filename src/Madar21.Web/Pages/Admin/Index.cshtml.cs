using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Newsroom;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin;

/// <summary>
/// The dashboard: what needs attention, each card with its count and its first few items, linking to the list
/// already filtered to it. Every query is a count or a short list read by an index.
/// </summary>
public class IndexModel(MadarDb db, TimeProvider clock) : PageModel
{
    /// <summary>Items shown in a card; the card's link opens the whole list.</summary>
    public const int CardItems = 5;

    public int PendingComments { get; private set; }
    public int PendingReviews { get; private set; }
    public int Published { get; private set; }
    public int Scheduled { get; private set; }
    public int Drafts { get; private set; }
    public List<Item> NextScheduled { get; private set; } = [];
    public List<Item> RecentDrafts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A writer sees their own pieces only (NewsroomRules.OpenTo), and no queue that is an editor's to work through.
        var articles = db.Articles.AsNoTracking().OpenTo(User);
        if (User.IsEditor())
        {
            PendingComments = await db.Comments.CountAsync(c => c.Status == CommentStatus.Pending, ct);
            PendingReviews = await db.Articles.CountAsync(a => a.Status == ArticleStatus.PendingReview, ct);
        }
        Drafts = await articles.CountAsync(a => a.Status == ArticleStatus.Draft, ct);
        Scheduled = await articles.ScheduledAfter(now).CountAsync(ct);
        Published = await articles.PublicAt(now).CountAsync(ct);
        NextScheduled = await articles.ScheduledAfter(now)
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id).Take(CardItems)
            .Select(a => new Item(a.Id, a.Title, a.PublishedAt!.Value)).ToListAsync(ct);
        RecentDrafts = await articles.Where(a => a.Status == ArticleStatus.Draft)
            .OrderByDescending(a => a.Id).Take(CardItems)
            .Select(a => new Item(a.Id, a.Title, a.UpdatedAt)).ToListAsync(ct);
    }

    /// <param name="At">For a scheduled article, when it appears; for a draft, when it was last changed.</param>
    public sealed record Item(int Id, string Title, DateTime At);
}
