using Madar21.Web.FrontPage;
using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Madar21.Web.Pages;

[OutputCache(PolicyName = PublicPagePolicy.Front)]
public class IndexModel(FrontPageLoader loader, TimeProvider clock) : PageModel
{
    public FrontPageView Front { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        // The older news are on /latest; a «?page=N» of the home page goes there.
        if (page is > 1) return RedirectPermanent(Latest.IndexModel.PageUrl(page.Value));
        Front = await loader.LoadAsync(clock.GetUtcNow().UtcDateTime, ct);
        return Page();
    }
}
