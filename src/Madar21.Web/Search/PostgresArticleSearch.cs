using System.Data.Common;
using System.Text;
using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Site.Caching;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Madar21.Web.Search;

/// <summary>
/// Search on PostgreSQL, with the same terms as on SQLite: <see cref="SearchDocument"/> (<see cref="ArabicNormalizer"/>
/// and <see cref="ArabicForms"/> in C#) gives the words, forms and skeletons, and they are written into two
/// <c>tsvector</c> columns as literal lexemes, so no text-search dictionary or parser of the server touches them (the
/// <c>simple</c> configuration at most, and only in name). The table <c>ArticleSearch</c> (migration ArticleSearch)
/// has a GIN index on the title and one on title and body together.
/// </summary>
/// <remarks>
/// In each column, weight A marks the words as written, B their forms without prefixes, C the skeletons; skeletons
/// carry a prefix of their own (<see cref="SkeletonMark"/>) so that a query's skeleton meets only skeletons, as in
/// SQLite's separate columns. Ranking gives the same order of importance as SQLite's bm25 weights: title above body,
/// and within each the word as written above a form without prefixes above a skeleton.
/// </remarks>
public sealed class PostgresArticleSearch(ILogger<PostgresArticleSearch> log, PageCache? pages = null) : IArticleSearch
{
    private const string SkeletonMark = "~";

    // ts_rank's weights are given as [D, C, B, A]: unused, skeleton, form without prefixes, word as written. (An array
    // constructor, not a '{…}' literal: braces in raw SQL are EF's parameter placeholders.)
    private const string Rank =
        "ts_rank(array[0, 0.3, 0.6, 1.0]::float4[], \"Title\", @any::tsquery) + ts_rank(array[0, 0.05, 0.1, 0.2]::float4[], \"Body\", @any::tsquery)";

    // The expression of the GIN index on both columns: a query written the same way is answered from the index.
    private const string Document = "(\"Title\" || \"Body\")";

    private const string Upsert =
        """
        INSERT INTO "ArticleSearch" ("ArticleId", "Title", "Body") VALUES (@id, @title::tsvector, @body::tsvector)
        ON CONFLICT ("ArticleId") DO UPDATE SET "Title" = excluded."Title", "Body" = excluded."Body"
        """;

    private const string Delete = """DELETE FROM "ArticleSearch" WHERE "ArticleId" = @id""";


    // tsvector positions stop at 16,383 and a lexeme keeps at most 256 of them; further ones add nothing to a match.
    private const int MaxPosition = 16_383;
    private const int MaxPositionsPerLexeme = 255;

    public async Task<SearchMatches> MatchAsync(MadarDb db, SearchQuery query, int limit, int needed, CancellationToken ct)
    {
        if (query.IsEmpty)
            return new(db.Database.SqlQueryRaw<SearchHit>("""SELECT 0 AS "ArticleId", 0.0::float8 AS "Score" WHERE false"""), Capped: false);

        var match = new NpgsqlParameter("match", All(query.Terms.Select(TermQuery)));
        // A bitmap of the index answers the count; the heap is read for the first matches only.
        var found = await db.Database.SqlQueryRaw<int>(
                $"""SELECT count(*)::int AS "Value" FROM (SELECT 1 FROM "ArticleSearch" WHERE {Document} @@ @match::tsquery LIMIT @limit) m""",
                match, new NpgsqlParameter("limit", limit))
            .SingleAsync(ct);
        if (found < limit)
            return new(db.Database.SqlQueryRaw<SearchHit>(
                $"""SELECT "ArticleId", -({Rank})::float8 AS "Score" FROM "ArticleSearch" WHERE {Document} @@ @match::tsquery""",
                new NpgsqlParameter("match", match.Value),
                new NpgsqlParameter("any", Any(query.Terms.SelectMany(TermLexemes)))), Capped: false);

        // As on SQLite: past the limit, the newest with every term in the title (as written or without its prefixes),
        // then the newest of the rest, each part no longer than the page needs.
        return new(db.Database.SqlQueryRaw<SearchHit>(
            $"""
            SELECT "ArticleId", 0.0::float8 AS "Score" FROM (SELECT "ArticleId" FROM "ArticleSearch" WHERE "Title" @@ @title::tsquery ORDER BY "ArticleId" DESC LIMIT @limit) t
            UNION ALL SELECT "ArticleId", 1.0::float8 FROM (SELECT "ArticleId" FROM "ArticleSearch" WHERE {Document} @@ @match::tsquery ORDER BY "ArticleId" DESC LIMIT @limit) b
            """,
            new NpgsqlParameter("title", All(query.Terms.Select(t => Any(t.Forms)))),
            new NpgsqlParameter("match", match.Value),
            new NpgsqlParameter("limit", Math.Min(needed, limit))), Capped: true);
    }

