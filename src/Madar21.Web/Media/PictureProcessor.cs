using System.Security.Cryptography;
using Madar21.Web.Models;
using Microsoft.Extensions.Options;
using NetVips;

namespace Madar21.Web.Media;

/// <summary>A derived file, ready to store: its public name is a hash of its bytes.</summary>
public sealed record DerivedFile(MediaVariantKind Kind, MediaFormat Format, int Width, int Height, string Name, byte[] Bytes);

/// <summary>An upload decoded in full and turned into every derivative, or the reason (in Arabic) it was refused.</summary>
public sealed record PictureProcessing(string? Refusal, string? OriginalName, int Width, int Height, IReadOnlyList<DerivedFile> Files)
{
    public bool Refused => Refusal is not null;

    public static PictureProcessing Refuse(string message) => new(message, null, 0, 0, []);
}

/// <summary>
/// Everything done to a picture, once per upload (or per <c>--reprocess-media</c>) and never per request, with
/// libvips (NetVips; the comparison with SkiaSharp is in the README and tests/bench/Madar21.Bench.Media): the type is
/// taken from what decodes, never from the name; the size is checked from the header before anything is decoded;
/// then the picture is turned upright (EXIF orientation), converted to sRGB, and saved at each width in AVIF and
/// WebP, plus JPEG crops (<see cref="Crops"/>), with no metadata at all (EXIF and its GPS, XMP, IPTC, ICC).
/// </summary>
public sealed class PictureProcessor(IOptions<MediaOptions> options)
{
    /// <summary>The loaders whose formats we accept; SVG, PDF, GIF, TIFF and the rest are refused even if libvips reads them.</summary>
    private static readonly Dictionary<string, string> AcceptedLoaders = new(StringComparer.Ordinal)
    {
        ["jpegload_buffer"] = "jpg", ["pngload_buffer"] = "png", ["webpload_buffer"] = "webp", ["heifload_buffer"] = "avif",
    };

    public const string Accepted = "JPEG أو PNG أو WebP أو AVIF";

    /// <summary>
    /// The crops, in JPEG (what every crawler reads), cut around what libvips finds most interesting: 1200×630 for
    /// link previews (og:image, enlarged if need be, as the sites that show them expect), and 16:9, 4:3 and 1:1 for
    /// search engines' article results (Google's guidelines: 1200 px wide where the picture allows; never enlarged).
    /// </summary>
    public static readonly IReadOnlyList<(MediaVariantKind Kind, int Width, int Height, string Suffix)> Crops =
    [
        (MediaVariantKind.Preview, 1200, 630, "og"),
        (MediaVariantKind.Wide, 1200, 675, "16x9"),
        (MediaVariantKind.Standard, 1200, 900, "4x3"),
        (MediaVariantKind.Square, 1200, 1200, "1x1"),
    ];

    // Passed to the loader as an option string: thumbnail's own failOn argument did not reach the JPEG loader (a
    // truncated file became a grey-bottomed picture). "warning", not "truncated": a JPEG whose compressed data is
    // damaged only raises warnings ("bad Huffman code") and would be published as noise. The price: a file with a
    // harmless warning (extraneous bytes before a marker, from a few cameras) is refused too, and says it is damaged.
    private const string FailOnDamage = "[fail_on=warning]";

    static PictureProcessor()
    {
        // Loaders libvips marks as unsafe for untrusted input (ImageMagick, MATLAB, …) are off altogether, and the
        // operation cache is off: each upload is seen once, and the cache would hold its pixels.
        NetVips.NetVips.BlockUntrusted = true;
        Cache.Max = 0;
    }

    private MediaOptions Options => options.Value;

