using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Admin;

/// <summary>The admin's navigation, with the number of comments waiting in the queue.</summary>
public sealed class AdminNavViewComponent(MadarDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var pending = await db.Comments.AsNoTracking().CountAsync(c => c.Status == CommentStatus.Pending);
        return View(new AdminNav(User.Identity?.Name ?? "", User.IsInRole(StaffRoles.Admin), pending));
    }
}

public sealed record AdminNav(string UserName, bool IsAdmin, int PendingComments);
