using Madar21.Web.Admin;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Search;
using Madar21.Web.Site.Caching;
using Madar21.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Media;

/// <summary>What an editor says about a picture: alt text (required), caption and credit.</summary>
public sealed record PictureText(string? Alt, string? Caption, string? Credit)
{
    public static class Fields
    {
        public const string Alt = nameof(PictureText.Alt);
        public const string Caption = nameof(PictureText.Caption);
        public const string Credit = nameof(PictureText.Credit);
    }

    /// <summary>The rules, each with its Arabic message, named by the form field.</summary>
    /// <summary>These words, each one left empty taken from <paramref name="fallback"/> (a batch's words for each of its files).</summary>
    public PictureText Or(PictureText fallback) => new(
        string.IsNullOrWhiteSpace(Alt) ? fallback.Alt : Alt,
        string.IsNullOrWhiteSpace(Caption) ? fallback.Caption : Caption,
        string.IsNullOrWhiteSpace(Credit) ? fallback.Credit : Credit);

    public IReadOnlyList<(string Field, string Message)> Errors()
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Alt)) errors.Add((Fields.Alt, "اكتب نصاً بديلاً يصف الصورة لمن لا يراها."));
        else if (Alt.Trim().Length > MediaItem.AltMaxLength) errors.Add((Fields.Alt, $"النص البديل أطول من {ArabicPlural.Format(MediaItem.AltMaxLength, ArabicPlural.Characters, ArabicCase.Oblique)}."));
        if (Caption?.Trim().Length > MediaItem.CaptionMaxLength) errors.Add((Fields.Caption, $"التعليق أطول من {ArabicPlural.Format(MediaItem.CaptionMaxLength, ArabicPlural.Characters, ArabicCase.Oblique)}."));
        if (Credit?.Trim().Length > MediaItem.CreditMaxLength) errors.Add((Fields.Credit, $"المصدر أطول من {ArabicPlural.Format(MediaItem.CreditMaxLength, ArabicPlural.Characters, ArabicCase.Oblique)}."));
        return errors;
    }
}

