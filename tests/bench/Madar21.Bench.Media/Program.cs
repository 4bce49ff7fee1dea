using System.Diagnostics;
using System.Globalization;
using NetVips;
using SkiaSharp;

// NetVips (libvips) against SkiaSharp on the work an upload costs: every derivative of one 24-megapixel JPEG
// (widths 320, 640, 960, 1280, 1920 in two formats, and one 1200×630 crop), auto-rotated, in sRGB, with no
// metadata. Each library runs in a process of its own, so that its peak memory is its own; the photo is generated
// (smooth gradients, sine patterns and sensor-like noise, EXIF orientation 6) into tests/bench/out/ on the first run.
//
//   dotnet run -c Release --project tests/bench/Madar21.Bench.Media [runs=3] [libraries, comma-separated]
// "app" is the site's own PictureProcessor (every width in AVIF and WebP, the four JPEG crops), the figure the
// target is about; "netvips-webp-avif" is the processing as it was first written (a second decode for the preview,
// efforts 2 and 4), to compare in the same run on a loaded machine.
// Prints, per library and run, wall and CPU time (user + system, all threads) and the peak resident memory above the
// process's memory just before the run (VmHWM reset through /proc/self/clear_refs).
var inv = CultureInfo.InvariantCulture;
int[] widths = [320, 640, 960, 1280, 1920];

if (args is ["child", var library, var photoPath, var runsText])
{
    RunChild(library, photoPath, int.Parse(runsText, inv));
    return;
}

var runs = args.Length > 0 ? int.Parse(args[0], inv) : 3;
var libraries = args.Length > 1 ? args[1].Split(',') : ["app", "netvips-webp-avif", "netvips-webp-jpeg", "skia-webp-jpeg"];
var outDir = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "out");
Directory.CreateDirectory(outDir);
var photo = Path.GetFullPath(Path.Combine(outDir, "photo-24mp.jpg"));
if (!File.Exists(photo))
    GeneratePhoto(photo);
Console.WriteLine($"photo: 6000×4000 JPEG, {new FileInfo(photo).Length / 1024} KiB, EXIF orientation 6; {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine("| library | formats | run | wall ms | CPU ms | peak RSS above start MB | bytes written |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
foreach (var lib in libraries)
{
    var self = Environment.ProcessPath!;
    var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        start.ArgumentList.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
    foreach (var a in new[] { "child", lib, photo, runs.ToString(inv) })
        start.ArgumentList.Add(a);
    using var child = Process.Start(start)!;
    Console.Write(child.StandardOutput.ReadToEnd());
    child.WaitForExit();
}
Probe();
Console.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");

void RunChild(string library, string photoPath, int times)
{
    var original = File.ReadAllBytes(photoPath);
    Func<byte[], long> make = library switch
    {
        "netvips-webp-avif" => bytes => NetVipsDerivatives(bytes, avif: true),
        "netvips-webp-jpeg" => bytes => NetVipsDerivatives(bytes, avif: false),
        "skia-webp-jpeg" => SkiaDerivatives,
        "app" => AppDerivatives,
        _ => throw new ArgumentException(library),
    };
    // Warm-up on a small photo: native libraries loaded and code jitted before anything is timed.
    make(SmallJpeg());
    for (var run = 1; run <= times; run++)
    {
        GC.Collect();
        File.WriteAllText("/proc/self/clear_refs", "5"); // resets VmHWM to the current RSS
        var rssBefore = StatusKb("VmRSS");
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var written = make(original);
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var peak = StatusKb("VmHWM");
        var formats = library == "app" ? "WebP + AVIF + 4 crops" : library[(library.IndexOf('-') + 1)..];
        Console.WriteLine($"| {(library == "app" ? "PictureProcessor" : library[..library.IndexOf('-')])} | {formats} | {run} | {clock.ElapsedMilliseconds} | {cpu.TotalMilliseconds:F0} | {(peak - rssBefore) / 1024.0:F0} | {written} |");
    }
}

static long StatusKb(string key) =>
    long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(key + ":", StringComparison.Ordinal))
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

