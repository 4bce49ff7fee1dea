using Madar21.Web.Data;
using Madar21.Web.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Madar21.Tests.Infrastructure;

/// <summary>
/// The real app on a temporary SQLite file and a temporary copy of the seeds folder, with a controllable clock
/// and a capture of everything logged. One instance per test class (IClassFixture) or per test (new + using).
/// </summary>
public class MadarFactory : WebApplicationFactory<Program>
{
    public const string BaseUrl = "http://localhost";

    private readonly Dictionary<string, string?> _settings = new();

    // Tests never edit appsettings.json or wwwroot: without this each host watches them with inotify instances, and a
    // suite that holds many hosts at once (two-node tests hold two) reaches the machine's limit, shared by every
    // process of the user. Polling watchers (for asp-append-version) use none.
    static MadarFactory()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

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
    public FakeTimeProvider Clock { get; }
    public CapturedLogs Logs { get; } = new();

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
        builder.UseSetting("Seeds:Path", SeedsPath);
        builder.UseSetting("Site:BaseUrl", BaseUrl);
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

    public async Task<T> WithService<T, TService>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
