using System.Diagnostics;
using System.Security.Cryptography;
using Madar21.Web.Articles;
using Madar21.Web.Authors;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Search;
using Madar21.Web.Site.Caching;
using Madar21.Web.Tags;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Seeding;

/// <summary>
/// Upserts the seed folder into the database, keyed by file name. Plain service, no web dependency: the
/// start-up import, the tests and a command line can all call it.
/// </summary>
/// <remarks>
/// Files are taken a batch at a time: reading, hashing, parsing, rendering and the search terms run on every core
/// while the previous batch is being saved; saving stays on one thread, one transaction a batch, with prepared
/// commands (<see cref="SeedBatchWriter"/>); the batch then does what SaveChanges does for other writers: the search
/// index, the related-lists queue, the page cache. Memory holds two batches at most, whatever the folder's size.
/// </remarks>
public sealed class SeedImporter(
    MadarDb db, MarkdownRenderer renderer, IArticleSearch search, PageCache? pages, TimeProvider clock, ILogger<SeedImporter> log)
{
    public async Task<SeedImportSummary> ImportFolderAsync(string folder, int batchSize = 1000, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime; // the wall time alone measures the neighbours on a shared machine
        var summary = new SeedImportSummary();
        if (!Directory.Exists(folder))
        {
            log.LogWarning("Seed folder {SeedFolder} does not exist; nothing imported", folder);
            return summary;
        }

        var known = await db.Articles.AsNoTracking()
            .Where(a => a.SeedKey != null)
            .Select(a => new KnownSeed(a.Id, a.SeedKey!, a.SeedLength, a.SeedModifiedAt, a.SeedHash, a.EditedInSite))
            .ToDictionaryAsync(a => a.Key, StringComparer.Ordinal, ct);
        var sections = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, StringComparer.Ordinal, ct);
        var nextPosition = await db.Sections.MaxAsync(s => (int?)s.Position, ct) + 1 ?? 0;

        Task<PreparedSeed[]>? preparing = null;
        foreach (var batch in ChangedFiles(folder, known, summary).Chunk(Math.Max(1, batchSize)))
        {
            var next = Task.Run(() => Prepare(batch, ct), ct);
            if (preparing is not null) await SaveAsync(await preparing);
            preparing = next;
        }
        if (preparing is not null) await SaveAsync(await preparing);

        summary.ElapsedMs = stopwatch.ElapsedMilliseconds;
        var cpuMs = (long)(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        log.LogInformation(
            "Seed import of {SeedFolder}: {Seen} files seen, {Imported} imported, {Updated} updated, {Unchanged} unchanged, {Skipped} skipped in {ElapsedMs} ms ({CpuMs} ms of the process's CPU)",
            folder, summary.Seen, summary.Imported, summary.Updated, summary.Unchanged, summary.Skipped, summary.ElapsedMs, cpuMs);
        return summary;

        async Task SaveAsync(PreparedSeed[] prepared)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var indexChanges = new List<ArticleIndexChange>();
            var tagged = new List<(int Id, IReadOnlyList<string> Tags, DateTime? ListedAt)>();
            var credited = new List<(int Id, string? Author, string File)>();
            var now = clock.GetUtcNow().UtcDateTime;
            var owned = await TagsAndBylinesAsync(prepared);
            await using (var writer = new SeedBatchWriter(db))
            {
                foreach (var item in prepared)
                {
                    ct.ThrowIfCancellationRequested();
                    var existing = item.Existing;
                    if (item.Error is { } error)
                    {
                        summary.Skipped++;
                        log.LogWarning("Seed file {SeedFile} skipped: {Reason}", item.File.Name, error);
                        continue;
                    }
                    if (item.Seed is null)
                    {
                        // Same bytes under a new time (a copy, a checkout): remember the new stat for next time.
                        await writer.RestatAsync(existing!.Id, item.File.Length, item.File.LastWriteTimeUtc, ct);
                        summary.Unchanged++;
                        continue;
                    }
                    if (existing is { EditedInSite: true })
                    {
                        log.LogWarning("Seed file {SeedFile} changed but its article {ArticleId} was edited in the site; keeping the editor's version", item.File.Name, existing.Id);
                        summary.Unchanged++;
                        continue;
                    }

                    var seed = item.Seed;
                    if (!sections.TryGetValue(seed.Section, out var sectionId))
                    {
                        var section = new Section { Name = seed.Section, Position = nextPosition++ };
                        db.Sections.Add(section);
                        await db.SaveChangesAsync(ct); // a new section needs its id before its articles
                        sections.Add(section.Name, sectionId = section.Id);
                    }

                    var row = Row(item, sectionId) with { LeadMediaId = await LeadPictureAsync(item, ct) };
                    int id;
                    if (existing is null)
                    {
                        id = await writer.InsertAsync(row, now, ct);
                        summary.Imported++;
                    }
                    else
                    {
                        await writer.UpdateAsync(id = existing.Id, row, now, ct);
                        summary.Updated++;
                    }
                    indexChanges.Add(new ArticleIndexChange(id, item.Document) { IsNew = existing is null });
                    // An updated file's tags and byline replace its article's: work only where either side has some.
                    if (seed.Meta.Tags.Count > 0 || existing is not null && owned.Tagged.Contains(id))
                        tagged.Add((id, seed.Meta.Tags, existing is null ? row.PublishedAt ?? now : null));
                    if (seed.Meta.Author is not null || existing is not null && owned.Credited.Contains(id))
                        credited.Add((id, seed.Meta.Author, item.File.Name));
                }
            }
            await TagAsync(tagged, now);
            await CreditAsync(credited);
            // What SaveChanges does for the other writers: the search index in the same transaction, the related
            // lists queued for the background worker, then the cached pages evicted once committed.
            await search.ApplyAsync(db, indexChanges, ct);
            RelatedLists.Enqueue(db, indexChanges.Select(c => c.ArticleId));
            await transaction.CommitAsync(ct);
            if (indexChanges.Count > 0 && pages is not null) // none below HTTP (tools, tests)
                await pages.EvictAsync([CacheTags.Lists], ct);
        }

        /// <summary>Which of the batch's existing articles have tags, and which a byline, in two queries.</summary>
        async Task<(HashSet<int> Tagged, HashSet<int> Credited)> TagsAndBylinesAsync(PreparedSeed[] prepared)
        {
            var ids = prepared.Where(p => p.Existing is not null && p.Seed is not null).Select(p => p.Existing!.Id).ToList();
            if (ids.Count == 0) return ([], []);
            var tagged = await db.ArticleTags.Where(t => ids.Contains(t.ArticleId)).Select(t => t.ArticleId).Distinct().ToListAsync(ct);
            var credited = await db.ArticleAuthors.Where(a => ids.Contains(a.ArticleId)).Select(a => a.ArticleId).Distinct().ToListAsync(ct);
            return (tagged.ToHashSet(), credited.ToHashSet());
        }

        /// <summary>
        /// The header's byline, in the batch's transaction: the staff profile of that display name; the desk when the
        /// header names none, or a name no profile has (with a warning). An updated file's byline replaces its article's.
        /// </summary>
        async Task CreditAsync(List<(int Id, string? Author, string File)> credited)
        {
            if (credited.Count == 0) return;
            var names = credited.Where(c => c.Author is not null).Select(c => c.Author!).Distinct().ToList();
            var profiles = await db.StaffProfiles.AsNoTracking().Where(p => names.Contains(p.DisplayName))
                .GroupBy(p => p.DisplayName).Select(g => new { Name = g.Key, Id = g.Min(p => p.Id) })
                .ToDictionaryAsync(p => p.Name, p => p.Id, StringComparer.Ordinal, ct);
            foreach (var (id, author, file) in credited)
            {
                int? profile = author is not null && profiles.TryGetValue(author, out var found) ? found : null;
                if (author is not null && profile is null)
                    log.LogWarning("Seed file {SeedFile}: no staff profile is named {Author}; credited to the desk", file, author);
                var article = await db.Articles.Include(a => a.Authors).FirstAsync(a => a.Id == id, ct);
                ArticleAuthors.Set(db, article, profile is { } p ? [p] : []);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        /// <summary>
        /// The batch's tags, in its transaction: an updated file's tags replace its article's (none when its header has
        /// none), listed at the article's publication time.
        /// </summary>
        async Task TagAsync(List<(int Id, IReadOnlyList<string> Tags, DateTime? ListedAt)> tagged, DateTime now)
        {
            if (tagged.Count == 0) return;
            foreach (var (id, tags, listedAt) in tagged)
            {
                var at = listedAt ?? await db.Articles.Where(a => a.Id == id).Select(a => a.Status == ArticleStatus.Draft ? null : a.PublishedAt).FirstOrDefaultAsync(ct);
                await Tagging.SetAsync(db, id, tags, at, now, ct);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The header's picture when the library has it; otherwise none, and a warning naming the file.</summary>
    private async Task<int?> LeadPictureAsync(PreparedSeed item, CancellationToken ct)
    {
        if (item.Seed!.Meta.Image is not { } image) return null;
        if (item.Seed.Meta.ImageId is { } id && await db.Media.AnyAsync(m => m.Id == id, ct)) return id;
        log.LogWarning("Seed file {SeedFile}: image {Image} is not a picture of the media library (give its number); imported without a lead picture",
            item.File.Name, image);
        return null;
    }

    /// <summary>The files whose size or time differ from their last import (the cheapest check, on one thread).</summary>
    private static IEnumerable<(FileInfo File, string Key, KnownSeed? Existing)> ChangedFiles(
        string folder, Dictionary<string, KnownSeed> known, SeedImportSummary summary)
    {
        foreach (var file in SeedFiles(folder))
        {
            summary.Seen++;
            var key = Path.GetFileNameWithoutExtension(file.Name);
            known.TryGetValue(key, out var existing);
            if (existing is not null && existing.Length == file.Length && existing.ModifiedAt == file.LastWriteTimeUtc)
            {
                summary.Unchanged++;
                continue;
            }
            yield return (file, key, existing);
        }
    }

    /// <summary>Reads, hashes, parses and renders a batch on all cores; touches no shared state but the renderer.</summary>
    private PreparedSeed[] Prepare((FileInfo File, string Key, KnownSeed? Existing)[] batch, CancellationToken ct)
    {
        var prepared = new PreparedSeed[batch.Length];
        Parallel.For(0, batch.Length, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var (file, key, existing) = batch[i];
            prepared[i] = PrepareOne(file, key, existing);
        });
        return prepared;
    }

    private PreparedSeed PrepareOne(FileInfo file, string key, KnownSeed? existing)
    {
        if (file.Length > SeedFileParser.MaxBytes)
            return new PreparedSeed(file, key, existing) { Error = SeedFileParser.TooLarge(file.Length) };

        var bytes = File.ReadAllBytes(file.FullName);
        var hash = Convert.ToHexString(SHA256.HashData(bytes));
        if (existing is not null && existing.Hash == hash)
            return new PreparedSeed(file, key, existing);

        var parsed = SeedFileParser.Parse(bytes);
        if (parsed.Article is not { } seed)
            return new PreparedSeed(file, key, existing) { Error = parsed.Error };
        if (existing is { EditedInSite: true })
            return new PreparedSeed(file, key, existing) { Seed = seed, Hash = hash };

        var markdown = seed.ToMarkdown();
        var rendered = renderer.Render(markdown);
        return new PreparedSeed(file, key, existing)
        {
            Seed = seed, Hash = hash, Markdown = markdown, Rendered = rendered,
            Document = SearchDocument.From(seed.Title, null, rendered.Text),
        };
    }

    private static SeedRow Row(PreparedSeed item, int sectionId)
    {
        var seed = item.Seed!;
        var rendered = item.Rendered!;
        return new SeedRow(item.Key, seed.Title, seed.Meta.Slug ?? Slug.FromTitle(seed.Title), sectionId, item.Hash!,
            item.File.Length, item.File.LastWriteTimeUtc, ArticleBody.From(item.Markdown!, rendered, summary: null), seed.Meta.PublishedAt);
    }

    /// <summary>The folder's <c>*.txt</c> files, hidden ones left out, in a stable order.</summary>
    private static IEnumerable<FileInfo> SeedFiles(string folder) =>
        new DirectoryInfo(folder)
            .EnumerateFiles("*.txt", new EnumerationOptions { AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, MatchCasing = MatchCasing.CaseInsensitive })
            .Where(f => !f.Name.StartsWith('.'))
            .OrderBy(f => f.Name, StringComparer.Ordinal);

    private sealed record KnownSeed(int Id, string Key, long? Length, DateTime? ModifiedAt, string? Hash, bool EditedInSite);

    /// <summary>
    /// One file after the parallel stage: an <see cref="Error"/>; no <see cref="Seed"/> when the bytes are those of
    /// the last import; otherwise the parsed seed, rendered unless an editor owns the article now.
    /// </summary>
    private sealed record PreparedSeed(FileInfo File, string Key, KnownSeed? Existing)
    {
        public string? Error { get; init; }
        public SeedArticle? Seed { get; init; }
        public string? Hash { get; init; }
        public string? Markdown { get; init; }
        public RenderedMarkdown? Rendered { get; init; }
        public SearchDocument? Document { get; init; }
    }
}

public sealed class SeedImportSummary
{
    public int Seen { get; set; }
    public int Imported { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public long ElapsedMs { get; set; }
}
