using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.FrontPage;

/// <summary>The tables of the edited front page and of the site's own pages.</summary>
public static class FrontPageModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<FrontPin>(e =>
        {
            e.HasKey(p => p.Position);
            e.Property(p => p.Position).ValueGeneratedNever();
            // An article deleted for good leaves its place empty; the newest article takes it.
            e.HasOne(p => p.Article).WithMany().HasForeignKey(p => p.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(p => p.ArticleId);
        });

        model.Entity<SitePage>(e =>
        {
            e.Property(p => p.Slug).HasMaxLength(SitePage.SlugMaxLength);
            e.HasIndex(p => p.Slug).IsUnique();
            e.Property(p => p.Title).HasMaxLength(SitePage.TitleMaxLength);
            e.Property(p => p.Description).HasMaxLength(SitePage.DescriptionMaxLength);
        });
    }
}
