using System.Text.Encodings.Web;
using System.Text.Unicode;
using Madar21.Web.Admin;
using Madar21.Web.Articles;
using Madar21.Web.Comments;
using Madar21.Web.Data;
using Madar21.Web.Data.Providers;
using Madar21.Web.Discovery;
using Madar21.Web.Media;
using Madar21.Web.Email;
using Madar21.Web.FrontPage;
using Madar21.Web.Readers;
using Madar21.Web.Revisions;
using Madar21.Web.Search;
using Madar21.Web.Seeding;
using Madar21.Web.Site.Caching;
using Madar21.Web.Site.Cluster;
using Madar21.Web.Site.Requests;
using Madar21.Web.Site.Security;
using Madar21.Web.Site;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.WebEncoders;
using Serilog;

var builder = WebApplication.CreateBuilder(BackupCommand.WithoutSwitch(SearchIndexCommand.WithoutSwitch(ReprocessMediaCommand.WithoutSwitch(args))));

builder.Logging.ClearProviders();
builder.Services.AddSerilog((services, log) => log
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.Async(sink => sink.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)),
    // Each host keeps its own logger rather than the static Log.Logger, which parallel test hosts would overwrite;
    // writeToProviders lets tests add a provider that captures what was logged.
    preserveStaticLogger: true, writeToProviders: true);

builder.Services.Configure<SiteOptions>(builder.Configuration.GetSection(SiteOptions.SectionName));
builder.Services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.SectionName));
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false); // no "Server: Kestrel" to fingerprint
builder.Services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.SectionName));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddForwardedHeaders(builder.Configuration);
builder.Services.AddMadarDb(builder.Configuration, builder.Environment.ContentRootPath); // Database:Provider, Sqlite or Postgres

// The key ring lives in the database: a restart, or another node, can still decrypt stored email addresses.
builder.Services.AddDataProtection().SetApplicationName("Madar21").PersistKeysToDbContext<MadarDb>();
builder.Services.AddComments(builder.Configuration);
builder.Services.AddEmail(builder.Configuration, builder.Environment.ContentRootPath);

builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddScoped<SeedImporter>();
builder.Services.AddSingleton<SeedImportService>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<SeedImportService>());
builder.Services.AddSingleton<RelatedListsWorker>().AddHostedService(sp => sp.GetRequiredService<RelatedListsWorker>());

builder.Services.AddPageDelivery(builder.Configuration);
builder.Services.AddCluster(builder.Configuration); // Redis:Configuration set: the page cache and rate limits shared by every node
builder.Services.AddDiscovery(builder.Configuration);
builder.Services.AddAdmin(builder.Configuration);
builder.Services.AddRevisions(); // article history: pruned in the background; forms kept across an expired sign-in
builder.Services.AddReaderFeatures(builder.Configuration);
builder.Services.AddFrontPage(builder.Configuration); // pinned stories and their expiry, the site's own pages
builder.Services.AddMedia(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddRazorPages();
// Arabic text goes out as UTF-8 characters, not as &#x…; entities: a third of the bytes, and readable source.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var app = builder.Build();

if (BackupCommand.TargetOf(args) is { } backupTarget) // --backup PATH: copy the database as it is now, verify, exit
{
    Environment.ExitCode = await app.Services.GetRequiredService<IDatabaseProvider>().BackupAsync(app.Services, backupTarget, app.Logger);
    await app.DisposeAsync(); // flushes the log
    return;
}

// Migrations (and building the EF model they need) on another core while the request pipeline is put together
// below: both are on the way to the first answer, and neither needs the other.
var migrated = Task.Run(() => DatabaseSetup.MigrateAsync(app.Services));

app.UseForwardedHeadersFromTrustedProxies(); // first: the client's address and scheme, for all that follows
app.UseMiddleware<SecurityHeaders>(); // then on every response, error pages and cached pages included
if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
app.UseMediaFiles(); // /media/: immutable, content-hashed picture files, before anything a page needs
app.UseRouting();
app.UseMiddleware<AllowedMethodsMiddleware>(); // after routing: it reads the page's handlers
app.UseCommentProtection();
app.UseViewCounting(); // before the page cache: a read served from the cache counts too
app.UsePageDelivery(); // output cache, compression, static files; before authentication: cached pages are anonymous
// Cache-Control: private, no-store on whatever shows the visitor's own data. Before authentication, so that it has
// the last word over the sign-in cookie's own "no-cache, no-store" when the cookie is renewed.
app.UsePrivateResponses();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<UnreadableFormMiddleware>(); // after the body-size limit and sign-in checks: refused bodies stay unread

app.MapMethods("/healthz", [HttpMethods.Get, HttpMethods.Head], HealthCheck.RespondAsync);
app.MapDiscovery();
app.MapSitePageRedirects(); // /about, /contact, /privacy: now /page/{slug}
app.MapRazorPages();

await migrated;
if (await SearchIndexCommand.RunAsync(app.Services, args)) return; // --rebuild-search-index: rebuild, then exit
if (await ReprocessMediaCommand.RunAsync(app.Services, args, app.Logger)) return; // --reprocess-media: remake every picture, then exit

app.Run();

public partial class Program;
