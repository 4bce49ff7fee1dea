using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Admin;
using Madar21.Web.Models;
using Madar21.Web.Revisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madar21.Tests.Pages.Admin.Articles;

/// <summary>A writer whose sign-in expired while writing loses nothing.</summary>
public class ExpiredSignInTests(MadarFactory madar) : AdminArticleTests(madar), IClassFixture<MadarFactory>
{
    private static readonly TimeSpan PastTheSession = StaffSessionStore.IdleTimeout + TimeSpan.FromMinutes(5);

    private async Task<List<KeptArticleForm>> KeptAsync() => await factory.WithDb(db => db.KeptArticleForms.AsNoTracking().ToListAsync());

    [SkippableFact]
    public async Task A_new_article_posted_after_the_sign_in_expired_is_given_back_after_signing_in_again()
    {
        var writer = await factory.SignedInStaffAsync();
        var title = Unique("مقال كتب طويلاً");
        const string body = "فقرة طويلة كتبها الكاتب قبل أن تنتهي جلسته.\n\nوفقرة ثانية.";
        var form = (await writer.Client.GetPageAsync("/admin/articles/new")).Form("form.article-form").Fill(new Dictionary<string, string>
        {
            ["title"] = title, ["section"] = await SectionIdAsync(), ["summary"] = "ملخصه.", ["body"] = body, ["status"] = "Published",
        });
        var keptBefore = (await KeptAsync()).Select(k => k.Id).ToHashSet();

        factory.Clock.Advance(PastTheSession);
        var posted = await writer.Client.SubmitAsync(form, form.Button("حفظ"));

        // Sent to sign in, with a way back to the form that names what was kept.
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var login = posted.RedirectTarget();
        Assert.Equal("/admin/login", login.AbsolutePath);
        var returnUrl = System.Web.HttpUtility.ParseQueryString(login.Query)["ReturnUrl"]!;
        var kept = Assert.Single(await KeptAsync(), k => !keptBefore.Contains(k.Id));
        Assert.Equal($"/admin/articles/new?kept={kept.Id}", returnUrl);
        Assert.False(await factory.WithDb(db => db.Articles.AnyAsync(a => a.Title == title))); // nothing saved unseen
        Assert.DoesNotContain("الكاتب", kept.Protected); // encrypted at rest
        Assert.DoesNotContain(title, factory.Logs.AllText); // and never logged
        Assert.DoesNotContain("فقرة طويلة", factory.Logs.AllText);

        // Signing in again leads back to the form, filled with what was sent, with a fresh anti-forgery token.
        var signedIn = await writer.Client.LogInAsync(writer.Email, Staff.Password, login.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(returnUrl, signedIn.Headers.Location!.OriginalString);
        var page = await writer.Client.GetPageAsync(returnUrl);
        Assert.Contains("هذا ما كتبتَه قبل أن تنتهي جلستك", page.QuerySelector(".admin-notice")!.Text());
        Assert.Equal(title, page.QuerySelector("input[name=title]")!.GetAttribute("value"));
        Assert.Equal(body, page.QuerySelector("textarea[name=body]")!.TextContent.Trim().ReplaceLineEndings("\n"));
        Assert.Equal("ملخصه.", page.QuerySelector("textarea[name=summary]")!.TextContent.Trim());
        Assert.Equal("Published", page.QuerySelector("input[name=status][checked]")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("[role=alert]"));

        var again = page.Form("form.article-form");
        Assert.Equal(HttpStatusCode.Redirect, (await writer.Client.SubmitAsync(again, again.Button("حفظ"))).StatusCode);
        var saved = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Title == title));
        Assert.Equal(body, saved.BodyMarkdown.ReplaceLineEndings("\n"));
        Assert.Equal(ArticleStatus.Published, saved.Status);
    }

    [SkippableFact]
    public async Task An_edit_posted_after_the_sign_in_expired_is_given_back_to_the_same_browser_only()
    {
        var writer = await factory.SignedInStaffAsync();
        var article = await CreateAsync(writer.Client, Unique("مقال يعدل بعد انتهاء الجلسة"), "النص قبل.", ArticleStatus.Draft);
        var url = $"/admin/articles/{article.Id}/edit";
        var form = (await writer.Client.GetPageAsync(url)).Form("form.article-form")
            .Fill(new Dictionary<string, string> { ["body"] = "النص بعد تعديل طويل." });

        factory.Clock.Advance(PastTheSession);
        var posted = await writer.Client.SubmitAsync(form, form.Button("حفظ"));
        var returnUrl = System.Web.HttpUtility.ParseQueryString(posted.RedirectTarget().Query)["ReturnUrl"]!;
        Assert.StartsWith($"{url}?kept=", returnUrl);
        Assert.Equal("النص قبل.", (await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id))).BodyMarkdown);

        // Another staff member's browser, even signed in, cannot open it by its address.
        var other = await factory.SignedInStaffAsync();
        var elsewhere = await other.Client.GetPageAsync(returnUrl);
        Assert.Equal("النص قبل.", elsewhere.QuerySelector("textarea[name=body]")!.TextContent.Trim());
        Assert.Contains("لم يعد ما أرسلتَه", elsewhere.QuerySelector(".admin-notice")!.Text());

        Assert.Equal(HttpStatusCode.Redirect, (await writer.Client.LogInAsync(writer.Email, Staff.Password)).StatusCode);
        var page = await writer.Client.GetPageAsync(returnUrl);
        Assert.Equal("النص بعد تعديل طويل.", page.QuerySelector("textarea[name=body]")!.TextContent.Trim());
        Assert.Equal(article.Version.ToString(), page.QuerySelector("input[name=version]")!.GetAttribute("value"));
        var again = page.Form("form.article-form");
        Assert.Equal(HttpStatusCode.Redirect, (await writer.Client.SubmitAsync(again, again.Button("حفظ"))).StatusCode);
        Assert.Equal("النص بعد تعديل طويل.", (await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id))).BodyMarkdown);

        // Past its time it is gone, and the pruning deletes it.
        factory.Clock.Advance(KeptArticleForms.KeepFor);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.Client.LogInAsync(writer.Email, Staff.Password)).StatusCode);
        Assert.Contains("لم يعد ما أرسلتَه", (await writer.Client.GetPageAsync(returnUrl)).QuerySelector(".admin-notice")!.Text());
        await factory.Services.GetRequiredService<RevisionPruningWorker>().RunOnceAsync(default);
        var id = returnUrl[(returnUrl.IndexOf('=') + 1)..];
        Assert.False(await factory.WithDb(db => db.KeptArticleForms.AnyAsync(k => k.Id == id)));
    }

    [SkippableFact]
    public async Task A_cross_site_post_is_not_kept()
    {
        var writer = await factory.SignedInStaffAsync();
        var title = Unique("مقال من موقع آخر");
        var form = (await writer.Client.GetPageAsync("/admin/articles/new")).Form("form.article-form").Fill(new Dictionary<string, string>
        {
            ["title"] = title, ["section"] = await SectionIdAsync(), ["body"] = "نص.",
        });
        factory.Clock.Advance(PastTheSession);
        var keptBefore = (await KeptAsync()).Count;

        var (_, action, fields) = form.Submission(form.Button("حفظ"));
        var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Origin", "https://elsewhere.example");
        var posted = await writer.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/admin/articles/new", System.Web.HttpUtility.ParseQueryString(posted.RedirectTarget().Query)["ReturnUrl"]);
        Assert.Equal(keptBefore, (await KeptAsync()).Count);

        // Nor is a post without the anti-forgery cookie (SameSite=Strict: a form on another site never carries it).
        var bare = factory.NewClient();
        var anonymous = await bare.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(keptBefore, (await KeptAsync()).Count);
    }
}
