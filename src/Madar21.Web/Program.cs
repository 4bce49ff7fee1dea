using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Seeding;
using Madar21.Web.Site;
using Microsoft.EntityFrameworkCore;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, log) => log
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.Async(sink => sink.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)));

builder.Services.Configure<SiteOptions>(builder.Configuration.GetSection(SiteOptions.SectionName));
builder.Services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.SectionName));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddMadarDb(DatabaseSetup.ConnectionString(builder.Configuration, builder.Environment.ContentRootPath));

builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddScoped<SeedImporter>();
builder.Services.AddSingleton<SeedImportService>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<SeedImportService>());

builder.Services.AddRazorPages();

var app = builder.Build();

await DatabaseSetup.MigrateAsync(app.Services);

if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSerilogRequestLogging();
app.UseStaticFiles();
app.UseRouting();

app.MapGet("/healthz", HealthCheck.RespondAsync);
app.MapRazorPages();

app.Run();

public partial class Program;
