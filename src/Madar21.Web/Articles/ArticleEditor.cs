using System.Globalization;
using Madar21.Web.Admin;
using Madar21.Web.Authors;
using Madar21.Web.Data;
using Madar21.Web.Media;
using Madar21.Web.Models;
using Madar21.Web.Newsroom;
using Madar21.Web.Revisions;
using Madar21.Web.Site.Dates;
using Madar21.Web.Site;
using Madar21.Web.Tags;
using Madar21.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Articles;

/// <summary>What an editor typed into the article form, before any rule is checked.</summary>
/// <param name="PublishAt">For a scheduled article: Casablanca wall-clock time as a datetime-local field sends it.</param>
/// <param name="AuthorIds">The byline's profiles in order (empty: the desk); null: the creator for a new article, unchanged otherwise.</param>
/// <param name="Version">The article's <see cref="Article.Version"/> when the form was opened; null for a new article.</param>
public sealed record ArticleInput(
    string? Title, int? SectionId, string? Summary, string? Body, ArticleStatus Status, string? PublishAt, bool CommentsOpen,
    int? Version = null, int? LeadMediaId = null, string? LeadCaption = null, string? Tags = null, string? Slug = null, string? PublishedOn = null,
    IReadOnlyList<int>? AuthorIds = null);

/// <summary>A rule the input broke, named by the form field it belongs to.</summary>
public sealed record FieldError(string Field, string Message);

/// <param name="CurrentVersion">Set when another save came first: the version the form may now be saved over.</param>
public sealed record ArticleSaveResult(Article? Article, IReadOnlyList<FieldError> Errors, int? CurrentVersion = null)
{
    public bool Succeeded => Errors.Count == 0;
}

public enum ArticleDeletion { NotFound, Deleted, HiddenSeed }

