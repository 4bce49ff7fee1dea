using Madar21.Web.Admin;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Media;

/// <summary>The media tables, portable across providers: plain strings and integers, enums stored as text.</summary>
public static class MediaModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<MediaItem>(e =>
        {
            e.ToTable("Media");
            e.Property(m => m.Alt).HasMaxLength(MediaItem.AltMaxLength);
            e.Property(m => m.Caption).HasMaxLength(MediaItem.CaptionMaxLength);
            e.Property(m => m.Credit).HasMaxLength(MediaItem.CreditMaxLength);
            e.Property(m => m.SearchText).HasMaxLength(MediaItem.AltMaxLength + MediaItem.CaptionMaxLength + MediaItem.CreditMaxLength + 2);
            e.Property(m => m.OriginalName).HasMaxLength(100);
            e.Property(m => m.UploadedBy).HasMaxLength(StaffIdentity.IdMaxLength);
            // The library lists newest first, a page at a time.
            e.HasIndex(m => new { m.UploadedAt, m.Id });
            e.HasIndex(m => m.OriginalName); // is an original still used, when a picture that shares it goes?
            e.HasMany(m => m.Variants).WithOne().HasForeignKey(v => v.MediaItemId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<MediaVariant>(e =>
        {
            e.Property(v => v.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(v => v.Format).HasConversion<string>().HasMaxLength(8);
            e.Property(v => v.Name).HasMaxLength(120);
            e.HasIndex(v => v.MediaItemId);
            e.HasIndex(v => v.Name); // is a file still used, when a picture that shares it goes?
        });

        model.Entity<BodyPicture>(e =>
        {
            e.HasKey(b => new { b.ArticleId, b.MediaItemId });
            e.HasIndex(b => b.MediaItemId); // which bodies show this picture?
            e.HasOne(b => b.Article).WithMany().HasForeignKey(b => b.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<MediaItem>().WithMany().HasForeignKey(b => b.MediaItemId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
