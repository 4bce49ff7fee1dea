using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Audit;

/// <summary>The audit log, newest first, for Admins only: who did what, to what, when and from where.</summary>
public class IndexModel(MadarDb db) : PageModel
{
    public const int PageSize = 50;

    // Read by hand: "page" is also the route value that names the Razor page, so it cannot be bound by name.
    public int PageNumber => int.TryParse(Request.Query["page"], out var page) ? page : 1;

    public List<Row> Entries { get; private set; } = [];
    public bool HasNext { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (PageNumber < 1 || PageNumber > int.MaxValue / PageSize) return NotFound();
        var entries = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(ct);
        HasNext = entries.Count > PageSize;
        var ids = entries.Select(e => e.UserId).OfType<string>().Distinct().ToList();
        // Staff accounts only: the audit log names no one else.
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, ct);
        Entries = entries.Take(PageSize)
            .Select(e => new Row(e.At, e.UserId is null ? null : names.GetValueOrDefault(e.UserId, e.UserId), e.Action, e.Subject, e.Address))
            .ToList();
        return Page();
    }

    public string PageUrl(int number) => Url.Page("/Admin/Audit/Index") + (number > 1 ? $"?page={number}" : "");

    public sealed record Row(DateTime At, string? Who, AuditAction Action, string? Subject, string? Address);

    public static string ArabicName(AuditAction action) => action switch
    {
        AuditAction.SignIn => "دخول",
        AuditAction.SignInFailed => "محاولة دخول فاشلة",
        AuditAction.SignOut => "خروج",
        AuditAction.ArticleCreated => "مقال جديد (مسودة)",
        AuditAction.ArticleSaved => "تعديل مقال",
        AuditAction.ArticlePublished => "نشر مقال",
        AuditAction.ArticleScheduled => "جدولة مقال",
        AuditAction.ArticleUnpublished => "إلغاء نشر مقال",
        AuditAction.ArticleDeleted => "حذف مقال",
        AuditAction.SectionAdded => "قسم جديد",
        AuditAction.SectionRenamed => "تغيير اسم قسم",
        AuditAction.SectionMoved => "نقل قسم",
        AuditAction.SectionDeleted => "حذف قسم",
        AuditAction.CommentModerated => "مراجعة تعليق",
        AuditAction.CommentDeleted => "حذف تعليق نهائياً",
        AuditAction.CommentsErased => "محو بيانات شخصية",
        AuditAction.AccountAdded => "حساب جديد",
        AuditAction.AccountDisabled => "إيقاف حساب",
        AuditAction.AccountEnabled => "تفعيل حساب",
        AuditAction.AccountRemoved => "حذف حساب",
        AuditAction.PasswordReset => "كلمة مرور جديدة",
        AuditAction.RoleChanged => "تغيير دور",
        AuditAction.TwoFactorEnabled => "تفعيل التحقق بخطوتين",
        AuditAction.TwoFactorDisabled => "إيقاف التحقق بخطوتين",
        AuditAction.TwoFactorReset => "إلغاء التحقق بخطوتين لحساب",
        AuditAction.RecoveryCodesRenewed => "رموز استرداد جديدة",
        AuditAction.RecoveryCodeUsed => "دخول برمز استرداد",
        AuditAction.TwoFactorRequirementChanged => "تغيير إلزامية التحقق بخطوتين",
        AuditAction.MediaUploaded => "رفع صورة",
        AuditAction.MediaDeleted => "حذف صورة",
        AuditAction.ArticleSubmitted => "إرسال مقال للمراجعة",
        AuditAction.ArticleSentBack => "إعادة مقال إلى كاتبه",
        AuditAction.TagRenamed => "تغيير اسم وسم",
        AuditAction.TagMerged => "دمج وسمين",
        AuditAction.MediaEdited => "تعديل بيانات صورة",
        _ => action.ToString(),
    };
}
