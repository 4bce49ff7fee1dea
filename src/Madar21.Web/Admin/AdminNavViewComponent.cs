using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Newsroom;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Admin;

/// <summary>
/// The admin's navigation: the pages this account may open (<see cref="NewsroomRules"/>), and for editors the number of
/// articles waiting for review and comments waiting for moderation. A writer's navigation counts nothing.
/// </summary>
public sealed class AdminNavViewComponent(MadarDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var isEditor = UserClaimsPrincipal.IsEditor();
        var pendingComments = isEditor ? await db.Comments.AsNoTracking().CountAsync(c => c.Status == CommentStatus.Pending) : 0;
        var pendingReviews = isEditor ? await db.Articles.AsNoTracking().CountAsync(a => a.Status == ArticleStatus.PendingReview) : 0;
        return View(new AdminNav(User.Identity?.Name ?? "", User.IsInRole(StaffRoles.Admin), isEditor, pendingComments, pendingReviews));
    }
}

public sealed record AdminNav(string UserName, bool IsAdmin, bool IsEditor, int PendingComments, int PendingReviews);
