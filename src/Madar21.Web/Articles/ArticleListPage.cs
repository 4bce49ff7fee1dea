namespace Madar21.Web.Articles;

/// <summary>
/// The paging rule of the public article lists (a section, a tag, an author): 20 articles a page, reached by
/// <c>?page=N</c>. A page that cannot exist answers 404: below 1, past any real list, or past the end of this one
/// (page 1 of an empty list is still a page). One row more than a page holds is read, to know whether a next one exists.
/// </summary>
public readonly record struct ArticleListPage(int Number)
{
    public const int Size = 20;

    /// <summary>Beyond any real list (a million articles); keeps the offset arithmetic far from overflow.</summary>
    public const int MaxNumber = 50_000;

    /// <summary>The page <c>?page=</c> asks for (none: the first), or null when no list can have it.</summary>
    public static ArticleListPage? Asked(int? page) =>
        (page ?? 1) is var number and >= 1 and <= MaxNumber ? new ArticleListPage(number) : null;

    public int Skip => (Number - 1) * Size;

    public int Take => Size + 1;

    /// <summary>The rows read (at most <see cref="Take"/>) cut to this page, or null when the page is past the list's end.</summary>
    public Rows<T>? Cut<T>(List<T> read) => read.Count == 0 && Number > 1 ? null : new(read.Take(Size).ToList(), read.Count > Size);

    public sealed record Rows<T>(List<T> Shown, bool HasNext);
}
