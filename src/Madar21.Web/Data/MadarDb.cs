using Madar21.Web.Admin;
using Madar21.Web.Articles;
using Madar21.Web.Models;
using Madar21.Web.Search;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Madar21.Web.Data;

/// <summary>
/// The site's one database: content, comments, editor accounts (Identity) and the Data Protection key ring,
/// so that a restart, or a second node on the same database, can still decrypt stored email addresses.
/// Every save that touches articles also updates the search index, in the same transaction (see <see cref="SaveChanges(bool)"/>).
/// </summary>
public class MadarDb : IdentityDbContext<IdentityUser>, IDataProtectionKeyContext
{
    private IArticleSearch? _search;

    /// <summary>
    /// Contexts are pooled (see the engines' <c>AddMadarDb</c>), so each is built from its options alone; the search
    /// index is the app's own (a singleton), found through the services the options were built with.
    /// </summary>
    public MadarDb(DbContextOptions<MadarDb> options) : base(options) => _search = AppSearch(options);

    /// <summary>For an engine's own subclass (<see cref="PostgresMadarDb"/>), which keeps its own migrations.</summary>
    protected MadarDb(DbContextOptions options) : base(options) => _search = AppSearch(options);

    private static IArticleSearch? AppSearch(DbContextOptions options) =>
        options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<IArticleSearch>();

    /// <summary>The app's search index; a context built by hand (tools, tests below HTTP) gets its engine's own.</summary>
    private IArticleSearch Search => _search ??= OwnSearch();

