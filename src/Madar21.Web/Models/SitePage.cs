namespace Madar21.Web.Models;

/// <summary>
/// One of the site's own pages (من نحن، اتصل بنا، …), written in the admin in Markdown, served at /page/{slug} and
/// linked from the footer in <see cref="Position"/> order.
/// </summary>
public class SitePage
{
    public const int TitleMaxLength = 100;
    public const int SlugMaxLength = 60;
    public const int DescriptionMaxLength = 300;

    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }

    /// <summary>The page's meta description; none: the start of its text.</summary>
    public string? Description { get; set; }

    public int Position { get; set; }
    public DateTime UpdatedAt { get; set; }

    public required string Markdown { get; set; }

    /// <summary>Rendered and sanitised on save by the articles' renderer, never per request.</summary>
    public required string Html { get; set; }
}
