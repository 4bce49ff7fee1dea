using System.Globalization;
using System.Text.RegularExpressions;
using Madar21.Web.Search;
using Madar21.Web.Site.Dates;
using Madar21.Web.Tags;

namespace Madar21.Web.Seeding;

/// <summary>
/// The optional block of <c>key: value</c> lines a seed file may start with, so that an archive imports with its
/// real dates, bylines, tags, addresses and pictures:
/// <code>
/// date: 2024-03-15 10:30
/// author: هيئة التحرير
/// tags: التحالف الدولي، كوفيد-19
/// slug: التحالف-يجتمع
/// image: 12
/// </code>
/// The first block is a header only when every one of its lines is such a line with one of these keys, so a file
/// without one reads exactly as before.
/// </summary>
/// <param name="PublishedAt">UTC; the date is Casablanca time unless it names its offset (<c>2024-03-15T10:30+01:00</c>).</param>
/// <param name="Author">The byline's display name, as written; the article is credited by it where staff profiles exist.</param>
/// <param name="Image">The lead picture: a media library id (the number in its /admin/media entry), as written.</param>
public sealed partial record SeedHeader(DateTime? PublishedAt, string? Author, IReadOnlyList<string> Tags, string? Slug, string? Image)
{
    public static readonly SeedHeader None = new(null, null, [], null, null);

    [GeneratedRegex(@"^(date|author|tags|slug|image)\s*:\s*(.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Line();

    [GeneratedRegex(@"(Z|[+-]\d\d:\d\d)$", RegexOptions.CultureInvariant)]
    private static partial Regex NamesOffset();

    private static readonly string[] OffsetFormats =
        ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFK"];

    /// <summary>Whether a file's first block is a header.</summary>
    public static bool IsHeader(string block) => block.Split('\n').All(line => Line().IsMatch(line));

    /// <summary>The header's values, or the reason (English, like the importer's other reasons) it is refused.</summary>
    public static (SeedHeader? Header, string? Error) Parse(string block)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in block.Split('\n'))
        {
            var match = Line().Match(line);
            var key = match.Groups[1].Value.ToLowerInvariant();
            if (!values.TryAdd(key, match.Groups[2].Value.Trim())) return (null, $"header: «{key}:» given twice");
        }

        DateTime? publishedAt = null;
        if (values.TryGetValue("date", out var date) && date.Length > 0)
        {
            publishedAt = ParseDate(date);
            if (publishedAt is null) return (null, $"header: date «{date}» is not a date (yyyy-MM-dd or yyyy-MM-dd HH:mm, Casablanca time)");
        }

        var (tags, tagErrors) = TagNames.Parse(values.GetValueOrDefault("tags"));
        if (tagErrors.Count > 0) return (null, $"header: tags refused ({string.Join(" ", tagErrors)})");

        string? slug = null;
        if (values.TryGetValue("slug", out var typedSlug) && typedSlug.Length > 0)
        {
            if (!ArabicNormalizer.Words(typedSlug).Any()) return (null, $"header: slug «{typedSlug}» has no letter or digit");
            slug = Articles.Slug.FromTitle(typedSlug);
        }

        return (new SeedHeader(publishedAt, Blank(values.GetValueOrDefault("author")), tags, slug, Blank(values.GetValueOrDefault("image"))), null);
    }

    /// <summary>The media library id the <c>image:</c> line names; null when it is not a number.</summary>
    public int? ImageId => int.TryParse(Image, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static DateTime? ParseDate(string value)
    {
        // K also accepts no offset at all (then the machine's zone): only a value that names one is read so.
        if (NamesOffset().IsMatch(value) && DateTimeOffset.TryParseExact(value, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            return withOffset.UtcDateTime;
        var wallClock = value.Replace(' ', 'T');
        if (wallClock.Length == 10) wallClock += "T00:00";
        return MoroccanDate.ParseWallClock(wallClock);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
