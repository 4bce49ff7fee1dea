namespace Madar21.Web.Models;

public enum CommentStatus
{
    Pending = 0,
    Approved = 1,
    Spam = 2,
    Trash = 3,
}

public class Comment
{
    public const int TextMaxLength = 5000;
    public const int AuthorMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int UrlMaxLength = 200;

    public int Id { get; set; }

    public int ArticleId { get; set; }
    public Article? Article { get; set; }

    /// <summary>The comment this one replies to (an approved comment of the same article when it was posted); null at the top level.</summary>
    public int? ParentId { get; set; }
    public Comment? Parent { get; set; }
    public List<Comment> Replies { get; set; } = [];

    /// <summary>«أعلمني بالردود»: the commenter wants one email for each reply approved under this comment.</summary>
    public bool NotifyReplies { get; set; }

    /// <summary>Set when the parent's author was told of this reply, so that approving it again sends nothing more.</summary>
    public bool ReplyNotified { get; set; }

    public required string Author { get; set; }
    public string? Url { get; set; }
    public required string Text { get; set; }

    /// <summary>The address encrypted with Data Protection; only moderators ever see it decrypted.</summary>
    public required string EmailProtected { get; set; }

    /// <summary>HMAC of the normalised address: finds duplicates and one person's comments without decrypting.</summary>
    public required string EmailHash { get; set; }

    public CommentStatus Status { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Kept for moderation only; never shown publicly.</summary>
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }

    /// <summary>A longer user agent is cut to this length when stored.</summary>
    public const int UserAgentMaxLength = 400;
}
