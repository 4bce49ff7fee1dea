namespace Madar21.Web.Models;

/// <summary>
/// A picture in the media library: the original kept outside the web root, and the derivatives made from it once,
/// on upload (<see cref="MediaVariant"/>). Articles point at it (<see cref="Article.LeadMediaId"/>).
/// </summary>
public class MediaItem
{
    public const int AltMaxLength = 300;
    public const int CaptionMaxLength = 500;
    public const int CreditMaxLength = 200;

    public int Id { get; set; }

    /// <summary>What the picture shows, for readers who cannot see it; required.</summary>
    public required string Alt { get; set; }

    public string? Caption { get; set; }

    /// <summary>Who took it or where it comes from («تصوير: …», «المصدر: …»).</summary>
    public string? Credit { get; set; }

    /// <summary>Alt, caption and credit through the Arabic normaliser, for the library's search.</summary>
    public required string SearchText { get; set; }

    /// <summary>The store's name for the original upload (SHA-256 of its bytes), never served.</summary>
    public required string OriginalName { get; set; }

    /// <summary>Upright (after the EXIF orientation) size of the original.</summary>
    public int Width { get; set; }
    public int Height { get; set; }

    public DateTime UploadedAt { get; set; }

    /// <summary>Staff user id, never an email address.</summary>
    public required string UploadedBy { get; set; }

    public List<MediaVariant> Variants { get; set; } = [];
}

public enum MediaFormat { Avif = 0, Webp = 1, Jpeg = 2 }

public enum MediaVariantKind
{
    /// <summary>One of the responsive widths of the whole picture.</summary>
    Responsive = 0,
    /// <summary>The 1200×630 crop for link previews (og:image).</summary>
    Preview = 1,
    /// <summary>The 16:9 crop for search engines' article results (JSON-LD image), 1200 px wide where the picture allows.</summary>
    Wide = 2,
    /// <summary>The 4:3 crop, likewise.</summary>
    Standard = 3,
    /// <summary>The 1:1 crop, likewise.</summary>
    Square = 4,
}

/// <summary>One derived file: its public name carries a hash of its bytes, so it never changes.</summary>
public class MediaVariant
{
    public int Id { get; set; }
    public int MediaItemId { get; set; }
    public MediaVariantKind Kind { get; set; }
    public MediaFormat Format { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>Bytes, for the feed's enclosure.</summary>
    public long Length { get; set; }

    /// <summary>The path under /media/, e.g. <c>3f/3f9a…-640.avif</c>.</summary>
    public required string Name { get; set; }
}
