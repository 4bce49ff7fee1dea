namespace Madar21.Web.Media;

/// <summary>Bound from the "Media" configuration section.</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>
    /// The folder that holds the originals (never served) and the public derivatives (<c>public/</c>, served at
    /// <c>/media/</c>). Several nodes share it as a mounted volume. Default: <c>data/media</c> beside the database.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>The largest file accepted by the upload form, in MiB (the request may carry several).</summary>
    public int MaxUploadMiB { get; set; } = 25;

    /// <summary>Pictures declaring more pixels than this are refused from their header, before being decoded.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>The widths of the responsive derivatives; a picture is never enlarged to reach one.</summary>
    public int[] Widths { get; set; } = [320, 640, 960, 1280, 1920];
}