/// <summary>
/// The media library's writes: a processed upload stored and recorded, a picture deleted (its articles keep
/// working, without it), every picture processed again from its original (<c>--reprocess-media</c>).
/// </summary>
public sealed class MediaLibrary(
    MadarDb db, IMediaStore store, PictureProcessor processor, BodyPictures bodyPictures, PageCache pages, TimeProvider clock,
    AuditTrail audit, ILogger<MediaLibrary> log)
{
    public async Task<MediaItem> AddAsync(PictureProcessing picture, byte[] original, PictureText text, string staffId, CancellationToken ct)
    {
        await store.WriteAsync(MediaArea.Originals, picture.OriginalName!, original, ct);
        foreach (var file in picture.Files)
            await store.WriteAsync(MediaArea.Public, file.Name, file.Bytes, ct);
        var alt = TextCleaning.Line(text.Alt!);
        var caption = Optional(text.Caption);
        var credit = Optional(text.Credit);
        var item = db.Media.Add(new MediaItem
        {
            Alt = alt, Caption = caption, Credit = credit, SearchText = SearchTextOf(alt, caption, credit),
            OriginalName = picture.OriginalName!, Width = picture.Width, Height = picture.Height,
            UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = staffId, Variants = VariantsOf(picture),
        }).Entity;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditAction.MediaUploaded, $"media {item.Id}", ct: ct);
        log.LogInformation("Staff {UserId} uploaded media {MediaId} ({Width}×{Height}, {Files} files)", staffId, item.Id, item.Width, item.Height, picture.Files.Count);
        return item;
    }

    /// <summary>
    /// Changes what the picture says (alt text, caption, credit). The pages that show it go from the cache: the
    /// bodies that place it are written again (their HTML carries its words), the pages of the articles it leads and
    /// every list (cards carry its alt text) are evicted. Null when there is no such picture.
    /// </summary>
    public async Task<bool> EditAsync(int id, PictureText text, string staffId, CancellationToken ct)
    {
        var item = await db.Media.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (item is null) return false;
        item.Alt = TextCleaning.Line(text.Alt!);
        item.Caption = Optional(text.Caption);
        item.Credit = Optional(text.Credit);
        item.SearchText = SearchTextOf(item.Alt, item.Caption, item.Credit);
        await db.SaveChangesAsync(ct);
        // After the save: the bodies render from the picture as stored.
        if (await bodyPictures.RenderAgainAsync(id, leaving: false, ct) > 0)
            await db.SaveChangesAsync(ct);
        var leads = await db.Articles.Where(a => a.LeadMediaId == id).Select(a => a.Id).ToListAsync(ct);
        await pages.EvictAsync([CacheTags.Lists, .. leads.Select(CacheTags.Article)], ct);
        await audit.RecordAsync(AuditAction.MediaEdited, $"media {id}", ct: ct);
        log.LogInformation("Staff {UserId} edited media {MediaId}, lead picture of {Articles} articles", staffId, id, leads.Count);
        return true;
    }

    /// <summary>
    /// Deletes the picture; the articles that led with it lose their lead picture (the foreign key sets it to null,
    /// and the tracked articles evict their cached pages), the bodies that showed it are written without it (their
    /// Markdown keeps the reference, which the editor asks to remove at the next save). Files another picture shares
    /// (the same upload twice) stay.
    /// </summary>
    public async Task<bool> DeleteAsync(int id, string staffId, CancellationToken ct)
    {
        var item = await db.Media.Include(m => m.Variants).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (item is null) return false;
        // Loaded so that the change tracker sees them change, and the page cache evicts them.
        var articles = await db.Articles.Where(a => a.LeadMediaId == id).ToListAsync(ct);
        foreach (var article in articles)
        {
            article.LeadMediaId = null;
            article.LeadCaption = null;
        }
        var bodies = await bodyPictures.RenderAgainAsync(id, leaving: true, ct);
        var names = item.Variants.Select(v => v.Name).ToList();
        db.Media.Remove(item);
        await db.SaveChangesAsync(ct);
        await DeleteUnusedFilesAsync(names, item.OriginalName, ct);
        await audit.RecordAsync(AuditAction.MediaDeleted, $"media {id}", ct: ct);
        log.LogInformation("Staff {UserId} deleted media {MediaId}, lead picture of {Articles} articles, in the body of {Bodies}", staffId, id, articles.Count, bodies);
        return true;
    }

    /// <summary>Processes every picture again from its original, e.g. after the widths changed; returns how many.</summary>
    public async Task<int> ReprocessAllAsync(CancellationToken ct)
    {
        var done = 0;
        var ids = await db.Media.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            var item = await db.Media.Include(m => m.Variants).FirstAsync(m => m.Id == id, ct);
            if (await store.ReadAsync(MediaArea.Originals, item.OriginalName, ct) is not { } original)
            {
                log.LogWarning("Media {MediaId}: original {Original} is missing, not reprocessed", id, item.OriginalName);
                continue;
            }
            var picture = processor.Process(original);
            if (picture.Refused)
            {
                log.LogWarning("Media {MediaId}: original no longer processes ({Reason})", id, picture.Refusal);
                continue;
            }
            foreach (var file in picture.Files)
                await store.WriteAsync(MediaArea.Public, file.Name, file.Bytes, ct);
            var previous = item.Variants.Select(v => v.Name).Except(picture.Files.Select(f => f.Name)).ToList();
            item.Variants.Clear();
            item.Variants.AddRange(VariantsOf(picture));
            (item.Width, item.Height) = (picture.Width, picture.Height);
            // The articles that show it carry the new file names: their cached pages go.
            foreach (var article in await db.Articles.Where(a => a.LeadMediaId == id).ToListAsync(ct))
                article.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            // The bodies that show it name its files in their stored HTML (the variants are saved first, so that
            // the bodies render from the new ones).
            if (await bodyPictures.RenderAgainAsync(id, leaving: false, ct) > 0)
                await db.SaveChangesAsync(ct);
            // The save evicted the cached pages that named the old files; they go unless another picture shares them.
            await DeleteUnusedFilesAsync(previous, null, ct);
            db.ChangeTracker.Clear();
            done++;
        }
        return done;
    }

    public static string SearchTextOf(string alt, string? caption, string? credit) =>
        ArabicNormalizer.Normalize(string.Join(' ', new[] { alt, caption, credit }.Where(t => !string.IsNullOrEmpty(t))));

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : TextCleaning.Line(text);

    private static List<MediaVariant> VariantsOf(PictureProcessing picture) =>
        [.. picture.Files.Select(f => new MediaVariant { Kind = f.Kind, Format = f.Format, Width = f.Width, Height = f.Height, Length = f.Bytes.Length, Name = f.Name })];

    private async Task DeleteUnusedFilesAsync(IReadOnlyCollection<string> names, string? original, CancellationToken ct)
    {
        var shared = await db.MediaVariants.Where(v => names.Contains(v.Name)).Select(v => v.Name).ToListAsync(ct);
        foreach (var name in names.Except(shared))
            store.Delete(MediaArea.Public, name);
        if (original is not null && !await db.Media.AnyAsync(m => m.OriginalName == original, ct))
            store.Delete(MediaArea.Originals, original);
    }
}
