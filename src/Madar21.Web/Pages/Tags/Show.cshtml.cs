using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Media;
using Madar21.Web.Site.Caching;
using Madar21.Web.Tags;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Tags;

/// <summary>/tag/{slug}: a tag's public articles, newest first, 20 a page, like a section's.</summary>
[OutputCache(PolicyName = PublicPagePolicy.Lists)]
public class ShowModel(MadarDb db, TimeProvider clock) : ArticleListModel
{
    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        if (ArticleListPage.Asked(page) is not { } listPage) return NotFound();

        var (tag, movedTo) = await TagQueries.FindAsync(db, slug, ct);
        if (movedTo is not null) return RedirectPermanent(TagQueries.UrlOf(movedTo) + Request.QueryString); // renamed or merged
        if (tag is null) return NotFound();

        var now = clock.GetUtcNow().UtcDateTime;
        var read = await db.PublicArticleIds(tag.Id, now).Skip(listPage.Skip).Take(listPage.Take).ToListAsync(ct);
        if (listPage.Cut(read) is not { } ids) return NotFound();

        (Name, Slug) = (tag.Name, tag.Slug);
        await ShowAsync(db, listPage, new(await TagQueries.CardsInOrderAsync(db, ids.Shown, now, ct), ids.HasNext), ct);
        return Page();
    }

    public override string PagerLabel => "صفحات الوسم";

    public override string PageUrl(int number) => TagQueries.UrlOf(Slug) + (number > 1 ? $"?page={number}" : "");
}
