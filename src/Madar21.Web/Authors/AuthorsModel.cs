using Madar21.Web.Admin;
using Madar21.Web.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Authors;

/// <summary>The profile and byline tables, portable across providers.</summary>
public static class AuthorsModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<StaffProfile>(e =>
        {
            e.Property(p => p.UserId).HasMaxLength(StaffIdentity.IdMaxLength);
            e.HasIndex(p => p.UserId).IsUnique();
            e.HasOne<IdentityUser>().WithOne().HasForeignKey<StaffProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
            e.Property(p => p.DisplayName).HasMaxLength(StaffProfile.DisplayNameMaxLength);
            e.Property(p => p.Bio).HasMaxLength(StaffProfile.BioMaxLength);
            e.Property(p => p.Slug).HasMaxLength(Articles.Slug.MaxLength + 10);
            e.HasIndex(p => p.Slug).IsUnique();
            e.HasOne(p => p.Picture).WithMany().HasForeignKey(p => p.PictureMediaId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(p => p.PictureMediaId);
        });

        model.Entity<ArticleAuthor>(e =>
        {
            e.HasKey(a => new { a.ArticleId, a.Position });
            e.HasOne(a => a.Article).WithMany(a => a.Authors).HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
            // A removed account's articles stay, credited to the others of their byline, or to the desk.
            e.HasOne(a => a.Profile).WithMany().HasForeignKey(a => a.ProfileId).OnDelete(DeleteBehavior.Cascade);
            // An author's page: their public articles, newest first, one page at a time (see ArticleAuthor.PublishedAt).
            e.HasIndex(a => new { a.ProfileId, a.PublishedAt, a.ArticleId });
        });
    }
}
