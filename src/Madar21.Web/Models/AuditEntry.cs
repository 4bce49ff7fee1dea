namespace Madar21.Web.Models;

/// <summary>
/// One staff action, kept for Admins to read at /admin/audit: who (an account id, never an email), what, to
/// which thing, when and from which address. Nothing a commenter typed is ever written here.
/// </summary>
public class AuditEntry
{
    public const int SubjectMaxLength = 200;

    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>The staff account that acted; for a failed sign-in, the account that was tried (null when none exists).</summary>
    public string? UserId { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>What was acted on, in ids («article 12», «comment 7 → Approved»); never an email address.</summary>
    public string? Subject { get; set; }

    /// <summary>The client's address as the site sees it (after trusted proxies).</summary>
    public string? Address { get; set; }
}

/// <summary>The staff actions the audit log records. Stored by name, so that adding one never renumbers the others.</summary>
public enum AuditAction
{
    SignIn,
    SignInFailed,
    SignOut,
    ArticleCreated,
    ArticleSaved,
    ArticlePublished,
    ArticleScheduled,
    ArticleUnpublished,
    ArticleDeleted,
    SectionAdded,
    SectionRenamed,
    SectionMoved,
    SectionDeleted,
    CommentModerated,
    CommentDeleted,
    CommentsErased,
    AccountAdded,
    AccountDisabled,
    AccountEnabled,
    AccountRemoved,
    PasswordReset,
    RoleChanged,
    TwoFactorEnabled,
    TwoFactorDisabled,
    TwoFactorReset,
    RecoveryCodesRenewed,
    RecoveryCodeUsed,
    TwoFactorRequirementChanged,
    MediaUploaded,
    MediaDeleted,
    ArticleSubmitted,
    ArticleSentBack,
    TagRenamed,
    TagMerged,
    MediaEdited,
}