    /// <summary>The engine's search index, for a context with no app around it.</summary>
    protected virtual IArticleSearch OwnSearch() => new SqliteArticleSearch(NullLogger<SqliteArticleSearch>.Instance);

    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<SectionAlias> SectionAliases => Set<SectionAlias>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SiteSecret> SiteSecrets => Set<SiteSecret>();
    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();
    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ReaderSettings> ReaderSettings => Set<ReaderSettings>();
    public DbSet<ArticleViews> ArticleViews => Set<ArticleViews>();
    public DbSet<RelatedArticle> RelatedArticles => Set<RelatedArticle>();
    public DbSet<RelatedPending> RelatedPending => Set<RelatedPending>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<MediaItem> Media => Set<MediaItem>();
    public DbSet<MediaVariant> MediaVariants => Set<MediaVariant>();
    public DbSet<BodyPicture> BodyPictures => Set<BodyPicture>();
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<ArticleTag> ArticleTags => Set<ArticleTag>();
    public DbSet<TagAlias> TagAliases => Set<TagAlias>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<KeptArticleForm> KeptArticleForms => Set<KeptArticleForm>();
    public DbSet<FrontPin> FrontPins => Set<FrontPin>();
    public DbSet<SitePage> SitePages => Set<SitePage>();
    public DbSet<StaffProfile> StaffProfiles => Set<StaffProfile>();
    public DbSet<ArticleAuthor> ArticleAuthors => Set<ArticleAuthor>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Every time is stored in UTC; SQLite gives it back without a kind, so say so once here.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);

        model.Entity<SiteSecret>(e =>
        {
            e.HasKey(s => s.Name);
            e.Property(s => s.Name).HasMaxLength(100);
        });

        model.Entity<SiteSetting>(e =>
        {
            e.HasKey(s => s.Name);
            e.Property(s => s.Name).HasMaxLength(100);
            e.Property(s => s.Value).HasMaxLength(200);
        });

        model.Entity<StaffSession>(e =>
        {
            e.Property(s => s.Id).HasMaxLength(StaffSession.IdLength);
            e.Property(s => s.UserId).HasMaxLength(StaffIdentity.IdMaxLength);
            e.HasIndex(s => s.ExpiresAt);
        });

        model.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.UserId).HasMaxLength(StaffIdentity.IdMaxLength);
            e.Property(a => a.Action).HasConversion<string>().HasMaxLength(40);
            e.Property(a => a.Subject).HasMaxLength(AuditEntry.SubjectMaxLength);
            e.Property(a => a.Address).HasMaxLength(45);
            // The audit page reads newest first, a page at a time.
            e.HasIndex(a => new { a.At, a.Id });
        });

        model.Entity<ReaderSettings>(e =>
        {
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.BreakingText).HasMaxLength(Models.ReaderSettings.BreakingTextMaxLength);
            e.Property(s => s.BreakingUrl).HasMaxLength(300);
        });

        model.Entity<ArticleViews>(e =>
        {
            e.HasKey(v => new { v.ArticleId, v.Hour });
            e.HasIndex(v => v.Hour); // the window of «الأكثر قراءة», and the pruning of older hours
            e.HasOne(v => v.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<Section>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(Section.NameMaxLength);
            e.HasIndex(s => s.Name).IsUnique();
            e.HasIndex(s => s.Position);
        });

        model.Entity<SectionAlias>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(Section.NameMaxLength);
            e.HasIndex(a => a.Name).IsUnique();
        });

        model.Entity<Article>(e =>
        {
            e.Property(a => a.Title).HasMaxLength(Article.TitleMaxLength);
            e.Property(a => a.Slug).HasMaxLength(100);
            e.Property(a => a.Summary).HasMaxLength(Article.SummaryMaxLength);
            e.Property(a => a.SeedKey).HasMaxLength(200);
            e.HasIndex(a => a.SeedKey).IsUnique();
            // The public lists: newest first overall, and newest first within a section. The order's columns come
            // first so that SQLite walks the index in order and stops after one page; Status, last, is checked from
            // the index itself (with Status first, "Status <> Draft" made it sort the whole table for every page).
            e.HasIndex(a => new { a.PublishedAt, a.Id, a.Status });
            e.HasIndex(a => new { a.SectionId, a.PublishedAt, a.Id, a.Status });
            e.HasOne(a => a.Section).WithMany(s => s.Articles).OnDelete(DeleteBehavior.Restrict);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Property(a => a.LeadCaption).HasMaxLength(MediaItem.CaptionMaxLength);
            // Deleting a picture leaves its articles valid, without a lead picture; the index answers "where is it used?".
            e.HasOne(a => a.LeadMedia).WithMany().HasForeignKey(a => a.LeadMediaId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(a => a.LeadMediaId);
            // The review queue, oldest first; a writer's own articles, newest first.
            e.HasIndex(a => new { a.Status, a.SubmittedAt, a.Id });
            e.Property(a => a.CreatedById).HasMaxLength(StaffIdentity.IdMaxLength);
            e.HasIndex(a => new { a.CreatedById, a.CreatedAt, a.Id });
            e.Property(a => a.ReviewNote).HasMaxLength(Article.ReviewNoteMaxLength);
            // The admin list (Pages/Admin/Articles): newest first by id, within a status or a section; the folded
            // titles in an index of their own, read without the rows when the list searches titles.
            e.HasIndex(a => new { a.Status, a.Id });
            e.HasIndex(a => new { a.SectionId, a.Id });
            e.HasIndex(a => new { a.TitleFolded, a.Id });
        });

        model.Entity<Lease>(e =>
        {
            e.HasKey(l => l.Name);
            e.Property(l => l.Name).HasMaxLength(Lease.NameMaxLength);
            e.Property(l => l.Holder).HasMaxLength(64);
        });

        Madar21.Web.Media.MediaModel.Configure(model);
        Madar21.Web.Tags.TagModel.Configure(model);
        Madar21.Web.Revisions.RevisionsModel.Configure(model);
        Madar21.Web.FrontPage.FrontPageModel.Configure(model);
        Madar21.Web.Authors.AuthorsModel.Configure(model);

        model.Entity<RelatedArticle>(e =>
        {
            e.HasKey(r => new { r.ArticleId, r.Position });
            // "Which lists name this article?", when it is edited, unpublished or deleted.
            e.HasIndex(r => r.RelatedId);
            e.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(r => r.Related).WithMany().HasForeignKey(r => r.RelatedId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<RelatedPending>(e =>
        {
            e.HasKey(p => p.ArticleId);
            e.Property(p => p.ArticleId).ValueGeneratedNever();
            e.HasOne<Article>().WithMany().HasForeignKey(p => p.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<Comment>(e =>
        {
            e.Property(c => c.Author).HasMaxLength(Comment.AuthorMaxLength);
            e.Property(c => c.Url).HasMaxLength(Comment.UrlMaxLength);
            e.Property(c => c.Text).HasMaxLength(Comment.TextMaxLength);
            e.Property(c => c.EmailHash).HasMaxLength(64);
            e.Property(c => c.IpAddress).HasMaxLength(45);
            e.Property(c => c.UserAgent).HasMaxLength(Comment.UserAgentMaxLength);
            // "Approved comments of an article, oldest first" and "the pending queue, newest first".
            e.HasIndex(c => new { c.ArticleId, c.Status, c.CreatedAt });
            e.HasIndex(c => new { c.Status, c.CreatedAt });
            e.HasIndex(c => c.EmailHash);
            e.HasOne(c => c.Article).WithMany(a => a.Comments).OnDelete(DeleteBehavior.Cascade);
            // Deleting a comment for good keeps its replies, at the top level; trashing it keeps them in place.
            e.HasOne(c => c.Parent).WithMany(c => c.Replies).OnDelete(DeleteBehavior.SetNull);
        });

        model.Entity<OutgoingEmail>(e =>
        {
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(m => m.Subject).HasMaxLength(OutgoingEmail.SubjectMaxLength);
            e.Property(m => m.UnsubscribeUrl).HasMaxLength(1000);
            // The sender's one question: what is due now?
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
        });
    }

    /// <summary>
    /// Saves, and brings the search index in line with the articles added, changed or deleted, inside one
    /// transaction (the caller's, or one begun here), so that the index never disagrees with the articles. Every
    /// writer of articles (seed import, editor) goes through here; <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> on
    /// the searchable fields would bypass it.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        UpdateReadingTimes();
        UpdateFoldedTitles();
        Authors.ArticleAuthors.KeepInStep(ChangeTracker);
        RaiseVersions();
        Madar21.Web.Tags.TagListing.KeepInStepAsync(this, default).GetAwaiter().GetResult();
        var changed = ChangedArticles();
        if (changed.Count == 0) return base.SaveChanges(acceptAllChangesOnSuccess);
        var moved = Authors.ArticleAuthors.Moved(ChangeTracker);
        using var owned = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var naming = RelatedLists.ListsNamingAsync(this, RelatedKeys(changed, includeAdded: false), default).GetAwaiter().GetResult();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        Authors.ArticleAuthors.Follow(this, moved);
        Search.Apply(this, IndexChanges(changed));
        // The synchronous path leaves the related lists to the background worker.
        RelatedLists.Enqueue(this, Surviving(changed, naming));
        owned?.Commit();
        return saved;
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        UpdateReadingTimes();
        UpdateFoldedTitles();
        Authors.ArticleAuthors.KeepInStep(ChangeTracker);
        RaiseVersions();
        await Madar21.Web.Tags.TagListing.KeepInStepAsync(this, cancellationToken);
        var changed = ChangedArticles();
        if (changed.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var moved = Authors.ArticleAuthors.Moved(ChangeTracker);
        await using var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        // Read before saving: a deleted article's entries leave the lists with it (cascade).
        var naming = await RelatedLists.ListsNamingAsync(this, RelatedKeys(changed, includeAdded: false), cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await Authors.ArticleAuthors.FollowAsync(this, moved, cancellationToken);
        await Search.ApplyAsync(this, IndexChanges(changed), cancellationToken);
        await RefreshRelatedAsync(changed, naming, cancellationToken);
        if (owned is not null) await owned.CommitAsync(cancellationToken);
        return saved;
    }

    // The editor and the seed import set it with the body (Article.SetBody); this keeps any other writer that sets
    // BodyText directly in step as well.
    private void UpdateReadingTimes()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<Article>())
        {
            if (entry.State == EntityState.Added || entry.State == EntityState.Modified && entry.Property(a => a.BodyText).IsModified)
                entry.Entity.ReadingMinutes = Madar21.Web.Articles.ReadingTime.Minutes(entry.Entity.BodyText);
        }
    }

    // The admin's title search reads the folded title: whoever sets a title, it follows (after UpdateReadingTimes,
    // which detected the changes).
    private void UpdateFoldedTitles()
    {
        foreach (var entry in ChangeTracker.Entries<Article>())
        {
            if (entry.State == EntityState.Added || entry.State == EntityState.Modified && entry.Property(a => a.Title).IsModified)
                entry.Entity.TitleFolded = Madar21.Web.Articles.ArticleTitles.Fold(entry.Entity.Title);
        }
    }

    // The UPDATE names the version the change was made from (the original value: as loaded, or as the editor's form
    // said), and fails with DbUpdateConcurrencyException when another save came first; portable to every engine.
    private void RaiseVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Article>())
        {
            if (entry.State != EntityState.Modified) continue;
            var version = entry.Property(a => a.Version);
            version.CurrentValue = version.OriginalValue + 1;
        }
    }

    private static readonly string[] SearchedProperties =
        [nameof(Article.Title), nameof(Article.Summary), nameof(Article.BodyText), nameof(Article.Status)];

    /// <summary>What a related list is made from: the title, and which articles may be listed, where, in what order.</summary>
    private static readonly string[] RelatedProperties =
        [nameof(Article.Title), nameof(Article.Status), nameof(Article.SectionId), nameof(Article.PublishedAt)];

    /// <summary>
    /// Articles whose index entry or related list must change, captured before saving (afterwards a deleted one is
    /// gone and states are reset).
    /// </summary>
    private List<ChangedArticle> ChangedArticles()
    {
        ChangeTracker.DetectChanges();
        // Shared tags weigh in the related lists: an article whose tags changed needs its list again.
        var retagged = ChangeTracker.Entries<ArticleTag>().Where(e => e.State is EntityState.Added or EntityState.Deleted)
            .Select(e => e.Entity.ArticleId).ToHashSet();
        return ChangeTracker.Entries<Article>()
            .Select(e => new ChangedArticle(e.Entity, e.State,
                e.State is EntityState.Added or EntityState.Deleted || e.State == EntityState.Modified && SearchedProperties.Any(p => e.Property(p).IsModified),
                e.State is EntityState.Added or EntityState.Deleted || e.State == EntityState.Modified && RelatedProperties.Any(p => e.Property(p).IsModified)
                    || retagged.Contains(e.Entity.Id)))
            .Where(c => c.Searched || c.Related)
            .ToList();
    }

    private sealed record ChangedArticle(Article Article, EntityState State, bool Searched, bool Related)
    {
        public bool Deleted => State == EntityState.Deleted;
    }

    private static List<int> RelatedKeys(List<ChangedArticle> changed, bool includeAdded) =>
        changed.Where(c => c.Related && (includeAdded || c.State != EntityState.Added)).Select(c => c.Article.Id).ToList();

    /// <summary>After saving: the changed articles that still exist, and the lists that named any changed one.</summary>
    private static List<int> Surviving(List<ChangedArticle> changed, List<int> naming)
    {
        var deleted = changed.Where(c => c.Deleted).Select(c => c.Article.Id).ToHashSet();
        return RelatedKeys(changed, includeAdded: true).Concat(naming).Where(id => !deleted.Contains(id)).Distinct().ToList();
    }

    /// <summary>
    /// A few articles (an editor's save) get their related lists at once, in this transaction; a bulk save (an
    /// import) queues them for <see cref="RelatedListsWorker"/>, which computes them in one pass.
    /// </summary>
    private async Task RefreshRelatedAsync(List<ChangedArticle> changed, List<int> naming, CancellationToken ct)
    {
        var all = Surviving(changed, naming);
        if (all.Count == 0) return;
        if (all.Count > RelatedLists.RefreshAtSave)
        {
            RelatedLists.Enqueue(this, all);
            return;
        }
        var deleted = changed.Where(c => c.Deleted).Select(c => c.Article.Id).ToHashSet();
        var own = RelatedKeys(changed, includeAdded: true).Where(id => !deleted.Contains(id)).ToList();
        await RelatedLists.RefreshAsync(this, Search, own, naming.Except(deleted).ToList(), later: null, new RelatedLists.Candidates(), ct);
    }

    // Built after saving, when added articles have their ids.
    private static List<ArticleIndexChange> IndexChanges(List<ChangedArticle> changed) =>
        changed.Where(c => c.Searched).Select(c => ArticleIndexChange.For(c.Article, c.Deleted)).ToList();
}
