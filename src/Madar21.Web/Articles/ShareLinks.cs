namespace Madar21.Web.Articles;

/// <summary>
/// «شارك المقال»: plain links to each service's own share address. Nothing of theirs (script, button, image, font)
/// is on our page, so no request reaches them until the reader clicks.
/// </summary>
public static class ShareLinks
{
    public sealed record Link(string Service, string Label, string Href);

    /// <param name="url">The article's absolute canonical URL.</param>
    public static IReadOnlyList<Link> For(string title, string url)
    {
        var u = Uri.EscapeDataString(url);
        var t = Uri.EscapeDataString(title);
        var both = Uri.EscapeDataString($"{title} {url}");
        return
        [
            new("whatsapp", "واتساب", $"https://wa.me/?text={both}"),
            new("facebook", "فيسبوك", $"https://www.facebook.com/sharer/sharer.php?u={u}"),
            new("x", "إكس", $"https://x.com/intent/tweet?text={t}&url={u}"),
            new("telegram", "تيليغرام", $"https://t.me/share/url?url={u}&text={t}"),
            new("email", "البريد الإلكتروني", $"mailto:?subject={t}&body={both}"),
        ];
    }
}