// libvips: one shrink-on-load decode to 1920 px (auto-rotated, sRGB), kept in memory; each smaller width is
// resized from it, never from the full photo again. Metadata is dropped by keep: None on every save.
long NetVipsDerivatives(byte[] original, bool avif)
{
    long written = 0;
    using var largest = Image.ThumbnailBuffer(original, 1920, height: 100_000, size: Enums.Size.Down, outputProfile: "srgb");
    using var cached = largest.CopyMemory();
    foreach (var width in widths)
    {
        using var resized = width >= cached.Width ? cached.Copy() : cached.ThumbnailImage(width, height: 10_000, size: Enums.Size.Down);
        written += resized.WebpsaveBuffer(q: 75, effort: 4, keep: Enums.ForeignKeep.None).Length;
        written += avif
            ? resized.HeifsaveBuffer(q: 50, compression: Enums.ForeignHeifCompression.Av1, effort: 2, keep: Enums.ForeignKeep.None).Length
            : resized.JpegsaveBuffer(q: 80, optimizeCoding: true, keep: Enums.ForeignKeep.None).Length;
    }
    using var preview = Image.ThumbnailBuffer(original, 1200, height: 630, crop: Enums.Interesting.Attention, outputProfile: "srgb");
    written += preview.JpegsaveBuffer(q: 80, optimizeCoding: true, keep: Enums.ForeignKeep.None).Length;
    return written;
}

static long AppDerivatives(byte[] original)
{
    var processing = new Madar21.Web.Media.PictureProcessor(Microsoft.Extensions.Options.Options.Create(new Madar21.Web.Media.MediaOptions())).Process(original);
    if (processing.Refused) throw new InvalidOperationException(processing.Refusal);
    return processing.Files.Sum(f => (long)f.Bytes.Length);
}

// SkiaSharp: the JPEG decoder scales by 1/2, 1/4 or 1/8 while decoding; the orientation is applied by drawing;
// the encoders write no metadata. Skia encodes JPEG, PNG and WebP only, so the second format is JPEG.
long SkiaDerivatives(byte[] original)
{
    long written = 0;
    using var data = SKData.CreateCopy(original);
    using var codec = SKCodec.Create(data);
    var origin = codec.EncodedOrigin;
    var rotated = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
    var (w, h) = (codec.Info.Width, codec.Info.Height);
    var uprightWidth = rotated ? h : w;
    var scale = Math.Max(1920f / uprightWidth, Math.Max(1200f / uprightWidth, 630f / (rotated ? w : h)));
    var decodeSize = codec.GetScaledDimensions(Math.Min(1f, scale));
    var info = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
    using var decoded = new SKBitmap(info);
    codec.GetPixels(info, decoded.GetPixels());
    using var upright = Orient(decoded, origin, rotated);
    var sampling = new SKSamplingOptions(SKCubicResampler.Mitchell);
    foreach (var width in widths)
    {
        var targetW = Math.Min(width, upright.Width);
        var targetH = (int)Math.Round(upright.Height * (double)targetW / upright.Width);
        using var surface = SKSurface.Create(new SKImageInfo(targetW, targetH, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        using var image = SKImage.FromBitmap(upright);
        surface.Canvas.DrawImage(image, new SKRect(0, 0, targetW, targetH), sampling);
        using var snapshot = surface.Snapshot();
        using var webp = snapshot.Encode(SKEncodedImageFormat.Webp, 75);
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, 80);
        written += webp.Size + jpeg.Size;
    }
    // 1200×630 from the centre (Skia has no attention-based crop).
    {
        var s = Math.Max(1200f / upright.Width, 630f / upright.Height);
        var srcW = 1200 / s; var srcH = 630 / s;
        var src = SKRect.Create((upright.Width - srcW) / 2, (upright.Height - srcH) / 2, srcW, srcH);
        using var surface = SKSurface.Create(new SKImageInfo(1200, 630, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        using var image = SKImage.FromBitmap(upright);
        surface.Canvas.DrawImage(image, src, new SKRect(0, 0, 1200, 630), sampling);
        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, 80);
        written += jpeg.Size;
    }
    return written;
}

static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin, bool swapped)
{
    var result = new SKBitmap(swapped ? source.Height : source.Width, swapped ? source.Width : source.Height);
    using var canvas = new SKCanvas(result);
    var (w, h) = (source.Width, source.Height);
    switch (origin)
    {
        case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1); canvas.Translate(-w, 0); break;
        case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180); canvas.Translate(-w, -h); break;
        case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1); canvas.Translate(0, -h); break;
        case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break;
        case SKEncodedOrigin.RightTop: canvas.Translate(h, 0); canvas.RotateDegrees(90); break;
        case SKEncodedOrigin.RightBottom: canvas.Translate(h, w); canvas.RotateDegrees(90); canvas.Scale(-1, 1); canvas.Translate(-w, 0); break;
        case SKEncodedOrigin.LeftBottom: canvas.Translate(0, w); canvas.RotateDegrees(-90); break;
    }
    canvas.DrawImage(SKImage.FromBitmap(source), 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
    return result;
}

