using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Madar21.BrowserTests.Infrastructure;
using Madar21.BrowserTests.Journeys;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Madar21.BrowserTests.Standards;

/// <summary>One kind of page the site serves, and how a browser gets there.</summary>
public sealed record PageType(string Name, Func<BrowserSite, IPage, Task<IResponse?>> Open);

/// <summary>
/// A page type as the browser found it: the HTML the server sent, what axe-core reported, what sticks out of a
/// phone's screen (null when nothing does); or the failure that kept the browser from it (which fails only this
/// page type's tests).
/// </summary>
public sealed record PageSnapshot(
    string Name, string HtmlPath, IReadOnlyList<AxeResultItem> Violations, string? PhoneOverflow = null, Exception? Failure = null)
{
    /// <summary>What the browser reported against the Content-Security-Policy while on the page.</summary>
    public IReadOnlyList<string> CspViolations { get; init; } = [];
}

/// <summary>Every page type that axe-core (in the light and the dark scheme) and the Nu Html Checker must pass, visited once per run.</summary>
public static class PageTypes
{
    public const string ApprovedCommenterEmail = "reader.standards@example.test";

    public static readonly PageType[] All =
    [
        new("home", (_, page) => page.GotoAsync("/")),
        new("section", (_, page) => page.GotoAsync("/section/" + Uri.EscapeDataString("سياسة"))),
        new("article-with-comments", async (site, page) =>
        {
            var server = await site.ServerAsync();
            var first = await server.AddCommentAsync("قارئ من فاس", "تعليق موافق عليه\nفي سطرين.", ApprovedCommenterEmail, CommentStatus.Approved);
            // A thread: a reply, a reply to it, and a trashed comment kept as a placeholder for its reply.
            var reply = await server.AddCommentAsync("قارئة من مراكش", "ردّ على قارئ فاس.", "reply.standards@example.test", CommentStatus.Approved, first);
            await server.AddCommentAsync("قارئ ثالث", "ردّ على الرد.", "third.standards@example.test", CommentStatus.Approved, reply);
            var trashed = await server.AddCommentAsync("محذوف", "تعليق في المهملات", "trash.standards@example.test", CommentStatus.Trash);
            await server.AddCommentAsync("قارئ رابع", "ردّ على تعليق حُذف.", "fourth.standards@example.test", CommentStatus.Approved, trashed);
            var response = await page.GotoAsync(await server.SeedArticlePathAsync());
            await Assertions.Expect(page.Locator(".comment-author").GetByText("قارئ من فاس", new() { Exact = true })).ToBeVisibleAsync();
            return response;
        }),
        new("article-with-pictures", async (site, page) =>
        {
            var response = await page.GotoAsync(await (await site.ServerAsync()).AddArticleWithPicturesAsync());
            await Assertions.Expect(page.Locator("figure.picture-lead img")).ToBeVisibleAsync();
            return response;
        }),
        new("article-with-errors", async (site, page) =>
        {
            await page.GotoAsync(await (await site.ServerAsync()).SeedArticlePathAsync());
            var form = page.CommentForm();
            await form.BypassBrowserValidationAsync();
            await form.Field("comment").FillAsync("تعليق بلا اسم ولا بريد صحيح");
            await form.Field("email").FillAsync("ليس-بريدا");
            var response = await form.SubmitAsync();
            Assert.Equal(400, response.Status);
            return response;
        }),
        new("search", async (_, page) =>
        {
            var response = await page.GotoAsync("/search?q=" + Uri.EscapeDataString("بلينكن"));
            await Assertions.Expect(page.Locator("main .card-title a").First).ToBeVisibleAsync();
            return response;
        }),
        new("tag", async (site, page) =>
        {
            // The seed article, tagged as an editor tags it: the tag's page lists it.
            var slug = await (await site.ServerAsync()).WithDb(async db =>
            {
                var article = await db.Articles.FirstAsync(a => a.SeedKey != null);
                await Madar21.Web.Tags.Tagging.SetAsync(db, article, ["التحالف الدولي", "الولايات المتحدة"], DateTime.UtcNow, default);
                await db.SaveChangesAsync();
                return (await db.Tags.FirstAsync(t => t.Name == "التحالف الدولي")).Slug;
            });
            var response = await page.GotoAsync(Madar21.Web.Tags.TagQueries.UrlOf(slug));
            await Assertions.Expect(page.Locator("main .card-title a").First).ToBeVisibleAsync();
            return response;
        }),
        new("author", async (site, page) =>
        {
            var path = await (await site.ServerAsync()).AddAuthorAsync("سعاد العلوي", "صحافية في قسم الاقتصاد، تكتب عن الفلاحة والماء.", "الجفاف يدفع الفلاحين إلى تغيير مواعيد البذر");
            var response = await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("main .card-byline a[rel=author]").First).ToBeVisibleAsync();
            return response;
        }),
        new("author-desk", (_, page) => page.GotoAsync("/author/desk")),
        new("not-found", (_, page) => page.GotoAsync("/no-such-page")),
        new("site-page-privacy", (_, page) => page.GotoAsync("/page/privacy")),
        new("latest", (_, page) => page.GotoAsync("/latest")),
        new("article-draft-preview", async (site, page) =>
        {
            var path = await (await site.ServerAsync()).WithDb(async db =>
            {
                var draft = new Article
                {
                    Title = "مسودة تعاينها هيئة التحرير", Slug = "musawwada", Excerpt = "نص المسودة.", BodyText = "نص المسودة.",
                    BodyHtml = "<p>نص المسودة.</p>", BodyMarkdown = "نص المسودة.", Status = ArticleStatus.Draft,
                    SectionId = await db.Sections.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
                };
                db.Articles.Add(draft);
                await db.SaveChangesAsync();
                return Madar21.Web.Articles.ArticleQueries.UrlOf(draft.Id, draft.Slug);
            });
            await page.SignInAsync();
            var response = await page.GotoAsync(path);
            await Assertions.Expect(page.Locator(".preview-banner")).ToBeVisibleAsync();
            return response;
        }),
        new("admin-login", (_, page) => page.GotoAsync("/admin/login")),
        new("admin-article-editor", async (_, page) =>
        {
            await page.SignInAsync();
            return await page.GotoAsync("/admin/articles/new");
        }),
        new("admin-two-factor-set-up", async (_, page) =>
        {
            await page.SignInAsync();
            return await page.GotoAsync("/admin/account/two-factor");
        }),
        new("admin-front-page", async (_, page) =>
        {
            await page.SignInAsync();
            return await page.GotoAsync("/admin/front");
        }),
        new("admin-site-page-editor", async (_, page) =>
        {
            await page.SignInAsync();
            return await page.GotoAsync("/admin/pages/edit/1");
        }),
        new("admin-profile-with-errors", async (_, page) =>
        {
            await page.SignInAsync();
            await page.GotoAsync("/admin/account/profile");
            var form = page.Locator("main form[method=post]");
            await form.BypassBrowserValidationAsync();
            await form.Field("displayName").FillAsync("");
            await form.Field("bio").FillAsync("نبذة تبقى كما كُتبت.");
            var response = await form.SubmitAsync();
            await Assertions.Expect(page.Locator("#DisplayName-error")).ToHaveTextAsync("الاسم المعروض مطلوب.");
            return response;
        }),
        new("admin-audit-log", async (_, page) =>
        {
            await page.SignInAsync();
            return await page.GotoAsync("/admin/audit");
        }),
        new("admin-media-library", async (_, page) =>
        {
            await page.SignInAsync();
            return await page.GotoAsync("/admin/media");
        }),
        new("admin-media-upload", async (_, page) =>
        {
            await page.SignInAsync();
            return await page.GotoAsync("/admin/media/upload");
        }),
        new("admin-review-queue", async (site, page) =>
        {
            await (await site.ServerAsync()).AddWriterArticleAsync("تقرير المراسل عن موسم الحصاد ينتظر المراجعة");
            await page.SignInAsync();
            return await page.GotoAsync("/admin/review");
        }),
        new("admin-article-editor-writer", async (site, page) =>
        {
            // The writer's form on a piece an editor sent back: the note above it, «إرسال للمراجعة» instead of a status.
            var server = await site.ServerAsync();
            var id = await server.AddWriterArticleAsync("تقرير أعاده المحرر إلى كاتبه", sendBackNote: "أضف مصدر الأرقام في الفقرة الثانية.");
            await page.SignInAsWriterAsync(server);
            return await page.GotoAsync($"/admin/articles/{id}/edit");
        }),
        new("admin-dashboard", async (_, page) =>
        {
            await page.SignInAsync();
            return await page.GotoAsync("/admin");
        }),
        new("admin-article-list", async (_, page) =>
        {
            await page.SignInAsync();
            return await page.GotoAsync("/admin/articles?status=published&q=" + Uri.EscapeDataString("بلينكين"));
        }),
        new("admin-article-bulk-confirmation", async (_, page) =>
        {
            await page.SignInAsync();
            await page.GotoAsync("/admin/articles?status=published");
            await page.Locator(".admin-table input[name=ids]").First.CheckAsync();
            await page.Locator("#change").SelectOptionAsync("Unpublish");
            var response = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "متابعة…" }).ClickAsync(),
                r => r.Request.Method == "POST" && r.Url.Contains("handler=Confirm", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator(".admin-confirm")).ToBeVisibleAsync();
            return response;
        }),
        new("admin-tags", async (site, page) =>
        {
            await page.SignInAsync();
            return await page.GotoAsync("/admin/tags");
        }),
        new("admin-tag-edit", async (site, page) =>
        {
            var id = await (await site.ServerAsync()).WithDb(async db =>
            {
                var tags = await Madar21.Web.Tags.Tagging.ResolveAsync(db, ["وسم للتعديل"], DateTime.UtcNow, default);
                await db.SaveChangesAsync();
                return tags[0].Id;
            });
            await page.SignInAsync();
            return await page.GotoAsync($"/admin/tags/{id}/edit");
        }),
        new("admin-article-history", async (_, page) =>
        {
            await page.SignInAsync();
            var edit = await RevisionJourney.WriteAndEditAsync(page, "مقال له سجل للتحقق من الصفحة",
                "نص أول كتبه المحرر صباحاً.", "نص ثان كتبه المحرر مساءً، بعد المراجعة.");
            return await page.GotoAsync(edit.Replace("/edit", "/history"));
        }),
        new("admin-moderation-queue", async (site, page) =>
        {
            await (await site.ServerAsync()).AddCommentAsync("زائر", "تعليق ينتظر المراجعة", "pending.standards@example.test", CommentStatus.Pending);
            await page.SignInAsync();
            return await page.GotoAsync("/admin/comments");
        }),
    ];

    public static TheoryData<string> Names => new(All.Select(p => p.Name));

    /// <summary>The axe-core rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA.</summary>
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    };

    public static async Task<IReadOnlyDictionary<string, PageSnapshot>> VisitAllAsync(BrowserSite site)
    {
        var folder = Path.Combine(TestPaths.Artifacts, "html");
        Directory.CreateDirectory(folder);
        var snapshots = new Dictionary<string, PageSnapshot>();
        var contexts = new Dictionary<string, IBrowserContext>();
        foreach (var type in All)
        {
            var htmlPath = Path.Combine(folder, type.Name + ".html");
            var context = contexts[type.Name] = await site.NewContextAsync();
            try
            {
                var page = await context.NewPageAsync();
                var response = await type.Open(site, page) ?? throw new InvalidOperationException($"{type.Name}: no response");
                await File.WriteAllTextAsync(htmlPath, await response.TextAsync());

                // The same page at a desktop and at a phone width: the layouts differ, so may contrast or overlap.
                var violations = new List<AxeResultItem>();
                violations.AddRange(await AxeViolationsAsync(page));
                await page.ScreenshotAsync($"page-{type.Name}-1280");
                await page.SetViewportSizeAsync(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight);
                violations.AddRange((await AxeViolationsAsync(page)).Where(v => violations.All(seen => seen.Id != v.Id)));
                await page.ScreenshotAsync($"page-{type.Name}-375");
                var overflow = await page.HorizontalOverflowAsync();

                // Night reading (prefers-color-scheme: dark) recolours every page: contrast is checked again, at both widths.
                await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
                violations.AddRange((await AxeViolationsAsync(page)).Where(v => violations.All(seen => seen.Id != v.Id)));
                await page.ScreenshotAsync($"page-{type.Name}-375-dark");
                await page.SetViewportSizeAsync(BrowserSite.DesktopWidth, BrowserSite.DesktopHeight);
                violations.AddRange((await AxeViolationsAsync(page)).Where(v => violations.All(seen => seen.Id != v.Id)));
                await page.ScreenshotAsync($"page-{type.Name}-1280-dark");
                snapshots[type.Name] = new(type.Name, htmlPath, violations, overflow);
            }
            catch (Exception failure)
            {
                snapshots[type.Name] = new(type.Name, htmlPath, [], Failure: failure);
            }
            finally
            {
                await context.CloseAsync();
            }
        }
        return snapshots.ToDictionary(s => s.Key, s => s.Value with { CspViolations = CspWatch.Of(contexts[s.Key]) });
    }

    private static async Task<AxeResultItem[]> AxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(WcagAa);
        // A run that checked nothing would pass silently (a tag misspelt, axe not injected).
        if (result.Passes.Length == 0)
            throw new InvalidOperationException($"axe-core ran no rule on {page.Url}");
        return result.Violations;
    }
}
