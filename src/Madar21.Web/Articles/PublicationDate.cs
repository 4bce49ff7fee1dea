using Madar21.Web.Models;
using Madar21.Web.Site.Dates;

namespace Madar21.Web.Articles;

/// <summary>
/// What an editor may set by hand on a published article: its publication date (a correction, or an archive piece
/// with its real date) and its slug. The article's address keeps its number, so an old slug answers 301 to the new
/// one (the article page redirects any other slug to the current one).
/// </summary>
public static class PublicationDate
{
    /// <summary>
    /// The publication date typed for a published article (Casablanca time), checked; null when none was typed or
    /// it is the stored one (the form shows minutes only). A scheduled or draft article ignores the field.
    /// </summary>
    public static DateTime? Check(ArticleInput input, DateTime? stored, DateTime utcNow, List<FieldError> errors)
    {
        if (input.Status != ArticleStatus.Published || string.IsNullOrWhiteSpace(input.PublishedOn)) return null;
        if (MoroccanDate.ParseWallClock(input.PublishedOn) is not { } at)
        {
            errors.Add(new(ArticleEditor.Fields.PublishedOn, "تاريخ النشر غير صالح."));
            return null;
        }
        if (stored is { } same && Math.Abs((at - same).TotalSeconds) < 60 && at.Minute == same.Minute) return null;
        if (at > utcNow)
        {
            errors.Add(new(ArticleEditor.Fields.PublishedOn, "تاريخ النشر في المستقبل: لنشر المقال لاحقاً اختر «مجدول» وحدد وقته."));
            return null;
        }
        return at;
    }

    /// <summary>
    /// The slug to store. One the editor typed (changed from the stored one) is made URL-safe like a title's; a slug
    /// made from the title follows the title; one an editor chose stays until an editor changes it.
    /// </summary>
    public static string SlugOf(string? typed, string title, (string Slug, string FromTitle)? stored)
    {
        var clean = string.IsNullOrWhiteSpace(typed) ? null : Slug.FromTitle(typed);
        if (stored is not { } current) return clean ?? Slug.FromTitle(title);
        if (clean is not null && clean != current.Slug) return clean;
        return clean is null || current.Slug == current.FromTitle ? Slug.FromTitle(title) : current.Slug;
    }
}