static byte[] SmallJpeg()
{
    using var image = Image.Black(400, 300, bands: 3) + 90;
    return image.JpegsaveBuffer();
}

// 6000×4000: smooth colour gradients with sine ripples (sky and surfaces) plus sensor-like noise, saved at quality 90
// with orientation 6 in its EXIF, as a phone held upright writes it.
static void GeneratePhoto(string path)
{
    using var xy = Image.Xyz(6000, 4000);
    using var x = xy[0];
    using var y = xy[1];
    using var r = x / 6000.0 * 200 + (y / 97.0).Math(Enums.OperationMath.Sin) * 25 + 20;
    using var g = y / 4000.0 * 180 + (x / 53.0).Math(Enums.OperationMath.Sin) * 20 + 30;
    using var b = (x + y) / 10000.0 * 150 + ((x * y) / 90000.0).Math(Enums.OperationMath.Sin) * 30 + 50;
    using var noise = Image.Gaussnoise(6000, 4000, sigma: 12, mean: 0);
    using var rgb = (r + noise).Bandjoin(g + noise, b + noise).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    using var tagged = rgb.Mutate(m => m.Set(GValue.GIntType, "orientation", 6));
    tagged.Jpegsave(path, q: 90);
}

// What each library decodes and encodes besides JPEG, PNG and WebP, tried rather than read from documentation.
static void Probe()
{
    using var sample = Image.Black(64, 48, bands: 3) + 120;
    var avif = sample.HeifsaveBuffer(compression: Enums.ForeignHeifCompression.Av1, keep: Enums.ForeignKeep.None);
    string Try(Func<object?> action) { try { return action() is null ? "no" : "yes"; } catch (Exception e) { return "no (" + e.Message.Split('\n')[0].Trim() + ")"; } }
    Console.WriteLine($"libvips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}: AVIF encode yes, AVIF decode {Try(() => Image.NewFromBuffer(avif).Avg())}, HEIC (HEVC) encode {Try(() => sample.HeifsaveBuffer(compression: Enums.ForeignHeifCompression.Hevc))}");
    Console.WriteLine($"SkiaSharp: AVIF decode {Try(() => SKCodec.Create(SKData.CreateCopy(avif)))}, AVIF encode {Try(() => SKImage.FromBitmap(new SKBitmap(64, 48)).Encode(SKEncodedImageFormat.Avif, 50))}, HEIF encode {Try(() => SKImage.FromBitmap(new SKBitmap(64, 48)).Encode(SKEncodedImageFormat.Heif, 50))}");
}