/// <summary>
/// The one place where an article is saved from the admin: checks the input, makes the slug, renders the
/// Markdown once into the stored HTML, text and excerpt, and sets the status and publication time. Changes go
/// through tracked entities and SaveChanges, so that whatever listens to saved changes (search index, page
/// cache) sees them.
/// </summary>
public sealed partial class ArticleEditor(
    MadarDb db, MarkdownRenderer renderer, BodyPictures bodyPictures, TimeProvider clock, AuditTrail audit, ILogger<ArticleEditor> log)
{
    /// <summary>Shown when another editor saved the article after this form was opened; nothing typed is lost.</summary>
    public const string ConflictMessage =
        "حفظ محرر آخر هذا المقال بعد أن فتحتَه، فلم يُحفظ تعديلك كي لا يضيع عمله. ما كتبته باقٍ هنا كما هو، " +
        "وما غيّره معروض تحت هذه الرسالة: انقل منه إلى نصك ما تريد، ثم احفظ مرة أخرى لتحلّ نسختك محلّها.";

    /// <summary>The format of an HTML datetime-local field.</summary>
    public const string PublishAtFormat = "yyyy-MM-dd'T'HH:mm";

    public static class Fields
    {
        public const string Title = nameof(ArticleInput.Title);
        public const string Section = "Section";
        public const string Summary = nameof(ArticleInput.Summary);
        public const string Body = nameof(ArticleInput.Body);
        public const string Status = nameof(ArticleInput.Status);
        public const string PublishAt = nameof(ArticleInput.PublishAt);
        public const string LeadMediaId = nameof(ArticleInput.LeadMediaId);
        public const string LeadCaption = nameof(ArticleInput.LeadCaption);
        public const string Tags = nameof(ArticleInput.Tags);
        public const string Slug = nameof(ArticleInput.Slug);
        public const string PublishedOn = nameof(ArticleInput.PublishedOn);
        public const string Authors = "Authors";
    }

    public Task<ArticleSaveResult> CreateAsync(ArticleInput input, string staffId, CancellationToken ct = default) =>
        SaveAsync(null, input, staffId, RevisionKind.Created, null, ct);

    /// <returns>null when there is no such article.</returns>
    public async Task<ArticleSaveResult?> UpdateAsync(int id, ArticleInput input, string staffId, CancellationToken ct = default)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, ct);
        return article is null ? null : await SaveAsync(article, input, staffId, RevisionKind.Edited, null, ct);
    }

    /// <summary>
    /// Brings back an older revision's title, summary, body, section and lead picture as a new save (and so a new
    /// revision): history is never rewritten. The publication status and time stay as they are, so restoring the
    /// text of a draft does not take a published article off the site. A section or picture deleted since is not
    /// brought back: the current one stays, or the article goes without a picture.
    /// </summary>
    /// <param name="version">The article's version when the history page was opened; null to restore over any.</param>
    /// <returns>null when there is no such article or no such revision of it.</returns>
    public async Task<ArticleSaveResult?> RestoreAsync(int id, long revisionId, int? version, string staffId, CancellationToken ct = default)
    {
        var revision = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == id, ct);
        var article = revision is null ? null : await db.Articles.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (revision is null || article is null) return null;
        var sectionExists = await db.Sections.AnyAsync(s => s.Id == revision.SectionId, ct);
        var pictureExists = revision.LeadMediaId is { } mediaId && await db.Media.AnyAsync(m => m.Id == mediaId, ct);
        var leadMediaId = pictureExists ? revision.LeadMediaId : null;
        var input = new ArticleInput(
            revision.Title, sectionExists ? revision.SectionId : article.SectionId, revision.Summary, revision.BodyMarkdown,
            article.Status, article.Status == ArticleStatus.Scheduled ? PublishAtValue(article.PublishedAt) : null, article.CommentsOpen,
            version ?? article.Version, leadMediaId, leadMediaId == article.LeadMediaId ? article.LeadCaption : null,
            Tags: revision.Tags); // the revision's tags come back with its text («، » separated, as the form writes them)
        return await SaveAsync(article, input, staffId, RevisionKind.Restored, revision.Id, ct);
    }

    /// <summary>Renders exactly as saving will, for the preview; null, with the reason in Arabic, when saving would refuse the body.</summary>
    public async Task<(RenderedMarkdown? Rendered, string? Error)> PreviewAsync(string? body, CancellationToken ct)
    {
        var markdown = NormalizeBody(body) ?? "";
        if (MarkdownLimits.Check(markdown) is { } tooLarge) return (null, tooLarge);
        var pictures = await bodyPictures.CheckAsync(markdown, ct);
        if (pictures.Error is { } refused) return (null, refused);
        return (TryRender(markdown, pictures.Pictures, out var error), error);
    }

    /// <summary>
    /// Deletes an article written in the site. An article that came from a seed file is hidden instead (made a
    /// draft and marked as edited), because deleting its row would let the next seed import bring it back.
    /// </summary>
    public async Task<ArticleDeletion> DeleteAsync(int id, string staffId, CancellationToken ct = default)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return ArticleDeletion.NotFound;
        if (article.SeedKey is not null)
        {
            article.Status = ArticleStatus.Draft;
            article.EditedInSite = true;
            await ArticleRevisions.KeepOriginalAsync(db, article, ct);
            article.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            ArticleRevisions.Record(db, article, RevisionKind.Hidden, staffId, article.UpdatedAt);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(AuditAction.ArticleDeleted, $"article {id} (imported: hidden as a draft)", ct: ct);
            log.LogInformation("Staff {UserId} hid seeded article {ArticleId} instead of deleting it", staffId, id);
            return ArticleDeletion.HiddenSeed;
        }
        db.Articles.Remove(article);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditAction.ArticleDeleted, $"article {id}", ct: ct);
        log.LogInformation("Staff {UserId} deleted article {ArticleId}", staffId, id);
        return ArticleDeletion.Deleted;
    }

    /// <summary>The rules alone, without saving: for a form that already failed to bind, to show every message at once.</summary>
    public async Task<IReadOnlyList<FieldError>> ValidateAsync(ArticleInput input, int? id, CancellationToken ct = default)
    {
        var stored = id is null ? null : await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.PublishedAt).FirstOrDefaultAsync(ct);
        return (await CheckAsync(input, stored, ct)).Errors;
    }

    private async Task<ArticleSaveResult> SaveAsync(
        Article? article, ArticleInput input, string staffId, RevisionKind kind, long? restoredFrom, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (errors, title, summary, body, scheduledAt, tags, pictures) = await CheckAsync(input, article?.PublishedAt, ct);
        var publishedOn = PublicationDate.Check(input, article?.PublishedAt, now, errors);
        if (errors.Count > 0) return new ArticleSaveResult(null, errors);
        if (await LeadPictureErrorsAsync(input, ct) is { Count: > 0 } pictureErrors) return new ArticleSaveResult(null, pictureErrors);
        if (await ArticleAuthors.ErrorAsync(db, input.AuthorIds, ct) is { } authorError) return new ArticleSaveResult(null, [new FieldError(Fields.Authors, authorError)]);

        if (TryRender(body!, pictures, out var renderError) is not { } rendered)
            return new ArticleSaveResult(null, [new FieldError(Fields.Body, renderError!)]);

        var isNew = article is null;
        var before = article?.Status;
        if (article is not null) await ArticleRevisions.KeepOriginalAsync(db, article, ct);
        var readerVisible = article is null ? null : ReaderUpdate.Of(article, now);
        (string Slug, string FromTitle)? storedSlug = article is null ? null : (article.Slug, Slug.FromTitle(article.Title));
        article ??= db.Articles.Add(new Article
        {
            Title = "", Slug = "", BodyMarkdown = "", BodyHtml = "", BodyText = "", Excerpt = "", CreatedAt = now, CreatedById = staffId,
        }).Entity;

        article.Title = title!;
        article.Slug = PublicationDate.SlugOf(input.Slug, title!, storedSlug);
        article.SectionId = input.SectionId!.Value;
        article.Summary = summary;
        article.SetBody(ArticleBody.From(body!, rendered, summary));
        await bodyPictures.RecordAsync(article, pictures.Keys, ct);
        article.CommentsOpen = input.CommentsOpen;
        article.LeadMediaId = input.LeadMediaId;
        article.LeadCaption = input.LeadMediaId is null || string.IsNullOrWhiteSpace(input.LeadCaption) ? null : TextCleaning.Line(input.LeadCaption);
        if (!isNew && input.AuthorIds is not null) await ArticleAuthors.LoadAsync(db, article, ct);
        if ((input.AuthorIds ?? (isNew ? await ArticleAuthors.CreatorAsync(db, staffId, ct) : null)) is { } authors)
            ArticleAuthors.Set(db, article, authors);
        SetStatus(article, input.Status, scheduledAt, now);
        if (publishedOn is { } on) article.PublishedAt = on; // an editor's own date for a published article
        if (readerVisible is not null) ReaderUpdate.Note(article, readerVisible, now);
        await Tagging.SetAsync(db, article, tags, now, ct);

        if (!isNew && input.Version is { } opened)
        {
            // The save applies only to the version the editor saw (MadarDb raises it and checks it).
            var version = db.Entry(article).Property(a => a.Version);
            version.OriginalValue = opened;
            version.CurrentValue = opened;
        }
        ArticleRevisions.Record(db, article, kind, staffId, now, restoredFrom, tags);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Articles.AsNoTracking().Where(a => a.Id == article.Id).Select(a => (int?)a.Version).FirstOrDefaultAsync(ct);
            log.LogInformation("Staff {UserId} saved article {ArticleId} from version {Opened}, but version {Current} was saved meanwhile; refused",
                staffId, article.Id, input.Version, current);
            return new ArticleSaveResult(null, [new FieldError("", ConflictMessage)], current);
        }
        await audit.RecordAsync(AuditActionOf(before, article.Status), $"article {article.Id}", ct: ct);
        log.LogInformation("Staff {UserId} {Action} article {ArticleId} as {Status}", staffId, kind switch
        {
            RevisionKind.Created => "created",
            RevisionKind.Restored => "restored a revision of",
            _ => "saved",
        }, article.Id, article.Status);
        return new ArticleSaveResult(article, []);
    }

    /// <summary>
    /// The status an editor chose, with the publication time it implies; every save and bulk change goes through
    /// here. The article is marked as changed now (and, if it came from a seed file, as edited in the site).
    /// </summary>
    private static void SetStatus(Article article, ArticleStatus status, DateTime? scheduledAt, DateTime now)
    {
        article.UpdatedAt = now;
        switch (status)
        {
            case ArticleStatus.Published when !article.IsPublicAt(now):
                article.PublishedAt = now; // an article already out keeps its original time
                break;
            case ArticleStatus.Scheduled when !SameMinute(scheduledAt!.Value, article.PublishedAt):
                article.PublishedAt = scheduledAt;
                break;
        }
        Newsroom.ArticleReview.Track(article, status, now);
        article.Status = status;
        if (article.SeedKey is not null) article.EditedInSite = true;
    }

    /// <summary>The lead picture must be in the library (it may have been deleted while the form was open).</summary>
    private async Task<List<FieldError>> LeadPictureErrorsAsync(ArticleInput input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (input.LeadMediaId is { } mediaId && !await db.Media.AnyAsync(m => m.Id == mediaId, ct))
            errors.Add(new FieldError(Fields.LeadMediaId, "الصورة المختارة لم تعد في المكتبة؛ اختر غيرها."));
        if (input.LeadCaption?.Trim().Length > MediaItem.CaptionMaxLength)
            errors.Add(new FieldError(Fields.LeadCaption, $"تعليق الصورة أطول من {ArabicPlural.Format(MediaItem.CaptionMaxLength, ArabicPlural.Characters, ArabicCase.Oblique)}."));
        return errors;
    }

    /// <summary>What the audit log calls a save: a change of what readers can see, or only an edit.</summary>
    private static AuditAction AuditActionOf(ArticleStatus? before, ArticleStatus after) => (before, after) switch
    {
        (ArticleStatus.Published or ArticleStatus.Scheduled, ArticleStatus.Draft) => AuditAction.ArticleUnpublished,
        (ArticleStatus.PendingReview, ArticleStatus.Draft) => AuditAction.ArticleSentBack,
        (not ArticleStatus.PendingReview, ArticleStatus.PendingReview) => AuditAction.ArticleSubmitted,
        (not ArticleStatus.Published, ArticleStatus.Published) => AuditAction.ArticlePublished,
        (not ArticleStatus.Scheduled, ArticleStatus.Scheduled) => AuditAction.ArticleScheduled,
        (null, _) => AuditAction.ArticleCreated,
        _ => AuditAction.ArticleSaved,
    };

    private sealed record Checked(
        List<FieldError> Errors, string? Title, string? Summary, string? Body, DateTime? ScheduledAt, List<string> Tags,
        IReadOnlyDictionary<int, PictureView> Pictures);

    private async Task<Checked> CheckAsync(ArticleInput input, DateTime? storedPublishedAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new List<FieldError>();

        var title = Clean(input.Title);
        if (title is null) errors.Add(new(Fields.Title, "العنوان مطلوب."));
        else if (title.Length > Article.TitleMaxLength) errors.Add(new(Fields.Title, $"العنوان أطول من {ArabicPlural.Format(Article.TitleMaxLength, ArabicPlural.Characters, ArabicCase.Oblique)}."));

        var summary = Clean(input.Summary);
        if (summary?.Length > Article.SummaryMaxLength) errors.Add(new(Fields.Summary, $"الملخص أطول من {ArabicPlural.Format(Article.SummaryMaxLength, ArabicPlural.Characters, ArabicCase.Oblique)}."));

        var body = NormalizeBody(input.Body);
        if (string.IsNullOrWhiteSpace(body)) errors.Add(new(Fields.Body, "نص المقال مطلوب."));
        else if (MarkdownLimits.Check(body) is { } problem) errors.Add(new(Fields.Body, problem));
        var pictures = body is null || errors.Any(e => e.Field == Fields.Body) ? null : await bodyPictures.CheckAsync(body, ct);
        if (pictures?.Error is { } refused) errors.Add(new(Fields.Body, refused));

        if (input.SectionId is not { } sectionId) errors.Add(new(Fields.Section, "اختر قسماً."));
        else if (!await db.Sections.AnyAsync(s => s.Id == sectionId, ct)) errors.Add(new(Fields.Section, "هذا القسم غير موجود."));

        DateTime? scheduledAt = null;
        if (!Enum.IsDefined(input.Status)) errors.Add(new(Fields.Status, "اختر حالة المقال."));
        else if (input.Status == ArticleStatus.Scheduled)
        {
            scheduledAt = ParsePublishAt(input.PublishAt);
            if (string.IsNullOrWhiteSpace(input.PublishAt)) errors.Add(new(Fields.PublishAt, "حدد تاريخ النشر ووقته."));
            else if (scheduledAt is null) errors.Add(new(Fields.PublishAt, "تاريخ النشر غير صالح."));
            else if (scheduledAt <= now && !SameMinute(scheduledAt.Value, storedPublishedAt))
                errors.Add(new(Fields.PublishAt, "اختر وقتاً في المستقبل، أو اختر «منشور» للنشر الآن."));
        }
        var (tags, tagErrors) = TagNames.Parse(input.Tags);
        if (tagErrors.Count > 0) errors.Add(new FieldError(Fields.Tags, string.Join(" ", tagErrors.Take(3)))); // the form shows one message a field
        return new Checked(errors, title, summary, body, scheduledAt, tags, pictures?.Pictures ?? new Dictionary<int, PictureView>());
    }

    /// <summary>The stored publication time as the form shows it (Casablanca time).</summary>
    public static string? PublishAtValue(DateTime? utc) =>
        utc is { } at ? MoroccanDate.ToLocal(at).ToString(PublishAtFormat, CultureInfo.InvariantCulture) : null;

    private static DateTime? ParsePublishAt(string? value) => MoroccanDate.ParseWallClock(value);

    // The form shows minutes only: an unchanged scheduled time comes back without its seconds.
    private static bool SameMinute(DateTime a, DateTime? b) =>
        b is { } other && Math.Abs((a - other).TotalSeconds) < 60 && a.Minute == other.Minute;

    // MarkdownLimits keeps bodies far inside Markdig's own nesting limit; should one still pass it, Markdig's
    // refusal (an ArgumentException) becomes the same Arabic message rather than an error page.
    private RenderedMarkdown? TryRender(string markdown, IReadOnlyDictionary<int, PictureView> pictures, out string? error)
    {
        try
        {
            error = null;
            return renderer.Render(markdown, pictures);
        }
        catch (ArgumentException ex)
        {
            log.LogWarning(ex, "Markdown refused by the renderer");
            error = MarkdownLimits.TooDeepMessage;
            return null;
        }
    }

    private static string? Clean(string? value) =>
        value is null || TextCleaning.Text(value) is not { Length: > 0 } clean ? null : clean;

    private static string? NormalizeBody(string? body) => body is null ? null : TextCleaning.Markdown(body);
}
