using System.Text;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Articles;
using Madar21.Web.Models;
using Madar21.Web.Search;
using Madar21.Web.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Madar21.Tests.Seeding;

/// <summary>The optional header block of a seed file, through the importer and the database.</summary>
public sealed class SeedHeaderImportTests : IDisposable
{
    private const string Body = "سياسة\n\nالتحالف يجتمع في الرباط\n\nفقرة أولى.\n";
    private readonly TestDatabase _database = new();
    private readonly string _folder;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 5, 10, 9, 30, 0, TimeSpan.Zero));
    private readonly ListLogger<SeedImporter> _log = new();

    public SeedHeaderImportTests()
    {
        _folder = Path.Combine(_database.Root, "seeds");
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => _database.Dispose();

    private async Task<SeedImportSummary> ImportAsync()
    {
        await using var db = _database.NewContext();
        return await new SeedImporter(db, new MarkdownRenderer(), new SqliteArticleSearch(NullLogger<SqliteArticleSearch>.Instance), null, _clock, _log).ImportFolderAsync(_folder);
    }

    private void Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        File.SetLastWriteTimeUtc(path, _clock.GetUtcNow().UtcDateTime.AddMinutes(Directory.GetFiles(_folder).Length));
    }

    private async Task<int> PictureAsync()
    {
        await using var db = _database.NewContext();
        var picture = new MediaItem { Alt = "صورة", SearchText = "صوره", OriginalName = "abc", UploadedBy = "staff-1", UploadedAt = _clock.GetUtcNow().UtcDateTime };
        db.Media.Add(picture);
        await db.SaveChangesAsync();
        return picture.Id;
    }

    [Fact]
    public async Task The_header_gives_the_article_its_date_slug_tags_and_lead_picture()
    {
        var picture = await PictureAsync();
        Write("a.txt", $"date: 2024-05-20 10:30\nauthor: هيئة التحرير\ntags: التحالف الدولي، الأمن\nslug: alliance-rabat\nimage: {picture}\n\n{Body}");
        Write("b.txt", "tags: التَّحالف الدولى\n\nسياسة\n\nمقال ثان\n\nفقرة.\n");

        var summary = await ImportAsync();

        Assert.Equal((2, 0), (summary.Imported, summary.Skipped));
        await using var db = _database.NewContext();
        var a = await db.Articles.SingleAsync(x => x.SeedKey == "a");
        Assert.Equal(new DateTime(2024, 5, 20, 9, 30, 0, DateTimeKind.Utc), a.PublishedAt);
        Assert.Equal(ArticleStatus.Published, a.Status);
        Assert.Equal("alliance-rabat", a.Slug);
        Assert.Equal(picture, a.LeadMediaId);
        var tags = await db.ArticleTags.Where(t => t.ArticleId == a.Id).Select(t => new { t.Tag!.Name, t.ListedAt }).ToListAsync();
        Assert.Equal(["الأمن", "التحالف الدولي"], tags.Select(t => t.Name).Order());
        Assert.All(tags, t => Assert.Equal(a.PublishedAt, t.ListedAt));
        // The second file's spelling is the same tag: two tags in all, the first spelling kept.
        Assert.Equal(2, await db.Tags.CountAsync());
        Assert.Equal(2, await db.ArticleTags.CountAsync(t => t.Tag!.Name == "التحالف الدولي"));
    }

    [Fact]
    public async Task The_header_author_credits_the_staff_profile_of_that_name_and_an_unknown_name_the_desk()
    {
        int profile;
        await using (var db = _database.NewContext())
        {
            db.Users.Add(new Microsoft.AspNetCore.Identity.IdentityUser { Id = "staff-1", UserName = "staff-1" });
            var suad = new StaffProfile { UserId = "staff-1", DisplayName = "سعاد العلوي", Slug = "سعاد-العلوي" };
            db.StaffProfiles.Add(suad);
            await db.SaveChangesAsync();
            profile = suad.Id;
        }
        Write("a.txt", $"date: 2024-05-20 10:30\nauthor: سعاد العلوي\n\n{Body}");
        Write("b.txt", "author: كاتب لا حساب له\n\nسياسة\n\nمقال ثان\n\nفقرة.\n");

        Assert.Equal(2, (await ImportAsync()).Imported);

        await using var check = _database.NewContext();
        var a = await check.Articles.SingleAsync(x => x.SeedKey == "a");
        var byline = await check.ArticleAuthors.SingleAsync(x => x.ArticleId == a.Id);
        // Credited, and listed on her page at the header's date (the byline's copy of the publication time).
        Assert.Equal((profile, a.PublishedAt), (byline.ProfileId, byline.PublishedAt));
        var b = await check.Articles.SingleAsync(x => x.SeedKey == "b");
        Assert.False(await check.ArticleAuthors.AnyAsync(x => x.ArticleId == b.Id));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("b.txt") && e.Message.Contains("كاتب لا حساب له"));
    }

    [Fact]
    public async Task A_file_without_a_header_imports_exactly_as_before()
    {
        Write("plain.txt", Body);

        await ImportAsync();

        await using var db = _database.NewContext();
        var article = await db.Articles.SingleAsync();
        Assert.Equal((_clock.GetUtcNow().UtcDateTime, Slug.FromTitle("التحالف يجتمع في الرباط"), (int?)null), (article.PublishedAt!.Value, article.Slug, article.LeadMediaId));
        Assert.Equal(0, await db.ArticleTags.CountAsync());
    }

    [Fact]
    public async Task An_unknown_image_imports_without_a_lead_picture_and_logs_a_warning()
    {
        Write("a.txt", $"image: 999\n\n{Body}");
        Write("b.txt", "image: photo.jpg\n\nسياسة\n\nمقال ثان\n\nفقرة.\n");

        var summary = await ImportAsync();

        Assert.Equal(2, summary.Imported);
        await using var db = _database.NewContext();
        Assert.All(await db.Articles.ToListAsync(), a => Assert.Null(a.LeadMediaId));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("a.txt") && e.Message.Contains("999"));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("b.txt") && e.Message.Contains("photo.jpg"));
    }

    [Fact]
    public async Task A_bad_date_skips_the_file_with_its_reason_like_any_bad_file()
    {
        Write("bad.txt", $"date: البارحة\n\n{Body}");
        Write("good.txt", "سياسة\n\nمقال سليم\n\nفقرة.\n");

        var summary = await ImportAsync();

        Assert.Equal((1, 1), (summary.Imported, summary.Skipped));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("bad.txt") && e.Message.Contains("is not a date"));
    }

    [Fact]
    public async Task A_date_ahead_imports_the_article_scheduled()
    {
        Write("later.txt", $"date: 2025-06-01 08:00\n\n{Body}");

        await ImportAsync();

        await using var db = _database.NewContext();
        Assert.Equal(ArticleStatus.Scheduled, (await db.Articles.SingleAsync()).Status);
    }

    [Fact]
    public async Task A_changed_file_takes_its_new_header_tags_and_date()
    {
        Write("a.txt", $"date: 2024-05-20 10:30\ntags: الأمن، الصحة\n\n{Body}");
        await ImportAsync();
        _clock.Advance(TimeSpan.FromDays(1));
        Write("a.txt", $"date: 2024-05-21 10:30\ntags: الصحه، الاقتصاد\n\n{Body}");

        var summary = await ImportAsync();

        Assert.Equal(1, summary.Updated);
        await using var db = _database.NewContext();
        var article = await db.Articles.SingleAsync();
        Assert.Equal(new DateTime(2024, 5, 21, 9, 30, 0, DateTimeKind.Utc), article.PublishedAt);
        var tags = await db.ArticleTags.Where(t => t.ArticleId == article.Id).Select(t => new { t.Tag!.Name, t.ListedAt }).ToListAsync();
        Assert.Equal(["الاقتصاد", "الصحة"], tags.Select(t => t.Name).Order());
        Assert.All(tags, t => Assert.Equal(article.PublishedAt, t.ListedAt));
    }

    [Fact]
    public async Task A_changed_file_without_a_header_takes_its_tags_and_byline_off_and_keeps_the_date()
    {
        await using (var db = _database.NewContext())
        {
            db.Users.Add(new Microsoft.AspNetCore.Identity.IdentityUser { Id = "staff-1", UserName = "staff-1" });
            db.StaffProfiles.Add(new StaffProfile { UserId = "staff-1", DisplayName = "سعاد العلوي", Slug = "سعاد-العلوي" });
            await db.SaveChangesAsync();
        }
        Write("a.txt", $"date: 2024-05-20 10:30\nauthor: سعاد العلوي\ntags: الأمن\n\n{Body}");
        Write("b.txt", "سياسة\n\nمقال ثان\n\nفقرة.\n"); // beside it, one that never had any
        await ImportAsync();
        _clock.Advance(TimeSpan.FromDays(1));
        Write("a.txt", Body + "فقرة جديدة.\n");
        Write("b.txt", "سياسة\n\nمقال ثان\n\nفقرة أخرى.\n");

        await using (var before = _database.NewContext())
            Assert.Equal((1, 1), (await before.ArticleTags.CountAsync(), await before.ArticleAuthors.CountAsync()));

        var summary = await ImportAsync();

        Assert.Equal(2, summary.Updated);
        await using var check = _database.NewContext();
        var a = await check.Articles.SingleAsync(x => x.SeedKey == "a");
        Assert.Equal(new DateTime(2024, 5, 20, 9, 30, 0, DateTimeKind.Utc), a.PublishedAt);
        Assert.False(await check.ArticleTags.AnyAsync());
        Assert.False(await check.ArticleAuthors.AnyAsync());
    }
}
