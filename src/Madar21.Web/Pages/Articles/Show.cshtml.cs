using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Search;
using Madar21.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Pages.Articles;

public class ShowModel(MadarDb db, IArticleSearch search, TimeProvider clock, IOptions<SiteOptions> site) : PageModel
{
    public ArticleView Article { get; private set; } = null!;
    public ReadingAidsView Aids { get; private set; } = null!;
    public SiteOptions Site => site.Value;

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await FindAsync(id, now, ct);
        if (article is null) return NotFound();
        if (slug != article.Slug) return RedirectPermanent(article.Url);
        Article = article;
        Aids = await ReadingAids.LoadAsync(db, search, new ArticleRef(article.Id, article.SectionId, article.PublishedAt, article.Title), now, ct);
        return Page();
    }

    private Task<ArticleView?> FindAsync(int id, DateTime now, CancellationToken ct) =>
        db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .PublicAt(now)
            .Select(a => new ArticleView(a.Id, a.Slug, a.Title, a.SectionId, a.Section!.Name, a.PublishedAt!.Value, a.UpdatedAt, a.Excerpt, a.BodyHtml, a.CommentsOpen))
            .FirstOrDefaultAsync(ct);

    public sealed record ArticleView(
        int Id, string Slug, string Title, int SectionId, string Section, DateTime PublishedAt, DateTime UpdatedAt,
        string Excerpt, string BodyHtml, bool CommentsOpen)
    {
        public string Url => ArticleQueries.UrlOf(Id, Slug);
    }
}
