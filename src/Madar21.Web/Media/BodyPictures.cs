using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Site.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Media;

/// <summary>What an article's body may show, the library pictures it names, and the reason (in Arabic) it may not be saved.</summary>
public sealed record BodyPictureCheck(IReadOnlyDictionary<int, PictureView> Pictures, string? Error);

/// <summary>
/// The pictures of an article's body. The rule: our pages make no request to another site, so a body shows
/// library pictures (<c>![alt](media:42)</c>) and, besides them, only images from an origin the site's operator
/// lists in <c>Security:ImageSources</c> (the same list the Content-Security-Policy lets images load from: an image
/// server of the site's own). Any other image (another site's, a relative path, a <c>data:</c> URL) is refused on
/// save rather than published as a picture the browser would block.
/// </summary>
public sealed class BodyPictures(MadarDb db, MarkdownRenderer renderer, IOptions<SecurityOptions> security)
{
    public async Task<BodyPictureCheck> CheckAsync(string markdown, CancellationToken ct)
    {
        var ids = new List<int>();
        var refused = new List<string>();
        foreach (var url in MarkdownRenderer.ImageUrls(markdown))
        {
            if (MarkdownPictures.IsMediaUrl(url))
            {
                if (MarkdownPictures.IdOf(url) is { } id) ids.Add(id);
                else refused.Add(url);
            }
            else if (!FromAllowedOrigin(url)) refused.Add(url);
        }
        var pictures = await PictureView.LoadAsync(db, [.. ids.Distinct()], ct);
        var missing = ids.Distinct().Where(id => !pictures.ContainsKey(id)).ToList();
        string? error = null;
        if (refused.Count > 0)
            error = $"لا تُنشر في المقال إلا صور مكتبة الموقع: الصورة «{Shorten(refused[0])}» ليست منها، وصفحاتنا لا تطلب شيئاً من مواقع أخرى. "
                + "ارفعها إلى مكتبة الصور، ثم ضعها في النص هكذا: ![وصف الصورة](media:رقمها).";
        else if (missing.Count == 1)
            error = $"لا توجد في مكتبة الصور صورة رقمها {missing[0]}.";
        else if (missing.Count > 1)
            error = $"لا توجد في مكتبة الصور صور بالأرقام {string.Join("، ", missing)}.";
        return new BodyPictureCheck(pictures, error);
    }

    /// <summary>Records which library pictures the article's body shows (the article may be new: the rows follow it).</summary>
    public async Task RecordAsync(Article article, IEnumerable<int> mediaIds, CancellationToken ct)
    {
        var wanted = mediaIds.ToHashSet();
        var existing = article.Id == 0 ? [] : await db.BodyPictures.Where(b => b.ArticleId == article.Id).ToListAsync(ct);
        db.BodyPictures.RemoveRange(existing.Where(b => !wanted.Contains(b.MediaItemId)));
        foreach (var id in wanted.Except(existing.Select(b => b.MediaItemId)))
            db.BodyPictures.Add(new BodyPicture { Article = article, MediaItemId = id });
    }

    /// <summary>
    /// Renders again the bodies that show the picture, whose stored HTML names its files and words: after it was
    /// processed again, its alt text, caption or credit changed, or it is being deleted (<paramref name="leaving"/>:
    /// the bodies are written without it). The articles are tracked; the caller's save stores them and evicts their pages.
    /// </summary>
    public async Task<int> RenderAgainAsync(int mediaId, bool leaving, CancellationToken ct)
    {
        var articles = await db.Articles
            .Where(a => db.BodyPictures.Any(b => b.ArticleId == a.Id && b.MediaItemId == mediaId))
            .ToListAsync(ct);
        foreach (var article in articles)
        {
            var pictures = (await CheckAsync(article.BodyMarkdown, ct)).Pictures;
            if (leaving) pictures = pictures.Where(p => p.Key != mediaId).ToDictionary();
            article.SetBody(ArticleBody.From(article.BodyMarkdown, renderer.Render(article.BodyMarkdown, pictures), article.Summary));
        }
        return articles.Count;
    }

    /// <summary>An absolute URL on an origin of <c>Security:ImageSources</c> (<c>https://img.example.com</c>, <c>https://*.example.com</c> or <c>https:</c>).</summary>
    private bool FromAllowedOrigin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
        && security.Value.ImageSources.Any(source => Matches(source.Trim().TrimEnd('/'), uri));

    private static bool Matches(string source, Uri uri)
    {
        var schemeEnd = source.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return source.TrimEnd(':').Equals(uri.Scheme, StringComparison.OrdinalIgnoreCase);
        if (!source[..schemeEnd].Equals(uri.Scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var host = source[(schemeEnd + 3)..];
        var authority = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        return host.StartsWith("*.", StringComparison.Ordinal)
            ? authority.EndsWith(host[1..], StringComparison.OrdinalIgnoreCase)
            : authority.Equals(host, StringComparison.OrdinalIgnoreCase);
    }

    private static string Shorten(string url) => url.Length <= 80 ? url : url[..77] + "…";
}
