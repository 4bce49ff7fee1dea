using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Media;
using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages;

[OutputCache(PolicyName = PublicPagePolicy.Lists)]
public class IndexModel(MadarDb db, TimeProvider clock) : PageModel
{
    public const int ArticleCount = 30;

    public List<ArticleCard> Articles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Articles = await db.Articles.AsNoTracking()
            .PublicAt(clock.GetUtcNow().UtcDateTime)
            .NewestFirst()
            .Take(ArticleCount)
            .ToCards()
            .ToListAsync(ct);
        Articles = await CardPictures.AttachAsync(db, Articles, ct);
    }
}
