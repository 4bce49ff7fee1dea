using Madar21.Web.Admin;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Revisions;

/// <summary>The revision tables, portable across providers: plain strings and integers.</summary>
public static class RevisionsModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<ArticleRevision>(e =>
        {
            e.Property(r => r.Title).HasMaxLength(Article.TitleMaxLength);
            e.Property(r => r.Summary).HasMaxLength(Article.SummaryMaxLength);
            e.Property(r => r.Tags).HasMaxLength(ArticleRevision.TagsMaxLength);
            e.Property(r => r.StaffUserId).HasMaxLength(StaffIdentity.IdMaxLength);
            // "The revisions of article X, newest first", a seek and a backward walk; the pruning reads it in the same order.
            e.HasIndex(r => new { r.ArticleId, r.Id });
            // "Which articles have revisions older than the window?", for the pruning.
            e.HasIndex(r => r.CreatedAt);
            e.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<KeptArticleForm>(e =>
        {
            e.Property(f => f.Id).HasMaxLength(KeptArticleForm.IdLength);
            e.Property(f => f.BrowserKeyHash).HasMaxLength(64);
            e.HasIndex(f => f.ExpiresAt);
        });
    }
}
