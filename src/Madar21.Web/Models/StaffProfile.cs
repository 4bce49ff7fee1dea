namespace Madar21.Web.Models;

/// <summary>
/// A staff account's public face: the name, bio and picture readers see in bylines and on <c>/author/{slug}</c>.
/// Never the email address, which stays on the account (Identity) and is never read into a public page.
/// </summary>
public class StaffProfile
{
    public const int DisplayNameMaxLength = 80;
    public const int BioMaxLength = 400;

    public int Id { get; set; }

    /// <summary>The Identity account; its profile goes with it when the account is removed.</summary>
    public required string UserId { get; set; }

    public required string DisplayName { get; set; }

    public string? Bio { get; set; }

    /// <summary>A picture from the media library; null for none (and when that picture is deleted).</summary>
    public int? PictureMediaId { get; set; }
    public MediaItem? Picture { get; set; }

    /// <summary>
    /// The page's address, <c>/author/{Slug}</c>: made from the display name, unique, and fixed once the person first
    /// saves their profile (<see cref="NamedAt"/>), so that links to it keep working when the name changes.
    /// </summary>
    public required string Slug { get; set; }

    /// <summary>When the profile was first saved by a person; null while it still carries the name given by default.</summary>
    public DateTime? NamedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>One author of an article, in byline order. An article without any is credited to the desk (<c>Site:DeskName</c>).</summary>
public class ArticleAuthor
{
    public int ArticleId { get; set; }
    public Article? Article { get; set; }

    /// <summary>0 for the first name of the byline.</summary>
    public int Position { get; set; }

    public int ProfileId { get; set; }
    public StaffProfile? Profile { get; set; }

    /// <summary>
    /// The article's publication time while it goes out (published or scheduled), null otherwise: a copy kept in step by every save
    /// (<see cref="Authors.ArticleAuthors"/>), so that an author's page walks its own index, newest first, and stops after one page.
    /// </summary>
    public DateTime? PublishedAt { get; set; }
}
