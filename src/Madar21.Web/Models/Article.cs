using Madar21.Web.Articles;

namespace Madar21.Web.Models;

public enum ArticleStatus
{
    Draft = 0,
    Published = 1,
    /// <summary>Published by itself once <see cref="Article.PublishedAt"/> has passed.</summary>
    Scheduled = 2,
    /// <summary>«بانتظار المراجعة»: a writer submitted it; an editor publishes it or sends it back. Never public.</summary>
    PendingReview = 3,
}

public class Article
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 500;

    public int Id { get; set; }

    /// <summary>Seed file name without extension, for articles that came from <c>seeds/</c>; null for articles written in the admin.</summary>
    public string? SeedKey { get; set; }

    public required string Title { get; set; }

    /// <summary>
    /// The title as <see cref="Search.ArabicNormalizer"/> folds it, for the admin's title search (drafts included,
    /// which the search index leaves out). <see cref="Data.MadarDb"/> keeps it in step with <see cref="Title"/> on every
    /// save; null only for a row written before the column existed, until the start-up fills it in.
    /// </summary>
    public string? TitleFolded { get; set; }

    public required string Slug { get; set; }

    public int SectionId { get; set; }
    public Section? Section { get; set; }

    /// <summary>Optional summary written by an editor; <see cref="Excerpt"/> falls back to the body.</summary>
    public string? Summary { get; set; }

    public required string Excerpt { get; set; }

    /// <summary>Minutes to read the body (<see cref="Articles.ReadingTime"/>), kept in step with <see cref="BodyText"/> on every save.</summary>
    public int ReadingMinutes { get; set; }

    /// <summary>Sets the body and everything derived from it, as every writer must (see <see cref="ArticleBody"/>).</summary>
    public void SetBody(ArticleBody body)
    {
        BodyMarkdown = body.Markdown;
        BodyHtml = body.Html;
        BodyText = body.Text;
        Excerpt = body.Excerpt;
        ReadingMinutes = body.ReadingMinutes;
    }

    public ArticleStatus Status { get; set; }

    /// <summary>UTC. For Published, when it went out; for Scheduled, when it will; null for a draft never published.</summary>
    public DateTime? PublishedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// UTC: when what readers read (title, summary, body) last changed while the article was public, shown as
    /// «آخر تحديث»; null when it never did (<c>ReaderUpdate</c> decides).
    /// </summary>
    public DateTime? RevisedAt { get; set; }

    public bool CommentsOpen { get; set; } = true;

    /// <summary>
    /// The staff account that created the article in the admin, whose writer may edit it (see <c>NewsroomRules</c>); null
    /// for seeded articles. Not a foreign key: adding one would rebuild the whole table on SQLite, and the id of a
    /// removed account can no longer sign in.
    /// </summary>
    public string? CreatedById { get; set; }

    /// <summary>UTC. When it was last submitted for review: the review queue's order, oldest first.</summary>
    public DateTime? SubmittedAt { get; set; }

    public const int ReviewNoteMaxLength = 2000;

    /// <summary>The editor's note when the article was sent back to its writer; cleared when it is submitted again or published.</summary>
    public string? ReviewNote { get; set; }

    /// <summary>
    /// Raised by every save (<see cref="Data.MadarDb"/>) and checked by it: an editor whose form was opened at an older
    /// version is refused rather than silently overwriting another editor's work.
    /// </summary>
    public int Version { get; set; }
    /// <summary>The picture the article leads with, from the media library; null when it has none.</summary>
    public int? LeadMediaId { get; set; }
    public MediaItem? LeadMedia { get; set; }

    /// <summary>The lead picture's caption for this article; the picture's own caption when null.</summary>
    public string? LeadCaption { get; set; }

    /// <summary>Set when an editor changes a seeded article, so that a later seed import keeps the editor's version.</summary>
    public bool EditedInSite { get; set; }

    /// <summary>SHA-256 of the seed file's bytes at its last import, and the file's size and time, to skip unchanged files cheaply.</summary>
    public string? SeedHash { get; set; }
    public long? SeedLength { get; set; }
    public DateTime? SeedModifiedAt { get; set; }

    // The bodies last: SQLite stores columns in this order, and the columns before them are read without walking
    // a long row's overflow pages (migration ArticleHotColumnsFirst).

    /// <summary>Plain text of the body, for excerpts and search.</summary>
    public required string BodyText { get; set; }

    /// <summary>Rendered and sanitised when the article is saved, never per request.</summary>
    public required string BodyHtml { get; set; }

    public required string BodyMarkdown { get; set; }

    public List<Comment> Comments { get; set; } = [];

    /// <summary>The byline, in order; none: the desk (<c>Site:DeskName</c>).</summary>
    public List<ArticleAuthor> Authors { get; set; } = [];

    public bool IsPublicAt(DateTime utcNow) =>
        ArticleQueries.GoesOut(Status) && PublishedAt is { } at && at <= utcNow;
}
