using System.Text;
using Madar21.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Search;

/// <summary>
/// What the index holds for one article, as separate fields so that a match on the title weighs more than one
/// in the body, and a match on the word as written more than one on a form without prefixes or on a skeleton.
/// Both back ends (SQLite FTS5, PostgreSQL tsvector) indexes these same strings.
/// </summary>
public sealed record SearchDocument(
    string Title, string Body, string TitleStems, string BodyStems, string TitleSkeletons, string BodySkeletons)
{
    /// <summary>Raised whenever the normaliser or the forms change, so that a start-up rebuilds the index.</summary>
    public const int Version = 1;

    /// <summary>
    /// Whether the index was built by these rules (<see cref="Version"/> in <c>ArticleSearchState</c>, on either
    /// engine); logs why not, for the caller to rebuild.
    /// </summary>
    public static async Task<bool> IndexIsCurrentAsync(MadarDb db, ILogger log, CancellationToken ct)
    {
        var version = await db.Database.SqlQueryRaw<int>("""SELECT "Version" AS "Value" FROM "ArticleSearchState" """).ToListAsync(ct);
        if (version is [Version]) return true;
        log.LogInformation("Search index version {Found} is not {Expected}; rebuilding", version.Count == 0 ? null : version[0], Version);
        return false;
    }

    /// <summary>Records that the index was built by these rules, inside the rebuild's transaction.</summary>
    public static async Task MarkIndexCurrentAsync(MadarDb db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "ArticleSearchState" """, ct);
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "ArticleSearchState" ("Version") VALUES ({Version})""", ct);
    }

    public static SearchDocument From(string title, string? summary, string bodyText)
    {
        var (t, tStems, tSkeletons) = Fields(title);
        var (b, bStems, bSkeletons) = Fields(string.IsNullOrWhiteSpace(summary) ? bodyText : summary + "\n" + bodyText);
        return new SearchDocument(t, b, tStems, bStems, tSkeletons, bSkeletons);
    }

    /// <summary>
    /// The folded words in order (term frequency counts for ranking), then each other form and skeleton once:
    /// they only widen the match, and listing them once keeps the index small.
    /// </summary>
    private static (string Words, string Stems, string Skeletons) Fields(string text)
    {
        var words = new StringBuilder(text.Length);
        var stems = new HashSet<string>(StringComparer.Ordinal);
        var skeletons = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in ArabicNormalizer.Words(text))
        {
            if (words.Length > 0) words.Append(' ');
            words.Append(word.Folded);
            var forms = ArabicForms.Forms(word.Folded);
            for (var i = 1; i < forms.Count; i++)
                stems.Add(forms[i]);
            foreach (var skeleton in ArabicForms.Skeletons(forms))
                skeletons.Add(skeleton);
        }
        return (words.ToString(), string.Join(' ', stems), string.Join(' ', skeletons));
    }
}
