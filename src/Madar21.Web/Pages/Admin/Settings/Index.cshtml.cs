using Madar21.Web.Text;
using Madar21.Web.Admin;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Site.Dates;
using Madar21.Web.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Settings;

/// <summary>Site settings, for Admins: the correction of the Hijri date (saving evicts every cached page).</summary>
[Authorize(Policy = AdminSetup.AdminPolicy)]
public class IndexModel(MadarDb db, TimeProvider clock, ILogger<IndexModel> log) : PageModel
{
    [BindProperty]
    public int HijriOffsetDays { get; set; }

    /// <summary>Today's Hijri date under each possible offset, so that the Admin picks the date, not a number.</summary>
    public IEnumerable<(int Offset, string? Date)> Choices =>
        Enumerable.Range(-ReaderSettings.HijriOffsetLimit, 2 * ReaderSettings.HijriOffsetLimit + 1)
            .Select(offset => (offset, MoroccanDate.Hijri(clock.GetUtcNow().UtcDateTime, offset)));

    public async Task OnGetAsync(CancellationToken ct) =>
        HijriOffsetDays = (await db.ReaderSettings.AsNoTracking().Where(s => s.Id == ReaderSettings.TheId).FirstOrDefaultAsync(ct))?.HijriOffsetDays ?? 0;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Math.Abs(HijriOffsetDays) > ReaderSettings.HijriOffsetLimit)
            ModelState.AddModelError(nameof(HijriOffsetDays), $"اختر فرقاً لا يزيد على {ArabicPlural.Format(ReaderSettings.HijriOffsetLimit, ArabicPlural.Days, ArabicCase.Oblique)}، قبلاً أو بعداً (من {-ReaderSettings.HijriOffsetLimit} إلى {ReaderSettings.HijriOffsetLimit}).");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var settings = await db.ReaderSettings.Where(s => s.Id == ReaderSettings.TheId).FirstOrDefaultAsync(ct);
        if (settings is null) db.ReaderSettings.Add(settings = new ReaderSettings());
        settings.HijriOffsetDays = HijriOffsetDays;
        await db.SaveChangesAsync(ct);
        log.LogInformation("{UserId} set the Hijri offset to {HijriOffsetDays} days", User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, HijriOffsetDays);
        TempData["Notice"] = "حُفظت الإعدادات.";
        return RedirectToPage();
    }
}
