using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Tags;

/// <summary>The tag tables, portable across providers, with an index for every lookup and list order.</summary>
public static class TagModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<Tag>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(Tag.NameMaxLength);
            e.Property(t => t.Key).HasMaxLength(Tag.KeyMaxLength);
            e.Property(t => t.Slug).HasMaxLength(Tag.SlugMaxLength);
            e.HasIndex(t => t.Key).IsUnique();
            e.HasIndex(t => t.Slug).IsUnique();
            e.HasIndex(t => t.Name); // the admin list, in alphabetical order
        });

        model.Entity<ArticleTag>(e =>
        {
            e.HasKey(t => new { t.ArticleId, t.TagId });
            // A tag's page and feed: its public articles newest first, read in index order and stopped after a page.
            e.HasIndex(t => new { t.TagId, t.ListedAt, t.ArticleId });
            e.HasOne(t => t.Article).WithMany().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(t => t.Tag).WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<TagAlias>(e =>
        {
            e.HasKey(a => a.Slug);
            e.Property(a => a.Slug).HasMaxLength(Tag.SlugMaxLength);
            e.HasIndex(a => a.TagId);
            e.HasOne(a => a.Tag).WithMany().HasForeignKey(a => a.TagId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
