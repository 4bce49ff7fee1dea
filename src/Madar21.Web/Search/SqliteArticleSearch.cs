using System.Data.Common;
using System.Text.Json;
using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Site.Caching;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Search;

/// <summary>
/// Search on SQLite's FTS5: a contentless table <c>ArticleSearch</c> (created by the AddArticleSearch migration)
/// whose rowid is the article id, ranked with bm25. Every term of a query is written into the MATCH expression as
/// a double-quoted string made only of letters and digits, so FTS5 operators typed by a reader stay plain text.
/// </summary>
public sealed class SqliteArticleSearch(ILogger<SqliteArticleSearch> log, PageCache? pages = null) : IArticleSearch
{
    private const string Table = "ArticleSearch";

    // Column weights, in the table's column order: title, body, title_stems, body_stems, title_skeletons, body_skeletons.
    private const string Rank = "bm25(ArticleSearch, 10.0, 2.0, 6.0, 1.0, 3.0, 0.5)";

    private const string Insert =
        "INSERT INTO ArticleSearch(rowid, title, body, title_stems, body_stems, title_skeletons, body_skeletons) " +
        "VALUES ($id, $title, $body, $title_stems, $body_stems, $title_skeletons, $body_skeletons)";

    // Every entry a save takes out, in one statement and before any goes in: a delete between inserts makes FTS5 write
    // out the entries it holds in memory so far, which doubled the cost of updating a thousand articles.
    private const string Delete = "DELETE FROM ArticleSearch WHERE rowid IN (SELECT value FROM json_each($ids))";

    // The titles again, on their own (migration AddArticleTitleSearch): a title word's entries there are only titles,
    // so finding the newest titles with a word reads a few entries, not every body that has it.
    private const string TitleTable = "ArticleTitleSearch";
    private const string InsertTitle = "INSERT INTO ArticleTitleSearch(rowid, title, title_stems) VALUES ($id, $title, $title_stems)";
    private const string DeleteTitle = "DELETE FROM ArticleTitleSearch WHERE rowid IN (SELECT value FROM json_each($ids))";


    public async Task<SearchMatches> MatchAsync(MadarDb db, SearchQuery query, int limit, int needed, CancellationToken ct)
    {
        var match = string.Join(" AND ", query.Terms.Select(TermExpression));
        if (match.Length == 0)
            return new(db.Database.SqlQueryRaw<SearchHit>($"SELECT rowid AS ArticleId, 0.0 AS Score FROM {Table} WHERE 0"), Capped: false);

        // FTS5 walks the matches by descending rowid and stops at the limit: counting up to it costs little.
        var found = await db.Database.SqlQueryRaw<int>(
                $"SELECT count(*) AS Value FROM (SELECT rowid FROM {Table} WHERE {Table} MATCH $match ORDER BY rowid DESC LIMIT $limit)",
                new SqliteParameter("$match", match), new SqliteParameter("$limit", limit))
            .SingleAsync(ct);
        if (found < limit)
            return new(db.Database.SqlQueryRaw<SearchHit>(
                $"SELECT rowid AS ArticleId, {Rank} AS Score FROM {Table} WHERE {Table} MATCH $match ORDER BY rowid DESC LIMIT $limit",
                new SqliteParameter("$match", match), new SqliteParameter("$limit", limit)), Capped: false);

        // A word in more articles than the limit: bm25 would read every article that has it (its weight counts them
        // all), so rank by where it is instead: the newest with every term in the title (as written or without its
        // prefixes), then the newest of the rest.
        // The titles' own table answers the first part from title entries only. Each part needs no more rows than the
        // page asks for: the page's first rows of the two lists put one after the other are among them.
        return new(db.Database.SqlQueryRaw<SearchHit>(
            $"SELECT rowid AS ArticleId, 0.0 AS Score FROM (SELECT rowid FROM {TitleTable} WHERE {TitleTable} MATCH $title ORDER BY rowid DESC LIMIT $limit) " +
            $"UNION ALL SELECT rowid AS ArticleId, 1.0 AS Score FROM (SELECT rowid FROM {Table} WHERE {Table} MATCH $match ORDER BY rowid DESC LIMIT $limit)",
            new SqliteParameter("$title", string.Join(" AND ", query.Terms.Select(t => $"({Phrases(t.Forms)})"))),
            new SqliteParameter("$match", match), new SqliteParameter("$limit", Math.Min(needed, limit))), Capped: true);
    }

    public Task<List<int>> NewestWithTitleTermAsync(MadarDb db, SearchTerm term, int limit, CancellationToken ct) =>
        // Titles only, and forms only: a shared word in the title says more than one in the body, and skeletons
        // (made for a name the reader is unsure how to spell) are too loose to call two articles related. FTS5 walks
        // a term's entries by descending rowid and stops at the limit, however common the term.
        db.Database.SqlQueryRaw<int>(
                $"SELECT rowid AS Value FROM {TitleTable} WHERE {TitleTable} MATCH $match ORDER BY rowid DESC LIMIT $limit",
                new SqliteParameter("$match", Phrases(term.Forms)),
                new SqliteParameter("$limit", limit))
            .ToListAsync(ct);

