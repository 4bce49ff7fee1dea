using Madar21.Web.Models;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Data;

/// <summary>
/// The site's one database: content, comments, editor accounts (Identity) and the Data Protection key ring,
/// so that a restart, or a second node on the same database, can still decrypt stored email addresses.
/// </summary>
public class MadarDb(DbContextOptions<MadarDb> options) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<SectionAlias> SectionAliases => Set<SectionAlias>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SiteSecret> SiteSecrets => Set<SiteSecret>();

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
        });

        model.Entity<Comment>(e =>
        {
            e.Property(c => c.Author).HasMaxLength(Comment.AuthorMaxLength);
            e.Property(c => c.Url).HasMaxLength(Comment.UrlMaxLength);
            e.Property(c => c.Text).HasMaxLength(Comment.TextMaxLength);
            e.Property(c => c.EmailHash).HasMaxLength(64);
            e.Property(c => c.IpAddress).HasMaxLength(45);
            e.Property(c => c.UserAgent).HasMaxLength(400);
            // "Approved comments of an article, oldest first" and "the pending queue, newest first".
            e.HasIndex(c => new { c.ArticleId, c.Status, c.CreatedAt });
            e.HasIndex(c => new { c.Status, c.CreatedAt });
            e.HasIndex(c => c.EmailHash);
            e.HasOne(c => c.Article).WithMany(a => a.Comments).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
