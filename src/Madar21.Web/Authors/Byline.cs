using Microsoft.AspNetCore.Html;

namespace Madar21.Web.Authors;

/// <summary>One name of a byline as readers and crawlers see it: a staff member (Person) or the desk (Organization).</summary>
public sealed record Credit(string Name, string Path, bool IsDesk);

/// <summary>«بقلم فلان وفلان»: the byline of article pages, cards and feeds, built once here.</summary>
public static class Byline
{
    public static string PagePath(string slug) => $"/author/{Uri.EscapeDataString(slug)}";

    public static string FeedPath(string slug) => PagePath(slug) + "/feed";

    public static string DeskPath => PagePath(StaffProfiles.DeskSlug);

    /// <summary>The names joined as Arabic joins them: «أ وب», «أ، ب وج» (the conjunction و is written onto the name).</summary>
    public static string Names(IReadOnlyList<Credit> credits) =>
        string.Concat(credits.Select((c, i) => Separator(i, credits.Count) + c.Name));

    /// <summary>&lt;p class="byline"&gt;بقلم &lt;a rel="author"&gt;…&lt;/a&gt; و&lt;a&gt;…&lt;/a&gt;&lt;/p&gt;, each name isolated (bdi) and linked to its page.</summary>
    public static IHtmlContent Html(IReadOnlyList<Credit> credits, string cssClass = "byline")
    {
        var html = new HtmlContentBuilder();
        html.AppendHtml($"<p class=\"{cssClass}\">بقلم ");
        for (var i = 0; i < credits.Count; i++)
        {
            html.Append(Separator(i, credits.Count));
            html.AppendHtml("<a rel=\"author\" href=\"").Append(credits[i].Path).AppendHtml("\"><bdi>").Append(credits[i].Name).AppendHtml("</bdi></a>");
        }
        return html.AppendHtml("</p>");
    }

    private static string Separator(int index, int count) => index == 0 ? "" : index == count - 1 ? " و" : "، ";
}
