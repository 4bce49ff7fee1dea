using Madar21.Web.Admin;
using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.FrontPage;
using Madar21.Web.Models;
using Madar21.Web.Site.Dates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Pages.Admin.Front;

/// <summary>
/// The home page's lead story and featured stories, each pinned until an optional time. An empty place, an ended
/// pin or an article no longer public gives its place to the newest article. Saving evicts the home page.
/// </summary>
public class IndexModel(MadarDb db, TimeProvider clock, IOptions<FrontPageOptions> options, ILogger<IndexModel> log) : PageModel
{
    /// <summary>Place 0 is the lead, 1… the featured stories: an article (number or address) and an optional end.</summary>
    [BindProperty] public List<Place> Places { get; set; } = [];

    /// <summary>The newest public articles, offered as suggestions in the article fields.</summary>
    public List<Suggestion> Recent { get; private set; } = [];

    public int FeaturedCount => options.Value.Featured;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = Now;
        var pins = await db.FrontPins.AsNoTracking()
            .Select(p => new { p.Position, p.ArticleId, p.ExpiresAt, p.Article!.Title, Public = db.Articles.PublicAt(now).Any(a => a.Id == p.ArticleId) })
            .ToListAsync(ct);
        Places = Enumerable.Range(0, FeaturedCount + 1).Select(position =>
            pins.FirstOrDefault(p => p.Position == position) is { } pin
                ? new Place
                {
                    Article = pin.ArticleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ExpiresAt = MoroccanDate.WallClockValue(pin.ExpiresAt),
                    Title = pin.Title,
                    State = !pin.Public ? "المقال لم يعد منشوراً: يظهر مكانه أحدث مقال."
                        : pin.ExpiresAt <= now ? "انتهى التثبيت: يظهر مكانه أحدث مقال."
                        : pin.ExpiresAt is { } end ? $"مثبّت حتى {MoroccanDate.FormatWithTime(end)}." : "مثبّت دون موعد انتهاء.",
                }
                : new Place()).ToList();
        await LoadSuggestionsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var now = Now;
        ModelState.Clear(); // the messages below are the page's own, one per field
        var chosen = new List<FrontPin>();
        while (Places.Count < FeaturedCount + 1) Places.Add(new Place());
        for (var position = 0; position <= FeaturedCount; position++)
        {
            var place = Places[position];
            if (string.IsNullOrWhiteSpace(place.Article)) continue;
            var field = $"{nameof(Places)}[{position}].{nameof(Place.Article)}";
            if (ArticleReference.IdOf(place.Article) is not { } id
                || !await db.Articles.Where(a => a.Id == id).PublicAt(now).AnyAsync(ct))
            {
                ModelState.AddModelError(field, "لا يوجد مقال منشور بهذا الرابط أو الرقم.");
                continue;
            }
            if (chosen.Any(p => p.ArticleId == id))
            {
                ModelState.AddModelError(field, "هذا المقال مثبّت في مكان آخر من الواجهة.");
                continue;
            }
            DateTime? expires = null;
            if (!string.IsNullOrWhiteSpace(place.ExpiresAt))
            {
                expires = MoroccanDate.ParseWallClock(place.ExpiresAt);
                var expiresField = $"{nameof(Places)}[{position}].{nameof(Place.ExpiresAt)}";
                if (expires is null) ModelState.AddModelError(expiresField, "موعد الانتهاء غير صالح.");
                else if (expires <= now) ModelState.AddModelError(expiresField, "اختر موعداً في المستقبل، أو اترك الحقل فارغاً.");
            }
            chosen.Add(new FrontPin { Position = position, ArticleId = id, ExpiresAt = expires });
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadSuggestionsAsync(ct);
            return Page();
        }

        db.FrontPins.RemoveRange(await db.FrontPins.ToListAsync(ct));
        db.FrontPins.AddRange(chosen);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Staff {UserId} set the front page: {Pinned} pinned articles", User.StaffId(), chosen.Count);
        TempData["Notice"] = chosen.Count == 0 ? "لا مقال مثبّت: تعرض الواجهة أحدث المقالات." : "حُفظت الواجهة.";
        return RedirectToPage();
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task LoadSuggestionsAsync(CancellationToken ct) =>
        Recent = await db.Articles.AsNoTracking().PublicAt(Now).NewestFirst().Take(50)
            .Select(a => new Suggestion(a.Id, a.Title)).ToListAsync(ct);

    public sealed class Place
    {
        public string? Article { get; set; }
        public string? ExpiresAt { get; set; }

        /// <summary>The pinned article's title and what readers see of it now (not posted back).</summary>
        public string? Title { get; set; }
        public string? State { get; set; }
    }

    public sealed record Suggestion(int Id, string Title);
}
