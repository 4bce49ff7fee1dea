using Madar21.Web.Newsroom;
using Madar21.Web.Admin;
using System.Net;
using System.Net.Sockets;
using Madar21.Web.Articles;
using Madar21.Web.Comments;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madar21.BrowserTests.Infrastructure;

/// <summary>
/// The real app, served by Kestrel on a free loopback port (a browser cannot reach the in-memory TestServer),
/// on its own temporary SQLite file and a temporary copy of the repository's seeds folder. It runs in the test
/// process so that a test can prepare data through the app's own services; nothing in a journey uses that path.
/// </summary>
public sealed class SiteServer : WebApplicationFactory<Program>
{
    public const string AdminEmail = "editor@madar21.test";
    public const string AdminPassword = "Madar21-browser-tests!";

    private readonly int _port;

    private SiteServer(int port)
    {
        _port = port;
        Root = Path.Combine(Path.GetTempPath(), "madar21-browser-tests", Guid.NewGuid().ToString("N"));
        SeedsPath = Path.Combine(Root, "seeds");
        Directory.CreateDirectory(SeedsPath);
        foreach (var file in Directory.EnumerateFiles(TestPaths.RepositorySeeds))
            File.Copy(file, Path.Combine(SeedsPath, Path.GetFileName(file)));
        BaseUrl = $"http://127.0.0.1:{port}";
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    public string Root { get; }
    public string SeedsPath { get; }
    public string DatabasePath => Path.Combine(Root, "data", "madar21.db");

    /// <summary>The origin the browser uses, also the site's configured public origin.</summary>
    public string BaseUrl { get; }

    /// <summary>
    /// Starts the app and waits for its seed import. The port is chosen before the start so that the site's own
    /// configured origin (Site:BaseUrl) is the one the browser sees; if another process takes it in between, a
    /// new port is tried.
    /// </summary>
    public static async Task<SiteServer> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = new SiteServer(FreeLoopbackPort());
            try
            {
                server.StartServer();
                await server.Services.GetRequiredService<SeedImportService>().Completion.WaitAsync(TimeSpan.FromMinutes(2));
                return server;
            }
            catch (IOException) when (attempt < 3)
            {
                await server.DisposeAsync();
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        builder.UseSetting("Seeds:Path", SeedsPath);
        builder.UseSetting("Site:BaseUrl", BaseUrl);
        builder.UseSetting("Email:PickupFolder", Path.Combine(Root, "data", "mail")); // emails stay beside the test database
        builder.UseSetting("Media:Path", Path.Combine(Root, "data", "media")); // pictures too
        // Only what went wrong: one line per request would bury the test output.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // The first account, created at start-up by the admin area (issue 4's documented bootstrap).
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        // Every test signs in from the same loopback address, more often than the default burst of 10 allows; the
        // per-address limit itself is proved by the fast tests (Pages/Admin/LoginTests), not here.
        builder.UseSetting("Admin:SignInAttemptsPerAddress", "1000");
    }

    /// <summary>Runs code against the app's database in a scope of its own.</summary>
    public async Task<T> WithScope<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> WithDb<T>(Func<MadarDb, Task<T>> work) =>
        WithScope(services => work(services.GetRequiredService<MadarDb>()));

    /// <summary>The public path of the article imported from the repository's seed file.</summary>
    public Task<string> SeedArticlePathAsync() => WithDb(async db =>
    {
        var article = await db.Articles.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Slug }).FirstAsync();
        return ArticleQueries.UrlOf(article.Id, article.Slug);
    });

    /// <summary>A photo as a phone sends it: a JPEG of smooth colours, the given size.</summary>
    public static byte[] Photo(int width, int height, double shade)
    {
        using var xy = NetVips.Image.Xyz(width, height);
        using var x = xy[0];
        using var y = xy[1];
        using var rgb = (x / (double)width * 180 + shade).Bandjoin(y / (double)height * 160 + 40, x * 0 + 200 - shade)
            .Cast(NetVips.Enums.BandFormat.Uchar).Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
        return rgb.JpegsaveBuffer(q: 85);
    }

    /// <summary>
    /// A published article with a library picture as its lead and another in its body, saved as the admin saves
    /// them (the processor, the library, the editor), for the page type that shows pictures; its public path.
    /// </summary>
    public Task<string> AddArticleWithPicturesAsync() => WithScope(async services =>
    {
        var processor = services.GetRequiredService<Madar21.Web.Media.PictureProcessor>();
        var library = services.GetRequiredService<Madar21.Web.Media.MediaLibrary>();
        async Task<int> AddAsync(byte[] photo, string alt, string credit) =>
            (await library.AddAsync(processor.Process(photo), photo, new Madar21.Web.Media.PictureText(alt, null, credit), "standards", CancellationToken.None)).Id;
        var lead = await AddAsync(Photo(2400, 1600, 30), "مدرجات ملعب مراكش قبل المباراة", "تصوير: هيئة التحرير");
        var inBody = await AddAsync(Photo(1600, 1600, 90), "لاعبون يحتفلون بالهدف", "المصدر: أرشيف مدار21");
        var db = services.GetRequiredService<MadarDb>();
        var section = await db.Sections.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var saved = await services.GetRequiredService<ArticleEditor>().CreateAsync(new ArticleInput(
            "ملعب مراكش يستقبل جمهوره بعد التجديد", section, "افتتاح الملعب بعد سنتين من الأشغال.",
            $"امتلأت المدرجات منذ الظهيرة.\n\n![](media:{inBody} \"لحظة الهدف الأول\")\n\nوانتهت المباراة بفوز الفريق المحلي.",
            ArticleStatus.Published, null, true, LeadMediaId: lead, LeadCaption: "الملعب قبل ساعة من صافرة البداية"), "standards");
        return ArticleQueries.UrlOf(saved.Article!.Id, saved.Article.Slug);
    });

    /// <summary>
    /// Names the signed-in account's profile as its form would, and publishes an article under its byline; the
    /// path of the author's page.
    /// </summary>
    public Task<string> AddAuthorAsync(string name, string bio, string title) => WithScope(async services =>
    {
        var db = services.GetRequiredService<MadarDb>();
        var userId = await db.Users.Where(u => u.Email == AdminEmail).Select(u => u.Id).SingleAsync();
        var profiles = services.GetRequiredService<Madar21.Web.Authors.StaffProfiles>();
        var profile = (await profiles.EnsureAsync(userId, default))!;
        Assert.Empty(await profiles.SaveAsync(profile, new Madar21.Web.Authors.ProfileInput(name, bio, null), userId, default));
        var rendered = services.GetRequiredService<MarkdownRenderer>().Render("نص المقال الذي كتبته الكاتبة.");
        var now = DateTime.UtcNow;
        var article = new Article
        {
            Title = title, Slug = Slug.FromTitle(title), SectionId = await db.Sections.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            BodyMarkdown = "نص المقال الذي كتبته الكاتبة.", BodyHtml = rendered.Html, BodyText = rendered.Text, Excerpt = Excerpt.From(null, rendered.Text),
            Status = ArticleStatus.Published, PublishedAt = now, CreatedAt = now, UpdatedAt = now,
        };
        article.Authors.Add(new ArticleAuthor { Article = article, Position = 0, ProfileId = profile.Id });
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return Madar21.Web.Authors.Byline.PagePath(profile.Slug);
    });

    /// <summary>
    /// Stores a comment on the seed article the way the comment form does (email encrypted, keyed hash), for
    /// the page types that need one to exist; the journeys leave theirs through the form.
    /// </summary>
    public Task<int> AddCommentAsync(string author, string text, string email, CommentStatus status, int? parentId = null) => WithScope(async services =>
    {
        var db = services.GetRequiredService<MadarDb>();
        var emails = services.GetRequiredService<EmailProtector>();
        var clock = services.GetRequiredService<TimeProvider>();
        var comment = new Comment
        {
            ArticleId = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
            ParentId = parentId,
            Author = author,
            Text = text,
            EmailProtected = emails.Protect(email),
            EmailHash = emails.Hash(email),
            Status = status,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync();
        return comment.Id;
    });

    public const string WriterEmail = "writer@madar21.test";
    public const string WriterPassword = "Madar21-writer-tests!";

    /// <summary>The Writer (كاتب) of the newsroom journeys and page types, made once per run as an Admin would make it.</summary>
    public Task<string> WriterIdAsync() => _writer ??= WithScope(async services =>
    {
        var users = services.GetRequiredService<StaffUserManager>();
        var result = await users.CreateStaffAsync(WriterEmail, WriterPassword, StaffRoles.Writer);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return (await users.FindByEmailAsync(WriterEmail))!.Id;
    });

    private Task<string>? _writer;

    /// <summary>
    /// An article by the run's Writer, saved through the article editor as their form saves it: submitted for review,
    /// and sent back with <paramref name="sendBackNote"/> when one is given. Returns its id.
    /// </summary>
    public async Task<int> AddWriterArticleAsync(string title, string? sendBackNote = null)
    {
        var writer = await WriterIdAsync();
        return await WithScope(async services =>
        {
            var db = services.GetRequiredService<MadarDb>();
            var section = await db.Sections.OrderBy(s => s.Position).Select(s => s.Id).FirstAsync();
            var input = new ArticleInput(title, section, null, "فقرة أولى كتبها المراسل.\n\nفقرة ثانية فيها أرقام.", ArticleStatus.PendingReview, null, true);
            var saved = await services.GetRequiredService<ArticleEditor>().CreateAsync(input, writer);
            var id = saved.Article?.Id ?? throw new InvalidOperationException(string.Join("; ", saved.Errors.Select(e => e.Message)));
            if (sendBackNote is not null) await services.GetRequiredService<ArticleReview>().SendBackAsync(id, sendBackNote, "editor");
            return id;
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
