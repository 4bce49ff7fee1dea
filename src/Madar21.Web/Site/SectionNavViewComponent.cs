using Madar21.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Site;

/// <summary>The sections bar under the masthead, in the order editors set.</summary>
public sealed class SectionNavViewComponent(MadarDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var names = await db.Sections.AsNoTracking()
            .OrderBy(s => s.Position).ThenBy(s => s.Name)
            .Select(s => s.Name)
            .ToListAsync();
        return View(names);
    }
}
