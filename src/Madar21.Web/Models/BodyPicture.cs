namespace Madar21.Web.Models;

/// <summary>
/// A library picture placed in an article's body (<c>![alt](media:42)</c>), recorded when the article is saved: the
/// body's stored HTML names the picture's files, so a change to the picture renders the body again, and the library
/// shows where the picture is used.
/// </summary>
public class BodyPicture
{
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public int MediaItemId { get; set; }
}
