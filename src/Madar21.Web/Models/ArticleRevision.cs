namespace Madar21.Web.Models;

/// <summary>What kind of save made a revision, as the history names it.</summary>
public enum RevisionKind
{
    Created = 0,
    Edited = 1,
    /// <summary>An older revision brought back; <see cref="ArticleRevision.RestoredFromId"/> says which.</summary>
    Restored = 2,
    /// <summary>
    /// The article as it stood before its first save in the admin (imported from a seed file, or written before
    /// history was kept), recorded by that save so that its change can be read as a diff.
    /// </summary>
    Original = 3,
    /// <summary>A seeded article «deleted» in the admin: hidden as a draft.</summary>
    Hidden = 4,
    /// <summary>An editor's decision in the review queue: published, or sent back to its writer.</summary>
    Reviewed = 5,
}

/// <summary>
/// One saved state of an article: what an editor can read again, compare and restore. Written by every save of the
/// article in the admin (<see cref="Revisions.ArticleRevisions"/>); pruned by <see cref="Revisions.RevisionPruning"/>.
/// </summary>
public class ArticleRevision
{
    public const int TagsMaxLength = 1000;

    /// <summary>Grows with every revision: the newest of an article is its largest id.</summary>
    public long Id { get; set; }

    public int ArticleId { get; set; }
    public Article? Article { get; set; }

    /// <summary>The <see cref="Article.Version"/> this save produced: where an editor's form started from.</summary>
    public int ArticleVersion { get; set; }

    public RevisionKind Kind { get; set; }

    /// <summary>For <see cref="RevisionKind.Restored"/>: the revision brought back (it may have been pruned since).</summary>
    public long? RestoredFromId { get; set; }

    public required string Title { get; set; }
    public string? Summary { get; set; }
    public required string BodyMarkdown { get; set; }

    /// <summary>The tag names as they stood, joined by «، »; empty when the article had none.</summary>
    public string Tags { get; set; } = "";

    /// <summary>Plain ids, not foreign keys: history keeps what was chosen even after the picture or section is deleted.</summary>
    public int? LeadMediaId { get; set; }
    public int SectionId { get; set; }

    public ArticleStatus Status { get; set; }

    /// <summary>The staff account that saved; null for <see cref="RevisionKind.Original"/> of a seeded article.</summary>
    public string? StaffUserId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
}
