using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Authors;

/// <summary>
/// An author's public articles, newest first, as a query of the articles public at a given time (what
/// <see cref="DeepPages"/> and the feeds take). Both are walked in index order and stop after one page.
/// </summary>
public static class AuthorLists
{
    /// <summary>
    /// A staff member's: their byline rows, by the copied publication time (index ProfileId, PublishedAt, ArticleId),
    /// each joined to its article, which must itself be public (should a copy ever lag, an article is hidden, never shown early).
    /// </summary>
    public static Func<DateTime, IQueryable<Article>> Of(MadarDb db, int profileId) => at =>
        db.ArticleAuthors.AsNoTracking()
            .Where(x => x.ProfileId == profileId && x.PublishedAt != null && x.PublishedAt <= at)
            .OrderByDescending(x => x.PublishedAt).ThenByDescending(x => x.ArticleId)
            .Select(x => x.Article!)
            .PublicAt(at);

    /// <summary>The desk's: the articles without an author, walked down the site's newest-first index.</summary>
    public static Func<DateTime, IQueryable<Article>> Desk(MadarDb db) => at =>
        db.Articles.AsNoTracking().Where(a => !a.Authors.Any()).PublicAt(at).NewestFirst();
}
