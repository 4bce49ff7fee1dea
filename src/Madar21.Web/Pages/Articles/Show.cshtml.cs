using Madar21.Web.Articles;
using Madar21.Web.Authors;
using Madar21.Web.Comments;
using Madar21.Web.Data;
using Madar21.Web.Media;
using Madar21.Web.Site;
using Madar21.Web.Site.Caching;
using Madar21.Web.Tags;
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
public class ShowModel(MadarDb db, TimeProvider clock, IOptions<SiteOptions> site, CommenterCookie commenterCookie, StaffDirectory staff) : PageModel
{
    public ArticleView Article { get; private set; } = null!;

    /// <summary>For staff opening an article readers cannot see yet: the banner that says so (<see cref="ArticlePreview"/>).</summary>
    public string? PreviewBanner { get; private set; }
    public ReadingAidsView Aids { get; private set; } = null!;
    public SiteOptions Site => site.Value;
    public CommentThread Thread { get; private set; } = CommentThread.Empty;
    public PictureView? Lead { get; private set; }
    public List<TagLink> Tags { get; private set; } = [];

    /// <summary>The byline: the article's authors in order, or the desk.</summary>
    public IReadOnlyList<Credit> Credits { get; private set; } = [];

    /// <summary>What the form shows: typed values after an error, remembered ones, or nothing.</summary>
    public CommentInput Form { get; private set; } = new();

    /// <summary>«تعليقك بانتظار المراجعة», for the commenter only, and where it stands; null for everyone else.</summary>
    public PendingNotice.Place? Pending { get; private set; }

