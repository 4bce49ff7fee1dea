using Madar21.Web.Articles;
using Madar21.Web.Comments;
using Madar21.Web.Data;
using Madar21.Web.Media;
using Madar21.Web.Site;
using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Pages.Articles;

// The comment form carries no antiforgery token, which would make this public, cached page different for every
// visitor; cross-site posts are refused from the browser's Sec-Fetch-Site / Origin headers instead.
[IgnoreAntiforgeryToken]
[OutputCache(PolicyName = PublicPagePolicy.Article)]
[CrossOriginProtection]
[EnableRateLimiting(CommentsSetup.PostRateLimit)]
[RequestSizeLimit(CommentsSetup.MaxPostBytes)]
public class ShowModel(MadarDb db, TimeProvider clock, IOptions<SiteOptions> site, CommenterCookie commenterCookie) : PageModel
{
    public ArticleView Article { get; private set; } = null!;
    public ReadingAidsView Aids { get; private set; } = null!;
    public SiteOptions Site => site.Value;
    public IReadOnlyList<CommentView> Comments { get; private set; } = [];
    public PictureView? Lead { get; private set; }

    /// <summary>What the form shows: typed values after an error, remembered ones, or nothing.</summary>
    public CommentInput Form { get; private set; } = new();
    public bool ShowPendingNotice { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await FindAsync(id, now, ct);
        if (article is null) return NotFound();
        if (slug != article.Slug) return RedirectPermanent(article.Url);
        Article = article;
        // Both read cookies only: a visitor without any gets exactly the same page as every other.
        ShowPendingNotice = PendingNotice.Take(HttpContext, id);
        if (commenterCookie.Read(Request) is { } remembered)
        {
            Form = new CommentInput { Author = remembered.Author, Email = remembered.Email, Url = remembered.Url, Remember = "yes" };
            HttpContext.MarkPrivate();
        }
        if (ShowPendingNotice) HttpContext.MarkPrivate();
        await LoadSurroundingsAsync(now, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CommentInput input, [FromServices] CommentPosting posting, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await FindAsync(id, now, ct);
        if (article is null) return NotFound();
        if (!article.CommentsOpen) return StatusCode(StatusCodes.Status403Forbidden);

        input.Normalize();
        // The form shows the values as tidied, not as posted, so ModelState keeps only the errors, under the field names.
        ModelState.Clear();
        foreach (var (field, message) in input.Validate()) ModelState.AddModelError(field, message);
        if (ModelState.IsValid)
        {
            var sender = new CommentPosting.Sender(HttpContext.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString());
            if (await posting.PostAsync(id, input, sender, ct) == PostOutcome.Stored)
            {
                if (input.WantsRemembering) commenterCookie.Remember(Response, new(input.Author!, input.Email!, input.Url));
                else commenterCookie.Forget(Request, Response);
                PendingNotice.Set(Response, id);
                Response.Headers.Location = article.Url + "#comments";
                return StatusCode(StatusCodes.Status303SeeOther);
            }
            ModelState.AddModelError(CommentInput.CommentField, "سبق أن أرسلت هذا التعليق نفسه على هذا المقال.");
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else Response.StatusCode = StatusCodes.Status400BadRequest;

        // Every typed value goes back into the form (the commenter's email among them); nothing was stored.
        HttpContext.MarkPrivate();
        Article = article;
        Form = input;
        await LoadSurroundingsAsync(now, ct);
        return Page();
    }

    /// <summary>What the page shows around the article: related reading and the approved comments.</summary>
    private async Task LoadSurroundingsAsync(DateTime now, CancellationToken ct)
    {
        Lead = await PictureView.LoadAsync(db, Article.LeadMediaId, ct);
        Aids = await ReadingAids.LoadAsync(db, new ArticleRef(Article.Id, Article.SectionId, Article.PublishedAt, Article.Title), now, ct);
        Comments = await db.Comments.AsNoTracking().PublicOf(Article.Id).ToListAsync(ct);
    }

    private Task<ArticleView?> FindAsync(int id, DateTime now, CancellationToken ct) =>
        db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .PublicAt(now)
            .Select(a => new ArticleView(a.Id, a.Slug, a.Title, a.SectionId, a.Section!.Name, a.PublishedAt!.Value, a.UpdatedAt, a.Excerpt, a.BodyHtml, a.CommentsOpen, a.ReadingMinutes, a.LeadMediaId, a.LeadCaption))
            .FirstOrDefaultAsync(ct);

    public sealed record ArticleView(
        int Id, string Slug, string Title, int SectionId, string Section, DateTime PublishedAt, DateTime UpdatedAt,
        string Excerpt, string BodyHtml, bool CommentsOpen, int ReadingMinutes, int? LeadMediaId, string? LeadCaption)
    {
        public string Url => ArticleQueries.UrlOf(Id, Slug);
    }
}
