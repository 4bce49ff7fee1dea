using System.Text.RegularExpressions;
using Madar21.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Madar21.BrowserTests.Journeys;

/// <summary>
/// The people who use the site, in a real browser: a reader on a phone and on a desktop, a commenter, an editor
/// and a keyboard user, then an editor who signs in with a second factor. They run in this order: the editor
/// approves the comment that the commenter left.
/// </summary>
[Collection(BrowserSiteCollection.Name)]
[TestCaseOrderer(StepOrderer.TypeName, StepOrderer.AssemblyName)]
public sealed class JourneyTests(BrowserSite site)
{
    private const string Section = "سياسة";
    private const string AwaitingModeration = "تعليقك بانتظار المراجعة";
    private static readonly Regex Arabic = new(@"\p{IsArabic}");

    [SkippableTheory, Step(1)]
    [InlineData(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight)]
    [InlineData(BrowserSite.DesktopWidth, BrowserSite.DesktopHeight)]
    public async Task Reader_goes_from_the_home_page_to_a_section_and_an_article_in_a_right_to_left_layout(int width, int height)
    {
        var page = await site.NewPageAsync(width, height);
        var shot = $"1-reader-{width}";

        await page.GotoAsync("/");
        Assert.Equal("rtl", await page.ComputedDirectionAsync());
        await page.ScreenshotAsync($"{shot}-1-home");
        await page.AssertNoHorizontalScrollAsync($"home at {width} px");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "الأقسام" })
            .GetByRole(AriaRole.Link, new() { Name = Section, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => Uri.UnescapeDataString(url).EndsWith($"/section/{Section}"));
        Assert.Equal(Section, (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.ScreenshotAsync($"{shot}-2-section");
        await page.AssertNoHorizontalScrollAsync($"section page at {width} px");

        var articleLink = page.Locator("main .card-title a").First;
        var title = (await articleLink.InnerTextAsync()).Trim();
        await articleLink.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/article/"));
        Assert.Equal(title, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal("rtl", await page.ComputedDirectionAsync());
        await page.ScreenshotAsync($"{shot}-3-article");
        await page.AssertNoHorizontalScrollAsync($"article at {width} px");

        // The text column sits on the right, where a right-to-left reader's eye starts: at a desktop width it is
        // nearer the right edge than the left, and on a phone, where it fills the width, at least not farther.
        var body = page.Locator(".article-body");
        var (right, left) = await body.GapsToViewportEdgesAsync();
        if (width >= BrowserSite.DesktopWidth)
            Assert.True(right < left, $"the text column is {right} px from the right edge and {left} px from the left");
        else
            Assert.True(right <= left + 1, $"the text column is {right} px from the right edge and {left} px from the left");

        // And each paragraph's first letter is drawn at the column's right edge.
        var (fromRight, fromLeft) = await body.Locator("p").First.FirstLetterOffsetsAsync();
        Assert.True(fromRight < 2 && fromLeft > fromRight,
            $"the first letter is {fromRight} px from the paragraph's right edge and {fromLeft} px from its left");

        await page.Context.CloseCheckedAsync();
    }

    [SkippableFact, Step(2)]
    public async Task Commenter_is_stopped_by_the_browser_then_by_the_server_and_then_waits_for_moderation()
    {
        var page = await site.NewPageAsync(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight);
        var articlePath = await (await site.ServerAsync()).SeedArticlePathAsync();
        await page.GotoAsync(articlePath);
        var form = page.CommentForm();
        var comment = new LeftComment("سعاد من الرباط", "souad.commenter@example.test", "تحليل دقيق، شكراً.\nأتمنى متابعة الموضوع.");

        // Empty: the browser's own validation stops the post before anything leaves it.
        var posts = 0;
        page.Request += (_, request) => { if (request.Method == "POST") posts++; };
        await form.SubmitButton().ClickAsync();
        Assert.False(await form.EvaluateAsync<bool>("f => f.checkValidity()"));
        Assert.True(await form.Field("comment").EvaluateAsync<bool>("el => el.validity.valueMissing"));
        Assert.Equal("comment", (await page.FocusedAsync()).Name);
        Assert.Equal(0, posts);
        await page.CommentSection().ScreenshotAsync("2-commenter-1-browser-validation");

        // A bot's post: no browser-side rules, a blank name, a malformed email and a script URL.
        await form.BypassBrowserValidationAsync();
        await form.Field("comment").FillAsync(comment.Text);
        await form.Field("email").FillAsync("ليس-بريدا");
        await form.Field("url").FillAsync("javascript:alert(1)");
        var refused = await form.SubmitAsync();
        Assert.Equal(400, refused.Status);
        await page.CommentSection().ScreenshotAsync("2-commenter-2-server-validation");
        foreach (var field in new[] { "author", "email", "url" })
        {
            var input = form.Field(field);
            Assert.Equal("true", await input.GetAttributeAsync("aria-invalid"));
            var message = await DescriptionAsync(input);
            Assert.True(Arabic.IsMatch(message), $"the {field} field has no Arabic error message tied to it: «{message}»");
        }
        Assert.Null(await form.Field("comment").GetAttributeAsync("aria-invalid"));
        Assert.Equal(comment.Text, await form.Field("comment").InputValueAsync());
        Assert.Equal("ليس-بريدا", await form.Field("email").InputValueAsync());
        Assert.Equal("javascript:alert(1)", await form.Field("url").InputValueAsync());

        // Filled in properly: accepted, and only its author is told it waits for a moderator.
        await LeaveCommentAsync(page, comment);
        await Assertions.Expect(page.GetByText(AwaitingModeration)).ToBeVisibleAsync();
        await page.CommentSection().ScreenshotAsync("2-commenter-3-awaiting-moderation");
        site.CommentAwaitingModeration = comment;

        var stranger = await site.NewPageAsync(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight);
        await stranger.GotoAsync(articlePath);
        var strangerSees = await stranger.Locator("body").InnerTextAsync();
        Assert.DoesNotContain(comment.Text.Split('\n')[0], strangerSees);
        Assert.DoesNotContain(AwaitingModeration, strangerSees);

        await page.Context.CloseCheckedAsync();
        await stranger.Context.CloseCheckedAsync();
    }

    [SkippableFact, Step(3)]
    public async Task Editor_publishes_a_Markdown_article_and_approves_the_comment_without_revealing_the_commenters_email()
    {
        const string title = "المجلس الجماعي يصادق على ميزانية السنة المقبلة";
        var editor = await site.NewPageAsync();
        await editor.SignInAsync();

        await editor.GotoAsync("/admin/articles/new");
        var form = editor.Locator("form[method=post]:has([name=title]):has([name=body])");
        await form.Field("title").FillAsync(title);
        await form.Field("section").SelectOptionAsync(new SelectOptionValue { Label = Section });
        await form.Field("summary").FillAsync("صادق المجلس بالإجماع على مشروع الميزانية.");
        await form.Field("body").FillAsync("## أبرز ما جاء في الدورة\n\nصادق المجلس على الميزانية **بالإجماع** بعد نقاش طويل.\n\n- تأهيل الطرق\n- إنارة الأحياء\n");
        await ChooseAsync(form.Field("status"), "Published");
        await form.Field("commentsOpen").CheckAsync();
        await editor.ScreenshotAsync("3-editor-1-new-article");

        // Preview first, as an editor does; then «حفظ» on the preview page must save, not preview again.
        await editor.RunAndWaitForResponseAsync(
            () => form.GetByRole(AriaRole.Button, new() { Name = "معاينة", Exact = true }).ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Frame == editor.MainFrame);
        await editor.WaitForLoadStateAsync();
        Assert.Equal("بالإجماع", (await editor.Locator(".admin-preview .article-body strong").InnerTextAsync()).Trim());
        await editor.ScreenshotAsync("3-editor-1b-preview");
        var saved = await editor.RunAndWaitForResponseAsync(
            () => form.GetByRole(AriaRole.Button, new() { Name = "حفظ", Exact = true }).ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Frame == editor.MainFrame && r.Status is < 300 or >= 400);
        await editor.WaitForLoadStateAsync();
        Assert.True(saved.Status < 400, $"saving the article answered {saved.Status}");
        Assert.Matches("/admin/articles/[0-9]+/edit$", new Uri(editor.Url).AbsolutePath);

        // The article list has it.
        await editor.GotoAsync("/admin/articles");
        Assert.Equal(1, await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).CountAsync());

        // Readers find it on the home page at once, with the Markdown rendered.
        var reader = await site.NewPageAsync();
        await reader.GotoAsync("/");
        await reader.Locator("main").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).First.ClickAsync();
        await reader.WaitForURLAsync(url => url.Contains("/article/"));
        Assert.Equal(title, (await reader.Locator("h1").InnerTextAsync()).Trim());
        var body = reader.Locator(".article-body");
        Assert.Equal("أبرز ما جاء في الدورة", (await body.Locator("h2").InnerTextAsync()).Trim());
        Assert.Equal("بالإجماع", (await body.Locator("strong").InnerTextAsync()).Trim());
        Assert.Equal(["تأهيل الطرق", "إنارة الأحياء"], (await body.Locator("ul > li").AllInnerTextsAsync()).Select(t => t.Trim()));
        await reader.ScreenshotAsync("3-editor-2-published-article");
        await reader.Context.CloseCheckedAsync();

        // The comment from the commenter's journey (or one left now, when that journey did not run).
        var comment = site.CommentAwaitingModeration;
        var articlePath = await (await site.ServerAsync()).SeedArticlePathAsync();
        if (comment is null)
        {
            var commenter = await site.NewPageAsync();
            await commenter.GotoAsync(articlePath);
            comment = new LeftComment("قارئ من طنجة", "tanja.reader@example.test", "تعليق ينتظر موافقة المحرر.");
            await LeaveCommentAsync(commenter, comment);
            await commenter.Context.CloseCheckedAsync();
        }

        await editor.GotoAsync("/admin/comments");
        await editor.ScreenshotAsync("3-editor-3-moderation-queue");
        var entry = editor.Locator("tr, li, article").Filter(new() { HasText = comment.Text.Split('\n')[0] })
            .Filter(new() { Has = editor.GetByRole(AriaRole.Button, new() { NameRegex = Approve }) }).Last;
        Assert.Contains(comment.Email, await entry.InnerTextAsync());
        await editor.RunAndWaitForResponseAsync(
            () => entry.GetByRole(AriaRole.Button, new() { NameRegex = Approve }).ClickAsync(),
            r => r.Request.Method == "POST");
        await editor.WaitForLoadStateAsync();
        await editor.ScreenshotAsync("3-editor-4-approved");

        var fresh = await site.NewPageAsync();
        await fresh.GotoAsync(articlePath);
        var text = await fresh.Locator("body").InnerTextAsync();
        Assert.Contains(comment.Author, text);
        Assert.Contains(comment.Text.Split('\n')[0], text);
        var everything = await fresh.EvaluateAsync<string>("() => document.documentElement.outerHTML");
        Assert.DoesNotContain(comment.Email, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(comment.Email, text, StringComparison.OrdinalIgnoreCase);
        await fresh.ScreenshotAsync("3-editor-5-comment-public");

        await editor.Context.CloseCheckedAsync();
        await fresh.Context.CloseCheckedAsync();
    }

    [SkippableFact, Step(4)]
    public async Task Keyboard_user_tabs_from_the_top_of_an_article_to_the_comment_form_in_order_with_a_visible_focus()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(await (await site.ServerAsync()).SeedArticlePathAsync());

        // The first Tab lands on the skip link, which shows itself.
        await page.Keyboard.PressAsync("Tab");
        var first = await page.FocusedAsync();
        Assert.Equal("#main", first.Href);
        Assert.True(first.Visible && first.Indicator, $"the skip link is focused but not shown: {first}");
        await page.ScreenshotAsync("4-keyboard-1-skip-link");

        var visited = new List<FocusedElement> { first };
        for (var i = 0; i < 100; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.FocusedAsync();
            if (focused.Tag == "body" || focused == visited[0]) break;
            Assert.True(focused.Visible, $"Tab reached something that cannot be seen: {focused}");
            Assert.True(focused.Indicator, $"no visible focus indicator on {focused}");
            visited.Add(focused);
            if (focused.Name == "comment") await page.ScreenshotAsync("4-keyboard-2-comment-field");
            if (focused.InForm && focused.Tag == "button") break;
        }

        var inForm = visited.Where(f => f.InForm).ToList();
        var fields = inForm.Where(f => f.Name is "comment" or "author" or "email" or "url").Select(f => f.Name).ToList();
        Assert.Equal(["comment", "author", "email", "url"], fields);
        Assert.Equal("button", inForm[^1].Tag);
        Assert.True(inForm.FindIndex(f => f.Name == "url") < inForm.Count - 1, "the submit button comes before the fields");
        await page.ScreenshotAsync("4-keyboard-3-submit-button");
        await page.Context.CloseCheckedAsync();
    }

    [SkippableFact, Step(5)]
    public async Task Editor_sets_up_two_factor_sign_in_and_the_admin_finds_it_in_the_audit_log()
    {
        const string email = "editor.two-factor@madar21.test";
        const string password = "Madar21-two-factor-journey!";

        // The Admin adds the editor's account.
        var admin = await site.NewPageAsync();
        await admin.SignInAsync();
        await admin.GotoAsync("/admin/users");
        var add = admin.Locator("form[method=post]:has([name=password]):has(select[name=role])");
        await add.Field("email").FillAsync(email);
        await add.Field("password").FillAsync(password);
        await add.Field("role").SelectOptionAsync("Editor");
        await add.SubmitAsync();
        await Assertions.Expect(admin.Locator(".admin-row").Filter(new() { HasText = email })).ToBeVisibleAsync();

        // The editor signs in and sets up the authenticator from the QR code page.
        var editor = await site.NewPageAsync(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight);
        await SignInWithPasswordAsync(editor, email, password);
        await editor.GetByRole(AriaRole.Link, new() { Name = "التحقق بخطوتين" }).ClickAsync();
        await editor.WaitForURLAsync(url => url.Contains("/admin/account/two-factor"));
        var qr = editor.Locator("img.qr-code");
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"), "the QR code is not drawn");
        await editor.AssertNoHorizontalScrollAsync("the two-factor set-up at 375 px");
        await editor.ScreenshotAsync("5-two-factor-1-set-up");
        var key = (await editor.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "").ToUpperInvariant();
        var enable = editor.Locator("form[method=post]:has([name=code])");
        await enable.Field("code").FillAsync(Totp(key, DateTime.UtcNow));
        await enable.SubmitAsync();
        var codes = editor.Locator(".recovery-codes li");
        await Assertions.Expect(codes).ToHaveCountAsync(10);
        await editor.ScreenshotAsync("5-two-factor-2-recovery-codes");

        // Signing in again asks for the code; «remember this browser» skips it the next time.
        await editor.GetByRole(AriaRole.Button, new() { Name = "تسجيل الخروج" }).ClickAsync();
        await editor.WaitForURLAsync(url => url.Contains("/admin/login"));
        await SignInWithPasswordAsync(editor, email, password, expectedPath: "/admin/login/two-factor");
        await editor.ScreenshotAsync("5-two-factor-3-code");
        var step = editor.Locator("form[method=post]:has([name=code])");
        await step.Field("code").FillAsync(Totp(key, DateTime.UtcNow.AddSeconds(30))); // each code is accepted once
        await step.Field("rememberBrowser").CheckAsync();
        await step.SubmitAsync();
        Assert.Equal("/admin", new Uri(editor.Url).AbsolutePath);
        await editor.GetByRole(AriaRole.Button, new() { Name = "تسجيل الخروج" }).ClickAsync();
        await editor.WaitForURLAsync(url => url.Contains("/admin/login"));
        await SignInWithPasswordAsync(editor, email, password);
        Assert.Equal("/admin", new Uri(editor.Url).AbsolutePath);

        // The Admin reads what happened.
        await admin.GotoAsync("/admin/audit");
        var rows = await admin.Locator("tbody tr").AllInnerTextsAsync();
        foreach (var action in new[] { "حساب جديد", "تفعيل التحقق بخطوتين", "دخول", "خروج" })
            Assert.Contains(rows, r => r.Contains(action));
        Assert.Contains(rows, r => r.Contains("تفعيل التحقق بخطوتين") && r.Contains(email));
        await admin.ScreenshotAsync("5-two-factor-4-audit-log");

        await editor.Context.CloseCheckedAsync();
        await admin.Context.CloseCheckedAsync();
    }

    private static async Task SignInWithPasswordAsync(IPage page, string email, string password, string expectedPath = "/admin")
    {
        await page.GotoAsync("/admin/login");
        var form = page.Locator("form[method=post]:has([name=password])");
        await form.Field("email").FillAsync(email);
        await form.Field("password").FillAsync(password);
        await form.SubmitAsync();
        Assert.Equal(expectedPath, new Uri(page.Url).AbsolutePath);
    }

    /// <summary>What the editor's authenticator app shows at that moment (RFC 6238: SHA-1, six digits, 30 seconds).</summary>
    private static string Totp(string key, DateTime at) => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp(at);

    private static readonly Regex Approve = new("موافق|قبول|اعتماد|نشر|approve", RegexOptions.IgnoreCase);

    /// <summary>Fills the comment form properly and sends it; the server answers with the article again.</summary>
    private static async Task LeaveCommentAsync(IPage page, LeftComment comment)
    {
        var form = page.CommentForm();
        await form.Field("comment").FillAsync(comment.Text);
        await form.Field("author").FillAsync(comment.Author);
        await form.Field("email").FillAsync(comment.Email);
        await form.Field("url").FillAsync("");
        var accepted = await form.SubmitAsync();
        Assert.Equal(200, accepted.Status);
    }

    /// <summary>The text of the elements an input names in aria-describedby, those that are shown on screen.</summary>
    private static Task<string> DescriptionAsync(ILocator input) => input.EvaluateAsync<string>("""
        el => (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
            .map(id => document.getElementById(id))
            .filter(d => d && d.getClientRects().length > 0)
            .map(d => d.textContent.trim()).join(' ')
        """);

    /// <summary>Chooses a value in a select or in a group of radio buttons of the same name.</summary>
    private static async Task ChooseAsync(ILocator field, string value)
    {
        if (await field.First.EvaluateAsync<string>("el => el.tagName") == "SELECT")
            await field.First.SelectOptionAsync(value);
        else
            await field.And(field.Page.Locator($"[value={value}]")).CheckAsync();
    }
}
