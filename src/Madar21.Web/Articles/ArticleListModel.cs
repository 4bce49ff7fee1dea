using Madar21.Web.Data;
using Madar21.Web.Media;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madar21.Web.Articles;

/// <summary>
/// A page of one of the public article lists (a section, a tag, an author), paged by <see cref="ArticleListPage"/>:
/// what the list's view and its pager (<c>_Pager.cshtml</c>) show.
/// </summary>
public abstract class ArticleListModel : PageModel
{
    public string Name { get; protected set; } = "";
    public int PageNumber { get; private set; }
    public bool HasNext { get; private set; }
    public List<ArticleCard> Articles { get; private set; } = [];

    /// <summary>The address of page <paramref name="number"/> of this list (the first has no <c>?page=</c>).</summary>
    public abstract string PageUrl(int number);

    /// <summary>What the pager is called for screen readers («صفحات القسم»).</summary>
    public abstract string PagerLabel { get; }

    /// <summary>Shows <paramref name="rows"/>, page <paramref name="page"/> of the list, with their pictures.</summary>
    protected async Task ShowAsync(MadarDb db, ArticleListPage page, ArticleListPage.Rows<ArticleCard> rows, CancellationToken ct)
    {
        (PageNumber, HasNext) = (page.Number, rows.HasNext);
        Articles = await CardPictures.AttachAsync(db, rows.Shown, ct);
    }
}
