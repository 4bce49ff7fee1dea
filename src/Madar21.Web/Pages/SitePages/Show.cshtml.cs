using Madar21.Web.Data;
using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.SitePages;

/// <summary>One of the site's own pages (من نحن، اتصل بنا، …), cached like the lists and evicted when a page is saved.</summary>
[OutputCache(PolicyName = PublicPagePolicy.Lists)]
public class ShowModel(MadarDb db) : PageModel
{
    public PageView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var page = await db.SitePages.AsNoTracking().Where(p => p.Slug == slug)
            .Select(p => new PageView(p.Slug, p.Title, p.Description, p.Html)).FirstOrDefaultAsync(ct);
        if (page is null) return NotFound();
        View = page;
        return Page();
    }

    /// <summary>The body was rendered from Markdown and sanitised when it was saved (the articles' renderer and rules).</summary>
    public sealed record PageView(string Slug, string Title, string? Description, string Html)
    {
        public IHtmlContent Body => new HtmlString(Html);
    }
}
