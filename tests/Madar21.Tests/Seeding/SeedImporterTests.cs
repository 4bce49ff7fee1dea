using Microsoft.Extensions.Logging.Abstractions;
using System.Text;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Articles;
using Madar21.Web.Search;
using Madar21.Web.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Madar21.Tests.Seeding;

public sealed class SeedImporterTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly string _folder;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 5, 10, 9, 30, 0, TimeSpan.Zero));
    private readonly ListLogger<SeedImporter> _log = new();

    public SeedImporterTests()
    {
        _folder = Path.Combine(_database.Root, "seeds");
        Directory.CreateDirectory(_folder);
        File.Copy(TestPaths.SeedArticleFile, Path.Combine(_folder, "000_58416a67d00a4d59.txt"));
    }

    public void Dispose() => _database.Dispose();

    private async Task<SeedImportSummary> ImportAsync(int batchSize = 1000)
    {
        await using var db = _database.NewContext();
        return await new SeedImporter(db, new MarkdownRenderer(), new SqliteArticleSearch(NullLogger<SqliteArticleSearch>.Instance), null, _clock, _log)
            .ImportFolderAsync(_folder, batchSize);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text, new UTF8Encoding(false));

    [Fact]
    public async Task The_seed_is_imported_with_its_section_and_the_first_import_time()
    {
        var summary = await ImportAsync();

        Assert.Equal((1, 1, 0), (summary.Seen, summary.Imported, summary.Skipped));
        await using var db = _database.NewContext();
        var article = await db.Articles.Include(a => a.Section).SingleAsync();
        Assert.Equal("000_58416a67d00a4d59", article.SeedKey);
        Assert.Equal("سياسة", article.Section!.Name);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, article.PublishedAt);
        Assert.Equal(12, Html.Parse(article.BodyHtml).QuerySelectorAll("p").Length);
        Assert.StartsWith("تأكد رسميا غياب", article.Excerpt);
    }

    [Fact]
    public async Task A_second_import_of_the_same_folder_changes_nothing()
    {
        await ImportAsync();
        await using (var db = _database.NewContext())
            Assert.Equal(1, await db.Articles.CountAsync());
        _clock.Advance(TimeSpan.FromDays(1));

        var second = await ImportAsync();

        Assert.Equal((1, 0, 0, 1), (second.Seen, second.Imported, second.Updated, second.Unchanged));
        await using var check = _database.NewContext();
        Assert.Equal(1, await check.Articles.CountAsync());
        Assert.Equal(1, await check.Sections.CountAsync());
        Assert.Equal(new DateTime(2022, 5, 10, 9, 30, 0, DateTimeKind.Utc), (await check.Articles.SingleAsync()).PublishedAt);
    }

    [Fact]
    public async Task A_changed_file_updates_its_article_and_keeps_the_publication_time()
    {
        await ImportAsync();
        _clock.Advance(TimeSpan.FromHours(3));
        Write("000_58416a67d00a4d59.txt", "سياسة\n\nعنوان مصحح\n\nفقرة جديدة.\n");

        var summary = await ImportAsync();

        Assert.Equal(1, summary.Updated);
        await using var db = _database.NewContext();
        var article = await db.Articles.SingleAsync();
        Assert.Equal("عنوان مصحح", article.Title);
        Assert.Equal("عنوان-مصحح", article.Slug);
        Assert.Equal(new DateTime(2022, 5, 10, 9, 30, 0, DateTimeKind.Utc), article.PublishedAt);
    }

    [Fact]
    public async Task A_changed_file_does_not_overwrite_an_article_an_editor_has_edited()
    {
        await ImportAsync();
        await using (var db = _database.NewContext())
        {
            var article = await db.Articles.SingleAsync();
            article.Title = "عنوان المحرر";
            article.EditedInSite = true;
            await db.SaveChangesAsync();
        }
        Write("000_58416a67d00a4d59.txt", "سياسة\n\nعنوان من الملف\n\nفقرة.\n");

        await ImportAsync();

        await using var check = _database.NewContext();
        Assert.Equal("عنوان المحرر", (await check.Articles.SingleAsync()).Title);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("000_58416a67d00a4d59.txt") && e.Message.Contains("edited"));
    }

    [Fact]
    public async Task Each_bad_file_is_skipped_with_its_reason_while_good_files_beside_it_import()
    {
        Write("empty.txt", "");
        Write("no-title.txt", "سياسة\n");
        File.WriteAllBytes(Path.Combine(_folder, "latin1.txt"), [0xD8, 0xB3, 0xE9, 0x0A, 0x0A, 0xE9, 0x0A]);
        File.WriteAllBytes(Path.Combine(_folder, "image.txt"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D]);
        File.WriteAllBytes(Path.Combine(_folder, "huge.txt"), Encoding.UTF8.GetBytes("سياسة\n\nعنوان\n\n" + new string('ا', SeedFileParser.MaxBytes)));
        Write("good.txt", "اقتصاد\n\nمقال سليم\n\nفقرة سليمة.\n");
        Write("notes.md", "سياسة\n\nليس ملف بذرة\n\nفقرة.\n");
        Write(".hidden.txt", "سياسة\n\nملف مخفي\n\nفقرة.\n");

        var summary = await ImportAsync();

        Assert.Equal((7, 2, 5), (summary.Seen, summary.Imported, summary.Skipped));
        var warnings = _log.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Contains(warnings, m => m.Contains("empty.txt") && m.Contains("empty file"));
        Assert.Contains(warnings, m => m.Contains("no-title.txt") && m.Contains("no title"));
        Assert.Contains(warnings, m => m.Contains("latin1.txt") && m.Contains("not valid UTF-8"));
        Assert.Contains(warnings, m => m.Contains("image.txt") && m.Contains("binary"));
        Assert.Contains(warnings, m => m.Contains("huge.txt") && m.Contains("1 MiB"));
        await using var db = _database.NewContext();
        Assert.Equal(["مقال سليم", "رسميا.. بلينكين يغيب عن الاجتماع الوزاري للتحالف الدولي ضد “داعش”"],
            (await db.Articles.OrderBy(a => a.SeedKey).Select(a => a.Title).ToListAsync()).OrderBy(t => t.Length));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("7 files seen") && e.Message.Contains("5 skipped"));
    }

    [Fact]
    public async Task Updating_many_files_across_batches_leaves_each_article_found_by_its_new_words_only()
    {
        string[] places = ["طنجة", "وجدة", "مكناس", "أكادير", "تطوان"];
        for (var i = 0; i < places.Length; i++)
            Write($"place{i}.txt", $"سياسة\n\nخبر من {places[i]}\n\nفقرة عن القنطرة.\n");
        await ImportAsync(batchSize: 2);
        for (var i = 0; i < places.Length; i++)
        {
            Write($"place{i}.txt", $"سياسة\n\nخبر من {places[i]}\n\nفقرة عن السدود.\n");
            File.SetLastWriteTimeUtc(Path.Combine(_folder, $"place{i}.txt"), DateTime.UtcNow.AddMinutes(1));
        }

        var summary = await ImportAsync(batchSize: 2);

        Assert.Equal(places.Length, summary.Updated);
        await using var db = _database.NewContext();
        Assert.Empty(await FoundAsync(db, "القنطرة"));
        Assert.Equal(places.Length, (await FoundAsync(db, "السدود")).Count); // each article once, none twice
        foreach (var place in places)
            Assert.Single(await FoundAsync(db, place));
    }

    [Fact]
    public async Task A_file_copied_with_a_new_time_but_the_same_bytes_is_not_read_again_next_time()
    {
        await ImportAsync();
        var path = Path.Combine(_folder, "000_58416a67d00a4d59.txt");
        var touched = new DateTime(2023, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, touched);

        var second = await ImportAsync();

        Assert.Equal((0, 1), (second.Updated, second.Unchanged));
        await using var db = _database.NewContext();
        Assert.Equal(touched, (await db.Articles.SingleAsync()).SeedModifiedAt);
    }

    private static async Task<List<int>> FoundAsync(Madar21.Web.Data.MadarDb db, string word)
    {
        var search = new SqliteArticleSearch(NullLogger<SqliteArticleSearch>.Instance);
        var matches = await search.MatchAsync(db, SearchQuery.Parse(word), limit: 100, needed: 100, CancellationToken.None);
        return await matches.Hits.Select(h => h.ArticleId).ToListAsync();
    }
}
