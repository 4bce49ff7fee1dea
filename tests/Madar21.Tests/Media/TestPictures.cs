using NetVips;

namespace Madar21.Tests.Media;

/// <summary>Pictures made by the tests themselves with libvips: nothing is downloaded or committed.</summary>
public static class TestPictures
{
    /// <summary>
    /// A JPEG as a phone writes it: stored sideways (wider than tall) with EXIF orientation 6 (turn 90° clockwise to
    /// show), and the place it was taken in the EXIF GPS fields. Another shade makes other bytes (and other files).
    /// </summary>
    public static byte[] PhonePhoto(int width = 600, int height = 400, int shade = 90)
    {
        using var xy = Image.Xyz(width, height);
        using var red = xy[0] / (double)width * 255;
        using var green = xy[1] / (double)height * 255;
        using var rgb = red.Bandjoin(green, red * 0 + shade).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        using var tagged = rgb.Mutate(m =>
        {
            m.Set(GValue.GIntType, "orientation", 6);
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "33/1 35/1 0/1");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitudeRef", "W");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", "7/1 36/1 0/1");
            m.Set(GValue.GStrType, "exif-ifd0-Artist", "Photographer Name");
        });
        return tagged.JpegsaveBuffer(q: 85);
    }

    public static byte[] Png(int width, int height)
    {
        using var image = Image.Black(width, height, bands: 3) + 128;
        using var srgb = image.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.PngsaveBuffer();
    }

    /// <summary>A tiny PNG whose header declares far more pixels than it carries: a decompression bomb.</summary>
    public static byte[] BombPng(int width = 50_000, int height = 50_000)
    {
        var png = Png(8, 8);
        // IHDR's data starts at byte 16: width and height, big-endian; its CRC (over type and data) follows at 29.
        var bomb = (byte[])png.Clone();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bomb.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bomb.AsSpan(20), height);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bomb.AsSpan(29), Crc32(bomb.AsSpan(12, 17)));
        return bomb;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>The EXIF, XMP, IPTC and ICC fields libvips finds in a file.</summary>
    public static IReadOnlyList<string> MetadataFields(byte[] bytes)
    {
        using var image = Image.NewFromBuffer(bytes);
        return image.GetFields().Where(f => f.StartsWith("exif", StringComparison.Ordinal) || f.Contains("xmp", StringComparison.Ordinal)
            || f.Contains("iptc", StringComparison.Ordinal) || f.Contains("icc", StringComparison.Ordinal) || f == "orientation").ToList();
    }

    public static (int Width, int Height, string Loader) Inspect(byte[] bytes)
    {
        using var image = Image.NewFromBuffer(bytes);
        return (image.Width, image.Height, (string)image.Get("vips-loader"));
    }
}
