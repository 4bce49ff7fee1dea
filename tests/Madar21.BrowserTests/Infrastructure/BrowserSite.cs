using Microsoft.Playwright;

namespace Madar21.BrowserTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class BrowserSiteCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "Site in a browser";
}

/// <summary>
/// One running app and one headless Chromium shared by every browser test (they run one after another in one
/// collection). Both start on first use, after the test has checked that the tools are there, so that a
/// machine without Chromium skips instead of failing in a fixture.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public const int PhoneWidth = 375, PhoneHeight = 812, DesktopWidth = 1280, DesktopHeight = 800;

    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SiteServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly Dictionary<string, Task> _once = new();

    /// <summary>The comment the commenter's journey left, for the editor's journey to approve.</summary>
    public LeftComment? CommentAwaitingModeration { get; set; }

    public async Task<SiteServer> ServerAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _server ??= await SiteServer.StartAsync();
        }
        finally { _gate.Release(); }
    }

    /// <summary>
    /// A new, empty browser context (its own cookies and storage) on the running site. Playwright launches the
    /// browser on a fresh temporary user-data directory of its own and deletes it on close.
    /// </summary>
    /// <param name="javaScript">False: the page as a reader with JavaScript off gets it.</param>
    public async Task<IBrowserContext> NewContextAsync(int width = DesktopWidth, int height = DesktopHeight, bool javaScript = true)
    {
        Prerequisites.RequireBrowser();
        var server = await ServerAsync();
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = server.BaseUrl,
            ViewportSize = new() { Width = width, Height = height },
            Locale = "ar-MA",
            TimezoneId = "Africa/Casablanca",
            JavaScriptEnabled = javaScript,
        });
        // Generous: on two cores shared with builds a page can take seconds to lay out; a real failure is still
        // a failure, only later.
        context.SetDefaultTimeout(60_000);
        await CspWatch.StartAsync(context);
        return context;
    }

    public async Task<IPage> NewPageAsync(int width = DesktopWidth, int height = DesktopHeight) =>
        await (await NewContextAsync(width, height)).NewPageAsync();

    /// <summary>Work done once per run and shared by several tests, such as visiting every page type.</summary>
    public Task<T> OnceAsync<T>(string key, Func<Task<T>> work)
    {
        lock (_once)
        {
            if (!_once.TryGetValue(key, out var task))
                _once[key] = task = work();
            return (Task<T>)task;
        }
    }

    private async Task<IBrowser> BrowserAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            return _browser ??= await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = Prerequisites.ChromiumPath,
                Headless = true,
                Args = ChromiumFlags,
            });
        }
        finally { _gate.Release(); }
    }

    private static void PrepareArtifactsFolder()
    {
        // Each run starts from an empty folder, so that what is there was made by the last run.
        if (Directory.Exists(TestPaths.Artifacts))
            Directory.Delete(TestPaths.Artifacts, recursive: true);
        Directory.CreateDirectory(TestPaths.Artifacts);
    }

    public Task InitializeAsync()
    {
        PrepareArtifactsFolder();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>A comment as its author typed it.</summary>
public sealed record LeftComment(string Author, string Email, string Text);
