using Madar21.Web.Models;

namespace Madar21.Web.Articles;

public static class SectionQueries
{
    /// <summary>The order of the sections bar, which every list of sections follows (admin, form, sitemap).</summary>
    public static IOrderedQueryable<Section> InNavigationOrder(this IQueryable<Section> sections) =>
        sections.OrderBy(s => s.Position).ThenBy(s => s.Name);
}
