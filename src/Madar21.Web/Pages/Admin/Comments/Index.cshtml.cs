using System.Security.Cryptography;
using Madar21.Web.Admin;
using Madar21.Web.Articles;
using Madar21.Web.Comments;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Comments;

/// <summary>
/// The moderation queue: Pending first, then tabs for Approved, Spam and Trash. Every action is a POST that goes
/// through <see cref="CommentModeration"/>, which logs who did what to which comment (never the commenter's email).
/// A row's button posts its own <c>id</c>; the bulk buttons post the ticked <c>selected</c> boxes.
/// </summary>
public class IndexModel(MadarDb db, CommentModeration moderation, EmailProtector emails, ModerationSettings settings, ILogger<IndexModel> log) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Five million comments deep: past any real queue, and far from overflowing the offset.</summary>
    public const int MaxPage = 100_000;

    [BindProperty(SupportsGet = true, Name = "status")]
    public CommentStatus Tab { get; set; } = CommentStatus.Pending;

    // Read by hand: "page" is also the route value that names the Razor page, so it cannot be bound by name.
    public int PageNumber => int.TryParse(Request.Query["page"], out var page) ? page : 1;

    /// <summary>The erase-personal-data form's address (posted as <c>email</c>).</summary>
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>«انشر تعليقات من سبقت الموافقة على تعليق له دون انتظار» (see <see cref="ModerationSettings"/>).</summary>
    public bool AutoApprovesKnownCommenters { get; private set; }

    public Dictionary<CommentStatus, int> Counts { get; private set; } = [];
    public List<Row> Comments { get; private set; } = [];
    public bool HasNext { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || PageNumber is < 1 or > MaxPage || !Enum.IsDefined(Tab)) return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(int? id, int[] selected, CancellationToken ct) =>
        ActAsync(moderation.ApproveAsync, id, selected, "تمت الموافقة على {0}.", ct);

    public Task<IActionResult> OnPostSpamAsync(int? id, int[] selected, CancellationToken ct) =>
        ActAsync(moderation.MarkSpamAsync, id, selected, "تم نقل {0} إلى الرسائل المزعجة.", ct);

    public Task<IActionResult> OnPostTrashAsync(int? id, int[] selected, CancellationToken ct) =>
        ActAsync(moderation.TrashAsync, id, selected, "تم نقل {0} إلى المهملات.", ct);

    public Task<IActionResult> OnPostRestoreAsync(int? id, int[] selected, CancellationToken ct) =>
        ActAsync(moderation.RestoreAsync, id, selected, "تمت إعادة {0} إلى قائمة المراجعة.", ct);

    public Task<IActionResult> OnPostDeleteAsync(int? id, int[] selected, CancellationToken ct) =>
        ActAsync(moderation.DeleteAsync, id, selected, "تم حذف {0} نهائياً.", ct);

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email) || !email.Contains('@'))
        {
            ModelState.AddModelError(nameof(Email), "اكتب عنوان البريد الإلكتروني الذي طُلب محو بياناته.");
            await LoadAsync(ct);
            return Page();
        }
        var count = await moderation.EraseByEmailAsync(email, User.StaffId(), ct);
        TempData["Notice"] = count == 0
            ? "لا توجد تعليقات بهذا العنوان."
            : $"تم محو {ArabicPlural.Format(count, ArabicPlural.Comments, ArabicCase.Oblique)}، كل ما أُرسل بهذا العنوان.";
        return RedirectToTab();
    }

    public async Task<IActionResult> OnPostSettingsAsync(bool autoApprove, CancellationToken ct)
    {
        await settings.SetAutoApproveKnownCommentersAsync(autoApprove, ct);
        log.LogInformation("Staff {UserId} set auto-approval of known commenters to {AutoApprove}", User.StaffId(), autoApprove);
        TempData["Notice"] = "حُفظ إعداد المراجعة.";
        return RedirectToTab();
    }

    private async Task<IActionResult> ActAsync(
        Func<IReadOnlyCollection<int>, string, CancellationToken, Task<int>> action, int? id, int[] selected, string done, CancellationToken ct)
    {
        IReadOnlyCollection<int> ids = id is { } one ? [one] : selected.Distinct().ToArray();
        if (ids.Count == 0)
        {
            TempData["Notice"] = "لم تختر أي تعليق.";
            return RedirectToTab();
        }
        var count = await action(ids, User.StaffId(), ct);
        TempData["Notice"] = Done(done, count);
        return RedirectToTab();
    }

    /// <summary>
    /// «تمت الموافقة على تعليق واحد.»: the action's sentence with the count as its object (oblique: «تعليقين»). The
    /// verb stays impersonal («تم»، «تمت») so that it agrees with any number.
    /// </summary>
    public static string Done(string sentence, int count) =>
        count == 0
            ? "لم يتغير أي تعليق: ربما سبقك إليه مشرف آخر."
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, sentence, ArabicPlural.Format(count, ArabicPlural.Comments, ArabicCase.Oblique));

    private IActionResult RedirectToTab() => LocalRedirect(TabUrl(Tab, PageNumber));

    // "page" is added by hand: as a route value it would name the Razor page instead.
    public string TabUrl(CommentStatus status, int page = 1) =>
        Url.Page("/Admin/Comments/Index", new { status = TabParameter(status) }) + (page > 1 ? $"&page={page}" : "");

    public static string TabParameter(CommentStatus status) => status.ToString().ToLowerInvariant();

    public static string TabName(CommentStatus status) => status switch
    {
        CommentStatus.Pending => "بانتظار المراجعة",
        CommentStatus.Approved => "المنشورة",
        CommentStatus.Spam => "المزعجة",
        _ => "المهملات",
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        Counts = await db.Comments.AsNoTracking().GroupBy(c => c.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.Status == Tab)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip((Math.Clamp(PageNumber, 1, MaxPage) - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(c => new
            {
                c.Id, c.ArticleId, c.Article!.Title, c.Article.Slug, c.Author, c.Url, c.EmailProtected, c.IpAddress, c.CreatedAt, c.Text,
                Parent = c.Parent == null ? null : new ParentView(c.Parent.Id, c.Parent.Author, c.Parent.Text, c.Parent.Status),
            })
            .ToListAsync(ct);
        AutoApprovesKnownCommenters = await settings.AutoApprovesKnownCommentersAsync(ct);
        HasNext = rows.Count > PageSize;
        Comments = rows.Take(PageSize)
            // Stored URLs lose their bidi controls here too: those stored before they were cleaned at input could
            // make one host look like another.
            .Select(c => new Row(c.Id, c.ArticleId, c.Title, c.Slug, c.Author, c.Url is null ? null : TextCleaning.Line(c.Url), ShowEmail(c.EmailProtected), c.IpAddress, c.CreatedAt, c.Text, c.Parent))
            .ToList();
    }

    // Decrypted here, for moderators only; a key ring that lost the key leaves a placeholder, not an error page.
    private string ShowEmail(string protectedEmail)
    {
        try { return emails.Unprotect(protectedEmail); }
        catch (CryptographicException) { return "(تعذّر فك التشفير)"; }
    }

    /// <summary>The comment a reply answers, shown beside it so that the reply is judged in its context.</summary>
    public sealed record ParentView(int Id, string Author, string Text, CommentStatus Status);

    public sealed record Row(
        int Id, int ArticleId, string ArticleTitle, string ArticleSlug, string Author, string? Url, string Email,
        string? IpAddress, DateTime CreatedAt, string Text, ParentView? Parent)
    {
        public string ArticleUrl => ArticleQueries.UrlOf(ArticleId, ArticleSlug);

        /// <summary>Where the link really leads, shown beside it so that a look-alike address is seen for what it is.</summary>
        public string? UrlHost => CommentInput.HostOf(Url);
    }
}
