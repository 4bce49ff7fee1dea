using Madar21.Web.Admin;
using Madar21.Web.Articles;
using Madar21.Web.Comments;
using Madar21.Web.Data;
using Madar21.Web.Seeding;
using Madar21.Web.Site;
using Microsoft.AspNetCore.DataProtection;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Logging.ClearProviders();
builder.Services.AddSerilog((services, log) => log
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.Async(sink => sink.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)),
    writeToProviders: true); // lets tests add a provider that captures what was logged

builder.Services.Configure<SiteOptions>(builder.Configuration.GetSection(SiteOptions.SectionName));
builder.Services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.SectionName));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddMadarDb(DatabaseSetup.ConnectionString(builder.Configuration, builder.Environment.ContentRootPath));

// The key ring lives in the database: a restart, or another node, can still decrypt stored email addresses.
builder.Services.AddDataProtection().SetApplicationName("Madar21").PersistKeysToDbContext<MadarDb>();
builder.Services.AddSingleton<EmailProtector>();
builder.Services.AddScoped<CommentModeration>();

builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddScoped<SeedImporter>();
builder.Services.AddSingleton<SeedImportService>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<SeedImportService>());

builder.Services.AddAdmin(builder.Configuration);
builder.Services.AddRazorPages();

var app = builder.Build();

await DatabaseSetup.MigrateAsync(app.Services);

if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSerilogRequestLogging();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/healthz", HealthCheck.RespondAsync);
app.MapRazorPages();

app.Run();

public partial class Program;
