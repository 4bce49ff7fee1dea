using Madar21.Web.Comments;
using Madar21.Web.Data;
using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Comments;

/// <summary>
/// The link at the foot of a reply email: no sign-in, the signed token names the comment. Opening it changes nothing
/// (mail scanners open links); the button does. The token never leaves this page (it is a private response).
/// </summary>
public class UnsubscribeModel(ReplyUnsubscribe unsubscribe, MadarDb db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    public string? ArticleTitle { get; private set; }
    public bool Notifying { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        HttpContext.MarkPrivate();
        if (unsubscribe.CommentOf(Token) is not { } id) return Invalid();
        var comment = await db.Comments.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.NotifyReplies, c.Article!.Title }).FirstOrDefaultAsync(ct);
        if (comment is null) return Invalid();
        (ArticleTitle, Notifying) = (comment.Title, comment.NotifyReplies);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        HttpContext.MarkPrivate();
        if (unsubscribe.CommentOf(Token) is not { } id) return Invalid();
        await unsubscribe.StopAsync(id, ct);
        return RedirectToPage(new { token = Token });
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