    public PictureProcessing Process(byte[] bytes)
    {
        if (bytes.Length == 0) return PictureProcessing.Refuse("الملف فارغ.");
        string extension;
        int width, height;
        try
        {
            // Reads the header only: the loader and the declared size, before a single pixel is decoded.
            using var header = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential);
            if (!AcceptedLoaders.TryGetValue((string)header.Get("vips-loader"), out extension!)
                || extension == "avif" && header.Contains("heif-compression") && (string)header.Get("heif-compression") != "av1")
                return PictureProcessing.Refuse($"ليس صورة بصيغة {Accepted}.");
            var sideways = header.Contains("orientation") && (int)header.Get("orientation") is >= 5 and <= 8;
            (width, height) = sideways ? (header.Height, header.Width) : (header.Width, header.Height);
            var pages = header.Contains("n-pages") ? Math.Max(1, (int)header.Get("n-pages")) : 1;
            if ((long)width * height * pages > Options.MaxPixels)
                return PictureProcessing.Refuse(
                    $"الصورة كبيرة جداً: {header.Width}×{header.Height} بكسل، والحد {Options.MaxPixels / 1_000_000.0:0.#} مليون بكسل.");
        }
        catch (VipsException)
        {
            return PictureProcessing.Refuse($"ليس صورة بصيغة {Accepted}.");
        }

        try
        {
            var files = new List<DerivedFile>();
            var largestWidth = Math.Min(width, Options.Widths.Max());
            using (var largest = InSrgb(Image.ThumbnailBuffer(bytes, largestWidth, FailOnDamage, height: 100_000, size: Enums.Size.Down,
                       outputProfile: "srgb")))
            // The one decode (shrunk while loading, for a JPEG), kept in memory: every width and every crop is made
            // from it, never from the original again.
            using (var cached = largest.CopyMemory())
            {
                foreach (var w in Options.Widths.Where(w => w < width).Append(largestWidth).Distinct().Order())
                {
                    // In memory too: the two encoders read it, and a lazy resize would be computed once for each.
                    using var resized = w >= cached.Width ? cached.Copy() : InMemory(cached.ThumbnailImage(w, height: 100_000, size: Enums.Size.Down));
                    var suffix = resized.Width.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    // The lowest efforts: on our photos they wrote files no larger than efforts 2 (AVIF) and 4 (WebP),
                    // for a third (AVIF) and half (WebP) of the CPU time (README, «Processing time»).
                    files.Add(Derived(MediaVariantKind.Responsive, MediaFormat.Avif, resized, suffix,
                        resized.HeifsaveBuffer(q: 50, compression: Enums.ForeignHeifCompression.Av1, effort: 0, keep: Enums.ForeignKeep.None)));
                    files.Add(Derived(MediaVariantKind.Responsive, MediaFormat.Webp, resized, suffix,
                        resized.WebpsaveBuffer(q: 75, effort: 2, keep: Enums.ForeignKeep.None)));
                }
                foreach (var (kind, cropWidth, cropHeight, suffix) in Crops)
                {
                    var scale = kind == MediaVariantKind.Preview ? 1
                        : Math.Min(1, Math.Min((double)cached.Width / cropWidth, (double)cached.Height / cropHeight));
                    using var crop = cached.ThumbnailImage((int)Math.Round(cropWidth * scale), height: (int)Math.Round(cropHeight * scale),
                        crop: Enums.Interesting.Attention);
                    using var opaque = crop.HasAlpha() ? crop.Flatten(background: [255, 255, 255]) : crop.Copy();
                    files.Add(Derived(kind, MediaFormat.Jpeg, opaque, suffix,
                        opaque.JpegsaveBuffer(q: 82, optimizeCoding: true, keep: Enums.ForeignKeep.None)));
                }
            }
            return new PictureProcessing(null, $"{Convert.ToHexStringLower(SHA256.HashData(bytes))}.{extension}", width, height, files);
        }
        catch (VipsException)
        {
            // Truncated or corrupt data shows only when the pixels are decoded.
            return PictureProcessing.Refuse("الصورة تالفة أو ناقصة ولا يمكن قراءتها.");
        }
    }

    // 16-bit and other interpretations become 8-bit sRGB (or grey), the only thing the encoders and browsers expect.
    private static Image InSrgb(Image image)
    {
        if (image.Interpretation is Enums.Interpretation.Srgb or Enums.Interpretation.Bw) return image;
        using (image) return image.Colourspace(Enums.Interpretation.Srgb);
    }

    private static Image InMemory(Image lazy)
    {
        using (lazy) return lazy.CopyMemory();
    }

    private static DerivedFile Derived(MediaVariantKind kind, MediaFormat format, Image image, string suffix, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..20];
        var extension = format.ToString().ToLowerInvariant();
        return new DerivedFile(kind, format, image.Width, image.Height, $"{hash[..2]}/{hash}-{suffix}.{extension}", bytes);
    }
}
