using Madar21.Web.Articles;
using Madar21.Web.Authors;
using Madar21.Web.Data;
using Madar21.Web.Media;
using Madar21.Web.Site;
using Madar21.Web.Site.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Pages.Authors;

/// <summary>
/// <c>/author/{slug}</c>: a staff member's name, bio and picture, and their public articles, newest first, 20 a
/// page, paged like a section (<see cref="DeepPages"/>). <c>/author/desk</c> is the desk's (<c>Site:DeskName</c>):
/// the articles no staff member signs, the seed articles among them.
/// </summary>
[OutputCache(PolicyName = PublicPagePolicy.Lists)]
public class ShowModel(MadarDb db, TimeProvider clock, DeepPages deepPages, IOptions<SiteOptions> site) : ArticleListModel
{
    public string? Bio { get; private set; }
    public bool IsDesk { get; private set; }
    public PictureView? Picture { get; private set; }
    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        if (ArticleListPage.Asked(page) is not { } listPage) return NotFound();

        string list;
        Func<DateTime, IQueryable<Models.Article>> articles;
        if (slug == StaffProfiles.DeskSlug)
        {
            (IsDesk, Name, list, articles) = (true, site.Value.DeskName, "desk", AuthorLists.Desk(db));
        }
        else
        {
            var profile = await db.StaffProfiles.AsNoTracking().Where(p => p.Slug == slug)
                .Select(p => new { p.Id, p.DisplayName, p.Bio, p.PictureMediaId }).FirstOrDefaultAsync(ct);
            if (profile is null) return NotFound();
            (Name, Bio, list, articles) = (profile.DisplayName, profile.Bio, $"author:{profile.Id}", AuthorLists.Of(db, profile.Id));
            Picture = await PictureView.LoadAsync(db, profile.PictureMediaId, ct);
        }

        var read = await deepPages.PageAsync(list, articles, clock.GetUtcNow().UtcDateTime, listPage.Skip, listPage.Take, ct);
        if (listPage.Cut(read) is not { } rows) return NotFound();
        Slug = slug;
        await ShowAsync(db, listPage, rows, ct);
        return Page();
    }

    public override string PagerLabel => "صفحات المقالات";

    public override string PageUrl(int number) => Byline.PagePath(Slug) + (number > 1 ? $"?page={number}" : "");
}