    /// <summary>One term: any of its forms in the word or stem columns, or any of its skeletons in the skeleton columns.</summary>
    private static string TermExpression(SearchTerm term)
    {
        var forms = $"{{title body title_stems body_stems}}: ({Phrases(term.Forms)})";
        return term.Skeletons.Count == 0 ? forms : $"({forms} OR {{title_skeletons body_skeletons}}: ({Phrases(term.Skeletons)}))";
    }

    private static string Phrases(IEnumerable<string> words) =>
        string.Join(" OR ", words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    public void Apply(MadarDb db, IReadOnlyList<ArticleIndexChange> changes)
    {
        using var writer = new Writer(db);
        writer.Write(changes);
    }

    public async Task ApplyAsync(MadarDb db, IReadOnlyList<ArticleIndexChange> changes, CancellationToken ct)
    {
        await using var writer = new Writer(db);
        await writer.WriteAsync(changes, ct);
    }

    public Task<int> RebuildAsync(MadarDb db, CancellationToken ct) =>
        IndexRebuild.RunAsync(db, pages, log, async () =>
            {
                await db.Database.ExecuteSqlRawAsync($"INSERT INTO {Table}({Table}) VALUES ('delete-all')", ct);
                await db.Database.ExecuteSqlRawAsync($"INSERT INTO {TitleTable}({TitleTable}) VALUES ('delete-all')", ct);
            }, () => new Writer(db), ct);

    public async Task EnsureCurrentAsync(MadarDb db, CancellationToken ct)
    {
        if (!await SearchDocument.IndexIsCurrentAsync(db, log, ct)) await RebuildAsync(db, ct);
    }

    /// <summary>Prepared commands on the context's connection and transaction, reused for every article of a save.</summary>
    private sealed class Writer : IIndexWriter, IDisposable
    {
        private readonly DbCommand _delete;
        private readonly DbCommand _insert;
        private readonly DbCommand _deleteTitle;
        private readonly DbCommand _insertTitle;

        public Writer(MadarDb db)
        {
            _delete = PreparedCommands.InTransaction(db, Delete, "$ids");
            _insert = PreparedCommands.InTransaction(db, Insert,
                "$id", "$title", "$body", "$title_stems", "$body_stems", "$title_skeletons", "$body_skeletons");
            _deleteTitle = PreparedCommands.InTransaction(db, DeleteTitle, "$ids");
            _insertTitle = PreparedCommands.InTransaction(db, InsertTitle, "$id", "$title", "$title_stems");
        }

        public void Write(IReadOnlyList<ArticleIndexChange> changes)
        {
            changes = LastOfEach(changes);
            if (BindDeletes(changes))
            {
                _delete.ExecuteNonQuery();
                _deleteTitle.ExecuteNonQuery();
            }
            foreach (var change in changes)
            {
                if (!BindInsert(change)) continue;
                _insert.ExecuteNonQuery();
                _insertTitle.ExecuteNonQuery();
            }
        }

        public async Task WriteAsync(IReadOnlyList<ArticleIndexChange> changes, CancellationToken ct)
        {
            changes = LastOfEach(changes);
            if (BindDeletes(changes))
            {
                await _delete.ExecuteNonQueryAsync(ct);
                await _deleteTitle.ExecuteNonQueryAsync(ct);
            }
            foreach (var change in changes)
            {
                if (!BindInsert(change)) continue;
                await _insert.ExecuteNonQueryAsync(ct);
                await _insertTitle.ExecuteNonQueryAsync(ct);
            }
        }

        // Deletes first, then inserts: an article changed twice in one save is written once, as it was last.
        private static IReadOnlyList<ArticleIndexChange> LastOfEach(IReadOnlyList<ArticleIndexChange> changes) =>
            changes.DistinctBy(c => c.ArticleId).Count() == changes.Count ? changes : changes.GroupBy(c => c.ArticleId).Select(g => g.Last()).ToList();

        /// <summary>The entries to take out: every changed article's but those the index cannot hold yet.</summary>
        private bool BindDeletes(IReadOnlyList<ArticleIndexChange> changes)
        {
            var ids = changes.Where(c => !c.IsNew).Select(c => c.ArticleId).ToList();
            var json = JsonSerializer.Serialize(ids);
            _delete.Parameters[0].Value = json;
            _deleteTitle.Parameters[0].Value = json;
            return ids.Count > 0;
        }

        private bool BindInsert(ArticleIndexChange change)
        {
            if (change.Document is not { } d) return false;
            var values = _insert.Parameters;
            values[0].Value = change.ArticleId;
            values[1].Value = d.Title;
            values[2].Value = d.Body;
            values[3].Value = d.TitleStems;
            values[4].Value = d.BodyStems;
            values[5].Value = d.TitleSkeletons;
            values[6].Value = d.BodySkeletons;
            _insertTitle.Parameters[0].Value = change.ArticleId;
            _insertTitle.Parameters[1].Value = d.Title;
            _insertTitle.Parameters[2].Value = d.TitleStems;
            return true;
        }

        public void Dispose()
        {
            _delete.Dispose();
            _insert.Dispose();
            _deleteTitle.Dispose();
            _insertTitle.Dispose();
        }

        public async ValueTask DisposeAsync()
        {
            await _delete.DisposeAsync();
            await _insert.DisposeAsync();
            await _deleteTitle.DisposeAsync();
            await _insertTitle.DisposeAsync();
        }
    }
}