    public Task<List<int>> NewestWithTitleTermAsync(MadarDb db, SearchTerm term, int limit, CancellationToken ct) =>
        // Titles only, forms only (no skeletons): see SqliteArticleSearch.
        db.Database.SqlQueryRaw<int>(
                """SELECT "ArticleId" AS "Value" FROM "ArticleSearch" WHERE "Title" @@ @match::tsquery ORDER BY "ArticleId" DESC LIMIT @limit""",
                new NpgsqlParameter("match", Any(term.Forms)), new NpgsqlParameter("limit", limit))
            .ToListAsync(ct);

    /// <summary>One term: any of its forms, or any of its skeletons.</summary>
    private static string TermQuery(SearchTerm term) => Any(TermLexemes(term));

    private static IEnumerable<string> TermLexemes(SearchTerm term) => term.Forms.Concat(term.Skeletons.Select(s => SkeletonMark + s));

    private static string Any(IEnumerable<string> lexemes) => "(" + string.Join(" | ", lexemes.Select(Quoted)) + ")";

    private static string All(IEnumerable<string> parts) => string.Join(" & ", parts);

    // A quoted lexeme is taken as it is by tsquery and tsvector input: no parser, no dictionary. Terms are letters and
    // digits only (SearchQuery), and the escapes make anything else plain text as well.
    private static string Quoted(string lexeme) =>
        "'" + lexeme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// The tsvector literal of one field: skeletons (C), then forms without prefixes (B), then the words in order (A).
    /// The positions only carry the weights; the skeletons and forms come first because they are listed once each, so
    /// they keep distinct positions in a body longer than the last position (where every further word shares it).
    /// </summary>
    internal static string Vector(string words, string stems, string skeletons)
    {
        var positions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var position = 0;
        Add(skeletons, SkeletonMark, 'C');
        Add(stems, "", 'B');
        Add(words, "", 'A');
        var text = new StringBuilder();
        foreach (var (lexeme, at) in positions)
        {
            if (text.Length > 0) text.Append(' ');
            text.Append(Quoted(lexeme)).Append(':').AppendJoin(',', at);
        }
        return text.ToString();

        void Add(string field, string mark, char weight)
        {
            foreach (var word in field.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                position = Math.Min(position + 1, MaxPosition);
                var list = positions.TryGetValue(mark + word, out var known) ? known : positions[mark + word] = [];
                if (list.Count < MaxPositionsPerLexeme) list.Add($"{position}{weight}");
            }
        }
    }

    public void Apply(MadarDb db, IReadOnlyList<ArticleIndexChange> changes)
    {
        using var writer = new Writer(db);
        foreach (var change in changes)
            writer.Bind(change).ExecuteNonQuery();
    }

    public async Task ApplyAsync(MadarDb db, IReadOnlyList<ArticleIndexChange> changes, CancellationToken ct)
    {
        await using var writer = new Writer(db);
        await writer.WriteAsync(changes, ct);
    }

    public Task<int> RebuildAsync(MadarDb db, CancellationToken ct) =>
        IndexRebuild.RunAsync(db, pages, log, () => db.Database.ExecuteSqlRawAsync("""DELETE FROM "ArticleSearch" """, ct), () => new Writer(db), ct);

    public async Task EnsureCurrentAsync(MadarDb db, CancellationToken ct)
    {
        if (!await SearchDocument.IndexIsCurrentAsync(db, log, ct)) await RebuildAsync(db, ct);
    }

    /// <summary>Two prepared commands on the context's connection and transaction, reused for every article of a save.</summary>
    private sealed class Writer : IIndexWriter, IDisposable
    {
        private readonly DbCommand _upsert;
        private readonly DbCommand _delete;

        public Writer(MadarDb db)
        {
            _upsert = PreparedCommands.InTransaction(db, Upsert, "@id", "@title", "@body");
            _delete = PreparedCommands.InTransaction(db, Delete, "@id");
        }

        public async Task WriteAsync(IReadOnlyList<ArticleIndexChange> changes, CancellationToken ct)
        {
            foreach (var change in changes)
                await Bind(change).ExecuteNonQueryAsync(ct);
        }

        /// <summary>The command that brings the article's entry in line: written, or taken out.</summary>
        public DbCommand Bind(ArticleIndexChange change)
        {
            if (change.Document is not { } d)
            {
                _delete.Parameters[0].Value = change.ArticleId;
                return _delete;
            }
            _upsert.Parameters[0].Value = change.ArticleId;
            _upsert.Parameters[1].Value = Vector(d.Title, d.TitleStems, d.TitleSkeletons);
            _upsert.Parameters[2].Value = Vector(d.Body, d.BodyStems, d.BodySkeletons);
            return _upsert;
        }

        public void Dispose()
        {
            _upsert.Dispose();
            _delete.Dispose();
        }

        public async ValueTask DisposeAsync()
        {
            await _upsert.DisposeAsync();
            await _delete.DisposeAsync();
        }
    }
}
