using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Madar21.Tests.Infrastructure;

/// <summary>
/// The real app on a temporary SQLite file (or, after <see cref="OnPostgres"/>, a PostgreSQL database of its own) and a
/// temporary copy of the seeds folder, with a controllable clock and a capture of everything logged. One instance per
/// test class (IClassFixture) or per test (new + using).
/// </summary>
public class MadarFactory : WebApplicationFactory<Program>
{
    public const string BaseUrl = "http://localhost";

    private readonly Dictionary<string, string?> _settings = new();
    private bool _onPostgres;
    private string? _postgresDatabase;

    public MadarFactory()
    {
        Root = Path.Combine(Path.GetTempPath(), "madar21-tests", Guid.NewGuid().ToString("N"));
        SeedsPath = Path.Combine(Root, "seeds");
        Directory.CreateDirectory(SeedsPath);
        foreach (var file in Directory.EnumerateFiles(TestPaths.RepositorySeeds))
            File.Copy(file, Path.Combine(SeedsPath, Path.GetFileName(file)));
        DatabasePath = Path.Combine(Root, "data", "madar21.db");
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
    }

    public string Root { get; }
    public string SeedsPath { get; }
    public string DatabasePath { get; }
    public string MailFolder => Path.Combine(Root, "data", "mail");
    public FakeTimeProvider Clock { get; }
    public CapturedLogs Logs { get; } = new();

    /// <summary>The engine the app runs on, as <c>Database:Provider</c> names it.</summary>
    public string Provider => _onPostgres ? "Postgres" : "Sqlite";

    /// <summary>
    /// Runs the app on PostgreSQL (<see cref="PostgresServer"/>): a database created for this factory when the app
    /// starts, dropped when it is disposed. Call before the app starts.
    /// </summary>
    public MadarFactory OnPostgres()
    {
        _onPostgres = true;
        return this;
    }

    /// <summary>Sets a configuration value before the app starts (e.g. a rate limit for one test).</summary>
    public MadarFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        if (_onPostgres)
        {
            builder.UseSetting("Database:Provider", Provider);
            builder.UseSetting("ConnectionStrings:Default", _postgresDatabase ??= PostgresServer.CreateDatabase());
        }
        builder.UseSetting("Seeds:Path", SeedsPath);
        builder.UseSetting("Site:BaseUrl", BaseUrl);
        builder.UseSetting("Media:Path", Path.Combine(Root, "data", "media"));
        // Emails (held-comment digests, reply notices) land in the test's own folder, never in the repository's data/.
        builder.UseSetting("Email:PickupFolder", MailFolder);
        // Every TestServer client shares one (missing) client address, so the per-address sign-in limit would be
        // shared by all the sign-ins of a test class; the tests of that limit set it back (and give addresses).
        builder.UseSetting("Admin:SignInAttemptsPerAddress", "100000");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>
    /// Another node of the same site: a second app on this one's database file, with this one's settings and its own
    /// memory (cache, counters, clock). It imports no seeds: this node did.
    /// </summary>
    public TNode AnotherNode<TNode>() where TNode : MadarFactory, new()
    {
        var node = new TNode();
        foreach (var (key, value) in _settings) node.With(key, value);
        var noSeeds = Path.Combine(node.Root, "no-seeds");
        Directory.CreateDirectory(noSeeds);
        return (TNode)node.With("ConnectionStrings:Default", $"Data Source={DatabasePath}").With("Seeds:Path", noSeeds);
    }

    /// <summary>Starts the app and waits for the background seed import to finish.</summary>
    public async Task<HttpClient> StartAsync(bool followRedirects = false)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, BaseAddress = new Uri(BaseUrl) });
        await Services.GetRequiredService<SeedImportService>().Completion;
        // The related lists of the imported articles are computed next, and their end evicts cached pages: wait for it,
        // so that a test's first cached page is not dropped under it.
        await Services.GetRequiredService<RelatedListsWorker>().CaughtUp.WaitAsync(TimeSpan.FromSeconds(60));
        return client;
    }

    /// <summary>A fresh client (its own cookies) on the already started app.</summary>
    public HttpClient NewClient(bool followRedirects = false) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, BaseAddress = new Uri(BaseUrl) });

    /// <summary>Runs code against the app's database in a scope of its own.</summary>
    public async Task<T> WithDb<T>(Func<MadarDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MadarDb>());
    }

    public async Task WithDb(Func<MadarDb, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<MadarDb>());
    }

    /// <summary>A context built with <c>new</c>, outside the app's services, on the app's database (the app must be started).</summary>
    public async Task<MadarDb> ContextByHandAsync()
    {
        var connectionString = await WithDb(db => Task.FromResult(db.Database.GetConnectionString()!));
        return _onPostgres
            ? new PostgresMadarDb(new DbContextOptionsBuilder<PostgresMadarDb>().UseNpgsql(connectionString).Options)
            : new MadarDb(new DbContextOptionsBuilder<MadarDb>().UseSqlite(connectionString).Options);
    }

    public async Task<T> WithService<T, TService>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null) PostgresServer.DropDatabase(_postgresDatabase);
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The app on PostgreSQL, for the test classes that run on both engines.</summary>
public sealed class PostgresFactory : MadarFactory
{
    public PostgresFactory() => OnPostgres();
}
