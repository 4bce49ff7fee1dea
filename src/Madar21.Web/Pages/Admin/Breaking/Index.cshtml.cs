using Madar21.Web.Text;
using System.Text.RegularExpressions;
using System.Security.Claims;
using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Site.Dates;
using Madar21.Web.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Breaking;

/// <summary>
/// «عاجل»: one line at the top of every public page, optionally linked to an article, until its expiry or its
/// removal. Saving, removing and the expiry itself evict every cached page.
/// </summary>
public partial class IndexModel(MadarDb db, TimeProvider clock, ILogger<IndexModel> log) : PageModel
{
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Article { get; set; }
    [BindProperty] public string? ExpiresAt { get; set; }

    /// <summary>What readers see now, if anything.</summary>
    public ReaderSettings? Showing { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await LoadAsync(ct);
        if (settings is not null && settings.ShowsBreakingAt(Now))
        {
            Showing = settings;
            Text = settings.BreakingText;
            Article = settings.BreakingUrl;
            ExpiresAt = MoroccanDate.WallClockValue(settings.BreakingExpiresAt);
        }
        // A new line lasts two hours unless the editor says otherwise.
        ExpiresAt ??= MoroccanDate.WallClockValue(Now.AddHours(2));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var text = string.IsNullOrWhiteSpace(Text) ? null : Regex.Replace(Text.Trim(), @"\s+", " ");
        if (text is null) ModelState.AddModelError(nameof(Text), "اكتب نص الخبر العاجل.");
        else if (text.Length > ReaderSettings.BreakingTextMaxLength)
            ModelState.AddModelError(nameof(Text), $"النص أطول من {ArabicPlural.Format(ReaderSettings.BreakingTextMaxLength, ArabicPlural.Characters, ArabicCase.Oblique)}.");

        var expires = MoroccanDate.ParseWallClock(ExpiresAt);
        if (expires is null) ModelState.AddModelError(nameof(ExpiresAt), "حدد تاريخ انتهاء الخبر العاجل ووقته.");
        else if (expires <= Now) ModelState.AddModelError(nameof(ExpiresAt), "اختر وقتاً في المستقبل.");

        string? url = null;
        if (!string.IsNullOrWhiteSpace(Article))
        {
            url = await ArticleUrlAsync(Article, ct);
            if (url is null) ModelState.AddModelError(nameof(Article), "لا يوجد مقال منشور بهذا الرابط أو الرقم.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Showing = await LoadAsync(ct) is { } current && current.ShowsBreakingAt(Now) ? current : null;
            return Page();
        }

        var settings = await TrackedAsync(ct);
        settings.BreakingText = text;
        settings.BreakingUrl = url;
        settings.BreakingExpiresAt = expires;
        await db.SaveChangesAsync(ct);
        log.LogInformation("{UserId} set the breaking news line until {ExpiresAt}", UserId, expires);
        TempData["Notice"] = "نُشر الخبر العاجل في أعلى كل صفحات الموقع.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var settings = await TrackedAsync(ct);
        settings.BreakingText = null;
        settings.BreakingUrl = null;
        settings.BreakingExpiresAt = null;
        await db.SaveChangesAsync(ct);
        log.LogInformation("{UserId} removed the breaking news line", UserId);
        TempData["Notice"] = "أُزيل الخبر العاجل.";
        return RedirectToPage();
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    private Task<ReaderSettings?> LoadAsync(CancellationToken ct) =>
        db.ReaderSettings.AsNoTracking().Where(s => s.Id == ReaderSettings.TheId).FirstOrDefaultAsync(ct);

    private async Task<ReaderSettings> TrackedAsync(CancellationToken ct)
    {
        var settings = await db.ReaderSettings.Where(s => s.Id == ReaderSettings.TheId).FirstOrDefaultAsync(ct);
        if (settings is null) db.ReaderSettings.Add(settings = new ReaderSettings());
        return settings;
    }

    /// <summary>The article's current address, from its address (full, or its path) or its number; null unless it is public.</summary>
    private async Task<string?> ArticleUrlAsync(string typed, CancellationToken ct)
    {
        if (ArticleReference.IdOf(typed) is not { } id) return null;
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id).PublicAt(Now)
            .Select(a => new { a.Id, a.Slug }).FirstOrDefaultAsync(ct);
        return article is null ? null : ArticleQueries.UrlOf(article.Id, article.Slug);
    }
}
