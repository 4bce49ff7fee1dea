using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Site.Caching;
using Madar21.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Pages.Articles;

[OutputCache(PolicyName = PublicPagePolicy.Article)]
public class ShowModel(MadarDb db, TimeProvider clock, IOptions<SiteOptions> site) : PageModel
{
    public ArticleView Article { get; private set; } = null!;
    public SiteOptions Site => site.Value;

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken ct)
    {
        var article = await FindAsync(id, ct);
        if (article is null) return NotFound();
        if (slug != article.Slug) return RedirectPermanent(article.Url);
        Article = article;
        return Page();
    }

    private Task<ArticleView?> FindAsync(int id, CancellationToken ct) =>
        db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .PublicAt(clock.GetUtcNow().UtcDateTime)
            .Select(a => new ArticleView(a.Id, a.Slug, a.Title, a.Section!.Name, a.PublishedAt!.Value, a.UpdatedAt, a.Excerpt, a.BodyHtml, a.CommentsOpen))
            .FirstOrDefaultAsync(ct);

    public sealed record ArticleView(
        int Id, string Slug, string Title, string Section, DateTime PublishedAt, DateTime UpdatedAt,
        string Excerpt, string BodyHtml, bool CommentsOpen)
    {
        public string Url => ArticleQueries.UrlOf(Id, Slug);
    }
}
