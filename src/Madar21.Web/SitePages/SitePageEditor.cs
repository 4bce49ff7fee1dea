using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.SitePages;

/// <summary>What an editor typed into the site page form.</summary>
public sealed record SitePageInput(string? Title, string? Slug, string? Description, string? Markdown, int Position);

/// <summary>
/// Saves the site's own pages: checks the input, renders the Markdown once with the articles' renderer (raw HTML
/// off, the output sanitised, the same size and nesting limits), and saves through SaveChanges, which evicts every
/// cached page (the footer links to them).
/// </summary>
public sealed class SitePageEditor(MadarDb db, MarkdownRenderer renderer, TimeProvider clock, ILogger<SitePageEditor> log)
{
    /// <returns>The saved page, or the errors by field name.</returns>
    public async Task<(SitePage? Page, List<FieldError> Errors)> SaveAsync(int? id, SitePageInput input, string staffId, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var title = TextCleaning.Text(input.Title ?? "") is { Length: > 0 } t ? t : null;
        if (title is null) errors.Add(new(nameof(input.Title), "العنوان مطلوب."));
        else if (title.Length > SitePage.TitleMaxLength) errors.Add(new(nameof(input.Title), $"العنوان أطول من {SitePage.TitleMaxLength} حرف."));

        var slug = string.IsNullOrWhiteSpace(input.Slug) ? (title is null ? null : Slug.FromTitle(title)) : Slug.FromTitle(input.Slug);
        if (slug is not null && slug.Length > SitePage.SlugMaxLength) slug = slug[..SitePage.SlugMaxLength].TrimEnd('-');
        if (slug is not null && await db.SitePages.AnyAsync(p => p.Slug == slug && p.Id != id, ct))
            errors.Add(new(nameof(input.Slug), "صفحة أخرى تستعمل هذا الرابط؛ اختر غيره."));

        var description = string.IsNullOrWhiteSpace(input.Description) ? null : TextCleaning.Line(input.Description);
        if (description?.Length > SitePage.DescriptionMaxLength)
            errors.Add(new(nameof(input.Description), $"الوصف أطول من {SitePage.DescriptionMaxLength} حرف."));

        var markdown = input.Markdown is null ? "" : TextCleaning.Markdown(input.Markdown);
        RenderedMarkdown? rendered = null;
        if (string.IsNullOrWhiteSpace(markdown)) errors.Add(new(nameof(input.Markdown), "نص الصفحة مطلوب."));
        else if (MarkdownLimits.Check(markdown) is { } problem) errors.Add(new(nameof(input.Markdown), problem));
        else
        {
            try { rendered = renderer.Render(markdown); }
            catch (ArgumentException) { errors.Add(new(nameof(input.Markdown), MarkdownLimits.TooDeepMessage)); }
        }
        if (errors.Count > 0) return (null, errors);

        var page = id is { } existing ? await db.SitePages.FirstOrDefaultAsync(p => p.Id == existing, ct) : null;
        if (id is not null && page is null) return (null, [new("", "لم تعد هذه الصفحة موجودة.")]);
        page ??= db.SitePages.Add(new SitePage { Slug = "", Title = "", Markdown = "", Html = "" }).Entity;
        page.Title = title!;
        page.Slug = slug!;
        page.Description = description;
        page.Markdown = markdown;
        page.Html = rendered!.Html;
        page.Position = input.Position;
        page.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        log.LogInformation("Staff {UserId} saved site page {PageId}", staffId, page.Id);
        return (page, []);
    }

    public async Task<bool> DeleteAsync(int id, string staffId, CancellationToken ct)
    {
        var page = await db.SitePages.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (page is null) return false;
        db.SitePages.Remove(page);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Staff {UserId} deleted site page {PageId}", staffId, id);
        return true;
    }
}
