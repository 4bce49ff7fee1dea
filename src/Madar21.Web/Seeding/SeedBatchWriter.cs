using System.Data.Common;
using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;

namespace Madar21.Web.Seeding;

/// <summary>
/// Inserts and updates seed articles with two prepared commands on the import's transaction: EF Core's change
/// tracker costs about four times the CPU of the insert itself, which made it most of an import's time. The SQL is
/// portable (quoted names, RETURNING). What <see cref="MadarDb.SaveChangesAsync(bool, CancellationToken)"/> does
/// for other writers, the importer does itself for a batch: the search index, the related-lists queue, the page
/// cache (see <see cref="SeedImporter"/>).
/// </summary>
internal sealed class SeedBatchWriter : IAsyncDisposable
{
    private const string InsertSql =
        """
        INSERT INTO "Articles" ("SeedKey", "Title", "TitleFolded", "Slug", "SectionId", "Excerpt", "Status", "PublishedAt", "CreatedAt",
            "UpdatedAt", "Version", "CommentsOpen", "EditedInSite", "SeedHash", "SeedLength", "SeedModifiedAt", "ReadingMinutes", "LeadMediaId", "BodyText", "BodyHtml", "BodyMarkdown")
        VALUES (@key, @title, @folded, @slug, @section, @excerpt, @status, @published, @now, @now, 0, @open, @edited, @hash, @length, @modified, @minutes, @lead, @text, @html, @markdown)
        RETURNING "Id"
        """;

    // The header's date is the article's; without one, the article keeps its own.
    private const string UpdateSql =
        """
        UPDATE "Articles" SET "PublishedAt" = COALESCE(@published, "PublishedAt"), "Title" = @title, "TitleFolded" = @folded, "Slug" = @slug, "SectionId" = @section, "Excerpt" = @excerpt, "UpdatedAt" = @now, "Version" = "Version" + 1,
            "SeedHash" = @hash, "SeedLength" = @length, "SeedModifiedAt" = @modified, "ReadingMinutes" = @minutes, "LeadMediaId" = @lead, "BodyText" = @text, "BodyHtml" = @html, "BodyMarkdown" = @markdown
        WHERE "Id" = @id
        """;

    // Same bytes under a new size or time (a copy, a checkout): only the file's new stat, for the next scan.
    private const string RestatSql = """UPDATE "Articles" SET "SeedLength" = @length, "SeedModifiedAt" = @modified WHERE "Id" = @id""";

    private readonly DbCommand _insert;
    private readonly DbCommand _update;
    private readonly DbCommand _restat;

    public SeedBatchWriter(MadarDb db)
    {
        _insert = PreparedCommands.InTransaction(db, InsertSql,
            "@key", "@title", "@folded", "@slug", "@section", "@excerpt", "@status", "@published", "@now", "@open", "@edited", "@hash", "@length", "@modified", "@minutes", "@lead", "@text", "@html", "@markdown");
        _update = PreparedCommands.InTransaction(db, UpdateSql,
            "@id", "@published", "@title", "@folded", "@slug", "@section", "@excerpt", "@now", "@hash", "@length", "@modified", "@minutes", "@lead", "@text", "@html", "@markdown");
        _restat = PreparedCommands.InTransaction(db, RestatSql, "@id", "@length", "@modified");
    }

    /// <summary>A new article, published at the header's date (scheduled when that is ahead) or now; returns its id.</summary>
    public async Task<int> InsertAsync(SeedRow row, DateTime now, CancellationToken ct)
    {
        Bind(_insert, row, now);
        Set(_insert, "@key", row.Key);
        var published = row.PublishedAt ?? now;
        Set(_insert, "@published", published);
        Set(_insert, "@status", (int)(published > now ? ArticleStatus.Scheduled : ArticleStatus.Published));
        Set(_insert, "@open", true);
        Set(_insert, "@edited", false);
        return Convert.ToInt32(await _insert.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A changed seed file: its article takes the new text, and the header's date when it has one; status and comments
    /// stay.
    /// </summary>
    public async Task UpdateAsync(int id, SeedRow row, DateTime now, CancellationToken ct)
    {
        Bind(_update, row, now);
        Set(_update, "@id", id);
        Set(_update, "@published", row.PublishedAt is { } at ? at : DBNull.Value);
        await _update.ExecuteNonQueryAsync(ct);
    }

    public async Task RestatAsync(int id, long length, DateTime modifiedAt, CancellationToken ct)
    {
        Set(_restat, "@id", id);
        Set(_restat, "@length", length);
        Set(_restat, "@modified", modifiedAt);
        await _restat.ExecuteNonQueryAsync(ct);
    }

    private static void Bind(DbCommand command, SeedRow row, DateTime now)
    {
        Set(command, "@title", row.Title);
        Set(command, "@folded", ArticleTitles.Fold(row.Title));
        Set(command, "@slug", row.Slug);
        Set(command, "@section", row.SectionId);
        Set(command, "@excerpt", row.Body.Excerpt);
        Set(command, "@now", now);
        Set(command, "@hash", row.Hash);
        Set(command, "@length", row.Length);
        Set(command, "@modified", row.ModifiedAt);
        Set(command, "@minutes", row.Body.ReadingMinutes);
        Set(command, "@lead", row.LeadMediaId is { } lead ? lead : DBNull.Value);
        Set(command, "@text", row.Body.Text);
        Set(command, "@html", row.Body.Html);
        Set(command, "@markdown", row.Body.Markdown);
    }

    private static void Set(DbCommand command, string name, object value) => command.Parameters[name].Value = value;

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await _update.DisposeAsync();
        await _restat.DisposeAsync();
    }
}

/// <summary>One article's columns as a seed file gives them; <paramref name="PublishedAt"/> and the lead picture from its header.</summary>
internal sealed record SeedRow(
    string Key, string Title, string Slug, int SectionId, string Hash, long Length, DateTime ModifiedAt, ArticleBody Body,
    DateTime? PublishedAt = null, int? LeadMediaId = null);
