using System.Diagnostics;
using System.Security.Cryptography;
using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Seeding;

/// <summary>
/// Upserts the seed folder into the database, keyed by file name. Plain service, no web dependency: the
/// start-up import, the tests and a command line can all call it.
/// </summary>
public sealed class SeedImporter(MadarDb db, MarkdownRenderer renderer, TimeProvider clock, ILogger<SeedImporter> log)
{
    public async Task<SeedImportSummary> ImportFolderAsync(string folder, int batchSize = 1000, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
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

        var pending = 0;
        foreach (var file in SeedFiles(folder))
        {
            ct.ThrowIfCancellationRequested();
            summary.Seen++;
            var key = Path.GetFileNameWithoutExtension(file.Name);
            var modifiedAt = file.LastWriteTimeUtc;
            known.TryGetValue(key, out var existing);

            // Cheapest check first: same size and time as last import means the same file.
            if (existing is not null && existing.Length == file.Length && existing.ModifiedAt == modifiedAt)
            {
                summary.Unchanged++;
                continue;
            }
            if (file.Length > SeedFileParser.MaxBytes)
            {
                Skip(file.Name, $"larger than 1 MiB ({file.Length} bytes)");
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(file.FullName, ct);
            var hash = Convert.ToHexString(SHA256.HashData(bytes));
            if (existing is not null && existing.Hash == hash)
            {
                await db.Articles.Where(a => a.Id == existing.Id).ExecuteUpdateAsync(
                    u => u.SetProperty(a => a.SeedLength, file.Length).SetProperty(a => a.SeedModifiedAt, modifiedAt), ct);
                summary.Unchanged++;
                continue;
            }

            var parsed = SeedFileParser.Parse(bytes);
            if (parsed.Article is not { } seed)
            {
                Skip(file.Name, parsed.Error!);
                continue;
            }
            if (existing is { EditedInSite: true })
            {
                log.LogWarning("Seed file {SeedFile} changed but its article {ArticleId} was edited in the site; keeping the editor's version", file.Name, existing.Id);
                summary.Unchanged++;
                continue;
            }

            if (!sections.TryGetValue(seed.Section, out var sectionId))
            {
                var section = new Section { Name = seed.Section, Position = nextPosition++ };
                db.Sections.Add(section);
                await db.SaveChangesAsync(ct); // a new section needs its id before its articles
                sections.Add(section.Name, sectionId = section.Id);
            }

            var article = existing is null ? null : await db.Articles.FindAsync([existing.Id], ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (article is null)
            {
                article = new Article
                {
                    SeedKey = key, Title = "", Slug = "", BodyMarkdown = "", BodyHtml = "", BodyText = "", Excerpt = "",
                    Status = ArticleStatus.Published,
                    PublishedAt = now, // seeds carry no date: the first import is the publication time
                    CreatedAt = now,
                };
                db.Articles.Add(article);
                summary.Imported++;
            }
            else
            {
                summary.Updated++;
            }
            Fill(article, seed, sectionId, now);
            article.SeedHash = hash;
            article.SeedLength = file.Length;
            article.SeedModifiedAt = modifiedAt;

            if (++pending >= batchSize)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        summary.ElapsedMs = stopwatch.ElapsedMilliseconds;
        log.LogInformation(
            "Seed import of {SeedFolder}: {Seen} files seen, {Imported} imported, {Updated} updated, {Unchanged} unchanged, {Skipped} skipped in {ElapsedMs} ms",
            folder, summary.Seen, summary.Imported, summary.Updated, summary.Unchanged, summary.Skipped, summary.ElapsedMs);
        return summary;

        void Skip(string fileName, string reason)
        {
            summary.Skipped++;
            log.LogWarning("Seed file {SeedFile} skipped: {Reason}", fileName, reason);
        }
    }

    private void Fill(Article article, SeedArticle seed, int sectionId, DateTime now)
    {
        var markdown = seed.ToMarkdown();
        var rendered = renderer.Render(markdown);
        article.Title = seed.Title;
        article.Slug = Slug.FromTitle(seed.Title);
        article.SectionId = sectionId;
        article.BodyMarkdown = markdown;
        article.BodyHtml = rendered.Html;
        article.BodyText = rendered.Text;
        article.Excerpt = Excerpt.From(article.Summary, rendered.Text);
        article.UpdatedAt = now;
    }

    /// <summary>The folder's <c>*.txt</c> files, hidden ones left out, in a stable order.</summary>
    private static IEnumerable<FileInfo> SeedFiles(string folder) =>
        new DirectoryInfo(folder)
            .EnumerateFiles("*.txt", new EnumerationOptions { AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, MatchCasing = MatchCasing.CaseInsensitive })
            .Where(f => !f.Name.StartsWith('.'))
            .OrderBy(f => f.Name, StringComparer.Ordinal);

    private sealed record KnownSeed(int Id, string Key, long? Length, DateTime? ModifiedAt, string? Hash, bool EditedInSite);
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
