using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Media;
using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Madar21.Web.Pages.Latest;

/// <summary>«آخر الأخبار»: every public article, newest first, 20 a page back through the whole archive, as a section page.</summary>
[OutputCache(PolicyName = PublicPagePolicy.Lists)]
public class IndexModel(MadarDb db, TimeProvider clock, DeepPages deepPages) : PageModel
{
    public const int PageSize = 20;

    /// <summary>Beyond any real archive (a million articles); keeps the offset arithmetic far from overflow.</summary>
    private const int MaxPage = 50_000;

    public int PageNumber { get; private set; }
    public bool HasNext { get; private set; }
    public List<ArticleCard> Articles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        PageNumber = page ?? 1;
        if (PageNumber is < 1 or > MaxPage) return NotFound();
        var rows = await deepPages.LatestPageAsync(db, clock.GetUtcNow().UtcDateTime, (PageNumber - 1) * PageSize, PageSize + 1, ct);
        if (rows.Count == 0 && PageNumber > 1) return NotFound();
        HasNext = rows.Count > PageSize;
        Articles = await CardPictures.AttachAsync(db, rows.Take(PageSize).ToList(), ct);
        return Page();
    }

    public static string PageUrl(int number) => "/latest" + (number > 1 ? $"?page={number}" : "");
}