    /// <summary>The comment the form replies to (<c>?replytocom=ID</c>), when it can be replied to.</summary>
    public CommentView? ReplyingTo { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? slug, [FromQuery(Name = CommentInput.ReplyToQuery)] string? replyTo, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await FindAsync(id, now, ct);
        if (article is null)
        {
            if (User.Identity?.IsAuthenticated != true || await FindUnpublishedAsync(id, ct) is not { } draft
                || !ArticlePreview.MayPreview(User, new Web.Newsroom.ArticleFacts(draft.CreatedById, draft.Status))) return NotFound();
            HttpContext.MarkPreview(); // private, no-store (the page cache already passed it by: it has a cookie), and not a read
            if (slug != draft.Article.Slug) return Redirect(draft.Article.Url); // a draft's address may still change
            Article = draft.Article;
            PreviewBanner = ArticlePreview.Banner(ArticleQueries.IsScheduledAfter(draft.Status, draft.PublishedAt, now) ? draft.PublishedAt : null);
            await LoadSurroundingsAsync(now, ct);
            return Page();
        }
        if (slug != article.Slug) return RedirectPermanent(article.Url);
        Article = article;
        // Both read cookies only: a visitor without any gets exactly the same page as every other.
        Pending = PendingNotice.Take(HttpContext, id);
        if (commenterCookie.Read(Request) is { } remembered)
        {
            Form = new CommentInput { Author = remembered.Author, Email = remembered.Email, Url = remembered.Url, Remember = "yes" };
            HttpContext.MarkPrivate();
        }
        if (Pending is not null) HttpContext.MarkPrivate();
        // A «رد» link to a comment that cannot be answered (any more) shows the page with the ordinary form.
        Form.Parent = replyTo;
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
            var result = await posting.PostAsync(id, input, sender, ct);
            if (result.Outcome is PostOutcome.Held or PostOutcome.Published)
            {
                if (input.WantsRemembering) commenterCookie.Remember(Response, new(input.Author!, input.Email!, input.Url));
                else commenterCookie.Forget(Request, Response);
                var anchor = $"comment-{result.CommentId}";
                if (result.Outcome == PostOutcome.Held)
                {
                    PendingNotice.Set(Response, id, input.ParentId);
                    anchor = PendingNotice.Anchor;
                }
                Response.Headers.Location = $"{article.Url}#{anchor}";
                return StatusCode(StatusCodes.Status303SeeOther);
            }
            if (result.Outcome == PostOutcome.ParentRefused)
            {
                ModelState.AddModelError("", CommentInput.ParentRefusedMessage);
                input.Parent = null; // sent again, the text becomes a comment of its own
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
            else
            {
                ModelState.AddModelError(CommentInput.CommentField, "سبق أن أرسلت هذا التعليق نفسه على هذا المقال.");
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
        }
        else Response.StatusCode = StatusCodes.Status400BadRequest;

        // Every typed value goes back into the form (the commenter's email among them); nothing was stored.
        HttpContext.MarkPrivate();
        Article = article;
        Form = input;
        await LoadSurroundingsAsync(now, ct);
        return Page();
    }

    /// <summary>What the page shows around the article: related reading, the approved comments, the one replied to.</summary>
    private async Task LoadSurroundingsAsync(DateTime now, CancellationToken ct)
    {
        Tags = await TagQueries.OfArticleAsync(db, Article.Id, ct);
        Credits = (await staff.LoadAsync()).Credits(Article.AuthorIds);
        Aids = await ReadingAids.LoadAsync(db, new ArticleRef(Article.Id, Article.SectionId, Article.PublishedAt, Article.Title), now, ct);
        // The lead picture and the related cards' thumbnails in one query.
        var pictures = await PictureView.LoadAsync(db, [.. CardPictures.IdsOf(Aids.Related).Append(Article.LeadMediaId ?? 0).Where(id => id > 0).Distinct()], ct);
        Lead = Article.LeadMediaId is { } lead ? pictures.GetValueOrDefault(lead) : null;
        Aids = Aids with { Related = CardPictures.With(Aids.Related, pictures) };
        Thread = new CommentThread(await db.Comments.AsNoTracking().ThreadOf(Article.Id).ToListAsync(ct));
        ReplyingTo = Form.ParentId is { } parent ? Thread.Find(parent) : null;
        if (ReplyingTo is null) Form.Parent = null;
    }

    private Task<ArticleView?> FindAsync(int id, DateTime now, CancellationToken ct) =>
        db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .PublicAt(now)
            .Select(a => new ArticleView(a.Id, a.Slug, a.Title, a.SectionId, a.Section!.Name, a.PublishedAt!.Value, a.UpdatedAt, a.Excerpt, a.BodyHtml, a.CommentsOpen, a.ReadingMinutes, a.LeadMediaId, a.LeadCaption,
                a.Authors.OrderBy(x => x.Position).Select(x => x.ProfileId).ToList(), a.RevisedAt))
            .FirstOrDefaultAsync(ct);

    /// <summary>An article readers cannot see (a draft, or scheduled for later), for a staff preview.</summary>
    private async Task<(ArticleView Article, Models.ArticleStatus Status, DateTime? PublishedAt, string? CreatedById)?> FindUnpublishedAsync(int id, CancellationToken ct)
    {
        var row = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                View = new ArticleView(a.Id, a.Slug, a.Title, a.SectionId, a.Section!.Name, a.PublishedAt ?? a.UpdatedAt, a.UpdatedAt, a.Excerpt, a.BodyHtml, a.CommentsOpen, a.ReadingMinutes, a.LeadMediaId, a.LeadCaption,
                    a.Authors.OrderBy(x => x.Position).Select(x => x.ProfileId).ToList(), null),
                a.Status,
                a.PublishedAt,
                a.CreatedById,
            })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (row.View, row.Status, row.PublishedAt, row.CreatedById);
    }

    public sealed record ArticleView(
        int Id, string Slug, string Title, int SectionId, string Section, DateTime PublishedAt, DateTime UpdatedAt,
        string Excerpt, string BodyHtml, bool CommentsOpen, int ReadingMinutes, int? LeadMediaId, string? LeadCaption,
        IReadOnlyList<int> AuthorIds, DateTime? RevisedAt = null)
    {
        public string Url => ArticleQueries.UrlOf(Id, Slug);

        /// <summary>«آخر تحديث», when the article was changed after publication in a way readers care about.</summary>
        public DateTime? UpdatedShown => ReaderUpdate.Shown(PublishedAt, RevisedAt);
    }
}
