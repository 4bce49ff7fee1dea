using System.Globalization;
using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Articles;
using Madar21.Web.Models;
using Madar21.Web.Site.Dates;
using Madar21.Web.Site;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Articles;

public class NewTests(MadarFactory madar) : AdminArticleTests(madar), IClassFixture<MadarFactory>
{
    [Fact]
    public async Task The_article_form_has_the_fields_by_their_names_with_labels()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var page = await editor.GetPageAsync("/admin/articles/new");
        var form = page.Form("form.article-form");

        foreach (var name in new[] { "title", "section", "summary", "body", "publishAt" })
        {
            var field = form.QuerySelector($"[name={name}]")!;
            Assert.NotNull(form.QuerySelector($"label[for={field.Id}]"));
        }
        Assert.Equal(["Draft", "Published", "Scheduled"], form.QuerySelectorAll("input[name=status]").Select(r => r.GetAttribute("value")!));
        Assert.NotNull(form.QuerySelector("input[type=checkbox][name=commentsOpen]"));
        Assert.Contains(form.QuerySelectorAll("select[name=section] option"), o => o.Text() == Politics);
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task A_published_markdown_article_appears_at_once_on_home_section_and_its_own_page()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var title = Unique("الحكومة تعلن خطة جديدة");
        var article = await CreateAsync(editor, title, "فقرة أولى فيها **عريض** و*مائل*.\n\n> اقتباس\n\n- بند", ArticleStatus.Published);

        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, article.PublishedAt);
        Assert.Contains("<strong>عريض</strong>", article.BodyHtml);
        Assert.StartsWith("فقرة أولى فيها عريض", article.Excerpt);
        Assert.False(article.EditedInSite);
        Assert.True(await ListedAsync("/", article));
        Assert.True(await ListedAsync("/section/" + Uri.EscapeDataString(Politics), article));

        var page = await factory.NewClient().GetPageAsync(UrlOf(article));
        Assert.Equal(title, page.QuerySelector("h1")!.Text());
        Assert.Equal("عريض", page.QuerySelector(".article-body strong")!.Text());
        Assert.NotNull(page.QuerySelector(".article-body blockquote"));
        Assert.NotNull(page.QuerySelector(".article-body ul li"));
    }

    [Fact]
    public async Task A_draft_is_not_public_anywhere()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var article = await CreateAsync(editor, Unique("مسودة لم تنشر"), "نص المسودة.", ArticleStatus.Draft);

        Assert.Null(article.PublishedAt);
        Assert.False(await ListedAsync("/", article));
        Assert.False(await ListedAsync("/section/" + Uri.EscapeDataString(Politics), article));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewClient().GetAsync(UrlOf(article))).StatusCode);
        Assert.Contains((await editor.GetPageAsync("/admin/articles")).QuerySelectorAll(".admin-table tr"), tr => tr.Text().Contains(article.Title) && tr.Text().Contains("مسودة"));
    }

    [Fact]
    public async Task A_scheduled_article_appears_by_itself_once_its_casablanca_time_has_passed()
    {
        using var own = new MadarFactory();
        var editor = await own.SignedInAsEditorAsync();
        var sectionId = await own.WithDb(db => db.Sections.Where(s => s.Name == Politics).Select(s => s.Id).SingleAsync());
        var inTwoHours = MoroccanDate.ToLocal(own.Clock.GetUtcNow().UtcDateTime.AddHours(2));
        var title = Unique("خبر مجدول");

        var page = await editor.GetPageAsync("/admin/articles/new");
        var form = page.Form("form.article-form").Fill(new Dictionary<string, string>
        {
            ["title"] = title, ["section"] = sectionId.ToString(CultureInfo.InvariantCulture), ["body"] = "سيظهر لاحقاً.",
            ["status"] = "Scheduled", ["publishAt"] = inTwoHours.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(form, form.Button("حفظ"))).StatusCode);
        var article = await own.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Title == title));
        var expected = MoroccanDate.ToUtc(new DateTime(inTwoHours.Year, inTwoHours.Month, inTwoHours.Day, inTwoHours.Hour, inTwoHours.Minute, 0));
        Assert.Equal(ArticleStatus.Scheduled, article.Status);
        Assert.Equal(expected, article.PublishedAt);

        async Task<bool> OnHome() => (await own.NewClient().GetPageAsync("/")).QuerySelectorAll("main a").Any(a => a.GetAttribute("href") == UrlOf(article));
        Assert.False(await OnHome());
        Assert.Equal(HttpStatusCode.NotFound, (await own.NewClient().GetAsync(UrlOf(article))).StatusCode);

        own.Clock.Advance(TimeSpan.FromMinutes(90));
        Assert.False(await OnHome());
        own.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.True(await OnHome());
        Assert.Equal(HttpStatusCode.OK, (await own.NewClient().GetAsync(UrlOf(article))).StatusCode);
    }

    [Fact]
    public async Task A_scheduled_time_in_the_past_or_missing_is_refused_with_an_arabic_message()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var before = await factory.WithDb(db => db.Articles.CountAsync());
        var yesterday = MoroccanDate.ToLocal(factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var values = new Dictionary<string, string> { ["title"] = "مجدول خطأ", ["section"] = await SectionIdAsync(), ["body"] = "نص", ["status"] = "Scheduled" };

        var missing = await (await SubmitArticleAsync(editor, "/admin/articles/new", values)).ParsePageAsync();
        Assert.Equal("حدد تاريخ النشر ووقته.", missing.GetElementById("PublishAt-error")!.Text());
        values["publishAt"] = yesterday;
        var past = await (await SubmitArticleAsync(editor, "/admin/articles/new", values)).ParsePageAsync();
        Assert.Contains("اختر وقتاً في المستقبل", past.GetElementById("PublishAt-error")!.Text());
        Assert.Equal(yesterday, past.QuerySelector("input[name=publishAt]")!.GetAttribute("value"));
        Assert.Equal(before, await factory.WithDb(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Markdown_with_script_event_handlers_javascript_links_and_iframes_renders_inert()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var body = string.Join("\n\n",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[x](javascript:alert(1))",
            "[y](JaVaScRiPt:alert(1))",
            "<iframe src=\"https://elsewhere.example\"></iframe>",
            "<a href=\"https://example.com\" onclick=\"alert(1)\">رابط</a>",
            "نص **سليم** هنا.");
        var article = await CreateAsync(editor, Unique("محاولة حقن"), body, ArticleStatus.Published);

        var page = await factory.NewClient().GetPageAsync(UrlOf(article));
        var content = page.QuerySelector(".article-body")!;
        Assert.Empty(content.QuerySelectorAll("script, iframe, object, embed, form, style"));
        Assert.DoesNotContain(content.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(content.QuerySelectorAll("[href], [src]"), e =>
            (e.GetAttribute("href") ?? e.GetAttribute("src") ?? "").Trim().StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("سليم", content.QuerySelector("strong")!.Text());
        Assert.Empty(page.QuerySelectorAll("body script"));
        // An image by URL is refused before anything renders (only library pictures are published; see BodyPictureTests).
        var refused = await SubmitArticleAsync(editor, "/admin/articles/new", new()
        {
            ["title"] = Unique("صورة حقن"), ["section"] = await SectionIdAsync(), ["body"] = "![z](javascript:alert(1))", ["status"] = "Published",
        });
        Assert.Contains("«javascript:alert(1)» ليست منها", (await refused.ParsePageAsync()).GetElementById("Body-error")!.Text());
    }

    [Fact]
    public async Task An_invalid_article_is_refused_with_arabic_messages_at_each_field_and_keeps_what_was_typed()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var before = await factory.WithDb(db => db.Articles.CountAsync());
        var body = "نص كتبه المحرر\nعلى سطرين.";

        var response = await SubmitArticleAsync(editor, "/admin/articles/new", new Dictionary<string, string>
        {
            ["title"] = "  ", ["body"] = body, ["summary"] = "ملخص مكتوب", ["status"] = "Published",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParsePageAsync();
        var title = page.QuerySelector("input[name=title]")!;
        Assert.Equal("true", title.GetAttribute("aria-invalid"));
        Assert.Equal("العنوان مطلوب.", page.GetElementById(title.GetAttribute("aria-describedby")!)!.Text());
        var section = page.QuerySelector("select[name=section]")!;
        Assert.Equal("اختر قسماً.", page.GetElementById(section.GetAttribute("aria-describedby")!)!.Text());
        Assert.Equal(body, page.QuerySelector("textarea[name=body]")!.TextContent.TrimStart('\n').Replace("\r\n", "\n"));
        Assert.Equal("ملخص مكتوب", page.QuerySelector("textarea[name=summary]")!.TextContent.Trim());
        Assert.Equal("Published", page.QuerySelector("input[name=status][checked]")!.GetAttribute("value"));
        // The same summary as the public comment form: each message links to its field.
        var summaryLink = page.QuerySelectorAll(".form-errors[role=alert] a").Single(a => a.Text() == "العنوان مطلوب.");
        Assert.Same(title, page.GetElementById(summaryLink.GetAttribute("href")!.TrimStart('#')));
        Assert.Equal(before, await factory.WithDb(db => db.Articles.CountAsync()));

        var tooLong = await SubmitArticleAsync(editor, "/admin/articles/new", new Dictionary<string, string>
        {
            ["title"] = new string('ب', 201), ["section"] = await SectionIdAsync(), ["body"] = "",
        });
        var again = await tooLong.ParsePageAsync();
        Assert.Equal("العنوان أطول من 200 حرف.", again.GetElementById("Title-error")!.Text());
        Assert.Equal("نص المقال مطلوب.", again.GetElementById("Body-error")!.Text());
        Assert.Equal(new string('ب', 201), again.QuerySelector("input[name=title]")!.GetAttribute("value"));
        Assert.Equal(before, await factory.WithDb(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Control_characters_pasted_into_the_title_summary_and_body_are_not_stored()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var title = Unique("عنوان\u0001 منسوخ\u000B من وورد");
        var response = await SubmitArticleAsync(editor, "/admin/articles/new", new Dictionary<string, string>
        {
            ["title"] = title, ["section"] = await SectionIdAsync(), ["summary"] = "ملخص\u0002",
            ["body"] = "فقرة\u0001 أولى\uFFFF.", ["status"] = nameof(ArticleStatus.Published),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Title == title.Replace("\u0001", "").Replace("\u000B", "")));
        Assert.Equal("ملخص", stored.Summary);
        Assert.Equal("فقرة أولى.", stored.BodyMarkdown);
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync("/feed")).StatusCode);
    }

    [Fact]
    public async Task Preview_renders_the_markdown_as_the_public_page_will_without_saving()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var before = await factory.WithDb(db => db.Articles.CountAsync());

        var response = await SubmitArticleAsync(editor, "/admin/articles/new", new Dictionary<string, string>
        {
            ["title"] = "معاينة", ["body"] = "نص **عريض** و<script>alert(1)</script>", ["status"] = "Published",
        }, button: "معاينة");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParsePageAsync();
        var preview = page.QuerySelector(".admin-preview .article-body")!;
        Assert.Equal("عريض", preview.QuerySelector("strong")!.Text());
        Assert.Empty(preview.QuerySelectorAll("script"));
        Assert.Equal("معاينة", page.QuerySelector("input[name=title]")!.GetAttribute("value"));
        Assert.Equal(before, await factory.WithDb(db => db.Articles.CountAsync()));
    }

    public static TheoryData<string, string, string> HostileBodies()
    {
        var data = new TheoryData<string, string, string>();
        var tooDeep = MarkdownLimits.TooDeepMessage;
        foreach (var button in new[] { "حفظ", "معاينة" })
        {
            data.Add(button, new string('>', 1000) + " نص", tooDeep);
            data.Add(button, new string('*', 1000) + "نص" + new string('*', 1000), tooDeep);
            data.Add(button, string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', i * 2) + "- بند\n")), tooDeep);
            data.Add(button, string.Concat(Enumerable.Repeat("[a](", 5000)), tooDeep);
            data.Add(button, new string('ب', MarkdownLimits.MaxLength + 1), $"نص المقال أطول من {MarkdownLimits.MaxLength} حرف.");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task A_body_nested_too_deep_or_too_long_gets_an_arabic_message_on_save_and_preview_and_nothing_is_saved(string button, string body, string message)
    {
        var editor = await factory.SignedInAsEditorAsync();
        var title = Unique("مقال عدائي");

        var response = await SubmitArticleAsync(editor, "/admin/articles/new", new Dictionary<string, string>
        {
            ["title"] = title, ["section"] = await SectionIdAsync(), ["body"] = body, ["status"] = nameof(ArticleStatus.Published),
        }, button);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParsePageAsync();
        Assert.Equal(message, page.QuerySelector("textarea[name=body] ~ .field-error")!.Text());
        Assert.Equal(body, page.QuerySelector("textarea[name=body]")!.TextContent.TrimStart('\n'));
        Assert.Null(page.QuerySelector(".admin-preview"));
        Assert.False(await factory.WithDb(db => db.Articles.AnyAsync(a => a.Title == title)));
    }

    [Fact]
    public async Task Saving_after_a_preview_stores_the_new_article()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var title = Unique("معاينة ثم حفظ");
        var preview = await SubmitArticleAsync(editor, "/admin/articles/new", new Dictionary<string, string>
        {
            ["title"] = title, ["section"] = await SectionIdAsync(), ["body"] = "نص **المقال**.", ["status"] = "Published",
        }, button: "معاينة");
        var previewPage = await preview.ParsePageAsync();
        Assert.Contains("handler=Preview", previewPage.Url);

        var form = previewPage.Form("form.article-form");
        var saved = await editor.SubmitAsync(form, form.Button("حفظ"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var article = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Title == title));
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Contains("<strong>المقال</strong>", article.BodyHtml);
        Assert.Equal($"/admin/articles/{article.Id}/edit", saved.Headers.Location!.OriginalString);
        Assert.True(await ListedAsync("/", article));
    }

    [Fact]
    public async Task A_refused_save_after_a_preview_can_be_corrected_and_saved()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var before = await factory.WithDb(db => db.Articles.CountAsync());
        var preview = await SubmitArticleAsync(editor, "/admin/articles/new", new Dictionary<string, string>
        {
            ["title"] = "", ["section"] = await SectionIdAsync(), ["body"] = "نص محفوظ رغم الخطأ.",
        }, button: "معاينة");
        var form = (await preview.ParsePageAsync()).Form("form.article-form");

        var refused = await editor.SubmitAsync(form, form.Button("حفظ"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await refused.ParsePageAsync();
        Assert.Equal("العنوان مطلوب.", refusedPage.GetElementById("Title-error")!.Text());
        Assert.Equal(before, await factory.WithDb(db => db.Articles.CountAsync()));

        var title = Unique("صُحّح ثم حُفظ");
        var corrected = refusedPage.Form("form.article-form").Fill(new Dictionary<string, string> { ["title"] = title });
        var saved = await editor.SubmitAsync(corrected, corrected.Button("حفظ"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var article = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Title == title));
        Assert.Equal("نص محفوظ رغم الخطأ.", article.BodyMarkdown);
    }
}
