using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin;

public class IndexModel(MadarDb db, TimeProvider clock) : PageModel
{
    public int PendingComments { get; private set; }
    public int Published { get; private set; }
    public int Scheduled { get; private set; }
    public int Drafts { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        PendingComments = await db.Comments.CountAsync(c => c.Status == CommentStatus.Pending, ct);
        Drafts = await db.Articles.CountAsync(a => a.Status == ArticleStatus.Draft, ct);
        Scheduled = await db.Articles.ScheduledAfter(now).CountAsync(ct);
        Published = await db.Articles.PublicAt(now).CountAsync(ct);
    }
}
