using Madar21.Web.Authors;
using Madar21.Web.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Articles;

/// <summary>The staff the article form offers for its byline: every account, by its public name.</summary>
public static class AuthorChoice
{
    // From the request's services rather than the form model's constructor, which the new and edit pages share.
    public static async Task<List<SelectListItem>> LoadAsync(HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        await services.GetRequiredService<StaffProfiles>().EnsureAllAsync(ct); // an account made since has its profile
        return await services.GetRequiredService<MadarDb>().StaffProfiles.AsNoTracking()
            .OrderBy(p => p.DisplayName).ThenBy(p => p.Id)
            .Select(p => new SelectListItem(p.DisplayName, p.Id.ToString()))
            .ToListAsync(ct);
    }
}
