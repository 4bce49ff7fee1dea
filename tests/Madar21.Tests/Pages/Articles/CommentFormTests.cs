using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Comments;
using Madar21.Web.Models;
using Madar21.Web.Site.Dates;
using Madar21.Web.Site;
using Madar21.Web.Text;
using Microsoft.Extensions.DependencyInjection;
using static Madar21.Tests.Pages.Articles.CommentTestKit;

namespace Madar21.Tests.Pages.Articles;

public class CommentFormTests(CommentsFactory factory) : IClassFixture<CommentsFactory>
{
    private async Task<(HttpClient Client, string Path)> ArticleAsync()
    {
        var client = await factory.StartAsync();
        return (client, PathOf(await factory.SeedArticleAsync()));
    }

    private static void AssertFieldError(IHtmlDocument doc, string field, string expectedMessage)
    {
        var control = doc.GetElementById(field)!;
        var error = doc.GetElementById(field + "-error");
        Assert.NotNull(error);
        Assert.Equal(expectedMessage, error.Text());
        Assert.Contains(field + "-error", (control.GetAttribute("aria-describedby") ?? "").Split(' '));
        Assert.Equal("true", control.GetAttribute("aria-invalid"));
        var summary = doc.QuerySelector(".form-errors[role=alert]");
        Assert.NotNull(summary);
        Assert.Contains(summary.QuerySelectorAll("a"), a => a.GetAttribute("href") == "#" + field && a.Text() == expectedMessage);
    }

    private static string? ValueOf(IHtmlDocument doc, string field) => doc.GetElementById(field) switch
    {
        IHtmlTextAreaElement area => area.Value,
        IHtmlInputElement input => input.Value,
        _ => null,
    };

    [SkippableFact]
    public async Task Form_has_the_four_fields_with_their_names_labels_required_marks_and_the_privacy_note()
    {
        var (client, path) = await ArticleAsync();
        var doc = await client.GetPageAsync(path);
        var form = doc.CommentForm();

        Assert.Equal("اترك تعليقاً", doc.GetElementById("respond-title")!.Text());
        Assert.Equal("لن يتم نشر عنوان بريدك الإلكتروني (سياسة الخصوصية). الحقول الإلزامية مشار إليها بـ *", form.QuerySelector(".comment-notes")!.Text());
        Assert.Equal("/page/privacy", form.QuerySelector(".comment-notes a")!.GetAttribute("href"));
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal(path, form.GetAttribute("action")!.Split('#')[0]);

        var expected = new[]
        {
            ("comment", "textarea", "التعليق *", true, 5000),
            ("author", "input", "الاسم *", true, 100),
            ("email", "input", "البريد الإلكتروني *", true, 254),
            ("url", "input", "الموقع", false, 200),
        };
        foreach (var (name, tag, label, required, maxLength) in expected)
        {
            var control = form.QuerySelector($"[name={name}]")!;
            Assert.Equal(tag, control.LocalName);
            Assert.Equal(label, form.QuerySelector($"label[for={control.Id}]")!.Text());
            Assert.Equal(required, control.HasAttribute("required"));
            Assert.Equal(maxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), control.GetAttribute("maxlength"));
        }
        Assert.Equal("email", form.QuerySelector("[name=email]")!.GetAttribute("type"));
        Assert.Equal("url", form.QuerySelector("[name=url]")!.GetAttribute("type"));

        var remember = (IHtmlInputElement)form.QuerySelector("[name=remember]")!;
        Assert.Equal("checkbox", remember.Type);
        Assert.False(remember.IsChecked);
        Assert.Equal("احفظ اسمي وبريدي الإلكتروني وموقعي في هذا المتصفح لاستخدامها المرة المقبلة في تعليقي",
            form.QuerySelector($"label[for={remember.Id}]")!.Text());
    }

    [SkippableFact]
    public async Task Honeypot_is_hidden_from_people_without_display_none_or_an_obvious_name()
    {
        var (client, path) = await ArticleAsync();
        var form = (await client.GetPageAsync(path)).CommentForm();

        var trap = (IHtmlInputElement)form.QuerySelector($"[name={CommentInput.HoneypotField}]")!;
        Assert.Equal("-1", trap.GetAttribute("tabindex"));
        Assert.Equal("off", trap.GetAttribute("autocomplete"));
        Assert.Null(trap.GetAttribute("style"));
        Assert.False(trap.IsHidden);
        Assert.DoesNotContain("honey", trap.Name!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("true", trap.Closest("[aria-hidden]")!.GetAttribute("aria-hidden"));
        Assert.NotNull(form.QuerySelector($"label[for={trap.Id}]"));
    }

    [SkippableFact]
    public async Task Article_page_is_the_same_for_every_fresh_visitor_with_no_token_and_no_cookie()
    {
        var (_, path) = await ArticleAsync();
        var first = await factory.NewClient().GetAsync(path);
        var second = await factory.NewClient().GetAsync(path);
        var html = await first.Content.ReadAsStringAsync();

        Assert.Equal(html, await second.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Contains("Set-Cookie"), string.Join("; ", first.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        var form = Html.Parse(html).CommentForm();
        // The one hidden field is the reply's parent, the same "0" for everyone: no per-visitor token.
        var hidden = Assert.Single(form.QuerySelectorAll("input[type=hidden]"));
        Assert.Equal(("comment_parent", "0"), (hidden.GetAttribute("name"), hidden.GetAttribute("value")));
        Assert.DoesNotContain("RequestVerificationToken", html);
    }

    public static TheoryData<string, string?, string> MissingFields => new()
    {
        { "comment", null, "اكتب تعليقك." },
        { "comment", "  \r\n\t ", "اكتب تعليقك." },
        { "author", null, "اكتب اسمك." },
        { "author", "   ", "اكتب اسمك." },
        { "author", "\u202E\u2066", "اكتب اسمك." },
        { "email", null, "اكتب بريدك الإلكتروني." },
        { "email", " ", "اكتب بريدك الإلكتروني." },
    };

    public static TheoryData<string, string?, string> InvalidFields => new()
    {
        { "email", "not-an-email", "اكتب عنوان بريد إلكتروني صحيحاً، مثل name@example.com." },
        { "email", "said@example", "اكتب عنوان بريد إلكتروني صحيحاً، مثل name@example.com." },
        { "email", "Said <said@example.ma>", "اكتب عنوان بريد إلكتروني صحيحاً، مثل name@example.com." },
        { "url", "javascript:alert(1)", CommentInput.UrlSchemeMessage },
        { "url", "ftp://example.ma/", CommentInput.UrlSchemeMessage },
        { "url", "example.ma", CommentInput.UrlSchemeMessage },
        { "url", "https://user:password@example.ma/", CommentInput.UrlUserInfoMessage },
        { "url", "https://bank.example@evil.example/", CommentInput.UrlUserInfoMessage },
        { "comment", new string('م', 5001), "يجب ألا يتجاوز التعليق 5000 حرف." },
        { "author", new string('س', 101), "يجب ألا يتجاوز الاسم 100 حرف." },
        { "email", new string('a', 244) + "@example.ma", "يجب ألا يتجاوز البريد الإلكتروني 254 حرفاً." },
        { "url", "https://example.ma/" + new string('a', 182), "يجب ألا يتجاوز رابط الموقع 200 حرف." },
    };

    [SkippableTheory]
    [MemberData(nameof(MissingFields))]
    [MemberData(nameof(InvalidFields))]
    public async Task A_wrong_field_gives_400_with_the_arabic_message_at_the_field_keeps_the_other_values_and_stores_nothing(
        string field, string? value, string message)
    {
        var (client, path) = await ArticleAsync();
        var before = await factory.CommentCountAsync();
        var values = ValidValues();
        values["url"] = "https://said.example.ma/";
        values[field] = value;

        var response = await client.PostCommentAsync(path, values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ParsePageAsync();
        AssertFieldError(doc, field, message);
        Assert.Single(doc.QuerySelectorAll(".field-error"), e => e.Text().Length > 0);
        foreach (var other in new[] { "comment", "author", "email", "url" }.Where(f => f != field))
            Assert.Equal(values[other], ValueOf(doc, other));
        Assert.Equal(before, await factory.CommentCountAsync());
    }

    [SkippableFact]
    public async Task Every_error_is_listed_when_everything_is_wrong()
    {
        var (client, path) = await ArticleAsync();
        var response = await client.PostCommentAsync(path, new Dictionary<string, string?> { ["comment"] = "", ["author"] = "", ["email"] = "x", ["url"] = "data:text/html,x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ParsePageAsync();
        Assert.Equal(["#comment", "#author", "#email", "#url"], doc.QuerySelectorAll(".form-errors a").Select(a => a.GetAttribute("href")));
    }

    [SkippableFact]
    public async Task A_valid_comment_is_stored_pending_and_shown_only_after_approval_without_its_email_anywhere()
    {
        var (_, path) = await ArticleAsync();
        var commenter = factory.ClientAt("203.0.113.7");
        commenter.DefaultRequestHeaders.UserAgent.ParseAdd("TestBrowser/1.0");
        var email = "Said.Idrissi+madar@Example.ma";
        var text = "أتفق مع ما جاء في المقال.\nشكراً على المتابعة " + Guid.NewGuid().ToString("N");
        var values = ValidValues(text.Replace("\n", "\r\n"));
        values["email"] = email;
        values["author"] = "سعيد";
        values["url"] = "https://said.example.ma/";
        var responses = new List<HttpResponseMessage>();

        var posted = await commenter.PostCommentAsync(path, values);
        responses.Add(posted);

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal(path, posted.Headers.Location!.OriginalString.Split('#')[0]);
        var stored = await factory.CommentWithTextAsync(text);
        Assert.Equal(CommentStatus.Pending, stored.Status);
        Assert.Equal("سعيد", stored.Author);
        Assert.Equal("https://said.example.ma/", stored.Url);
        Assert.Equal("203.0.113.7", stored.IpAddress);
        Assert.Equal("TestBrowser/1.0", stored.UserAgent);
        Assert.DoesNotContain("example", stored.EmailProtected, StringComparison.OrdinalIgnoreCase);
        AssertNoTraceOf(email, stored.EmailProtected + stored.EmailHash, "the stored row");
        Assert.Equal(email, factory.Services.GetRequiredService<EmailProtector>().Unprotect(stored.EmailProtected));

        // The commenter sees the notice, not the comment; nobody else sees either.
        var own = await commenter.GetAsync(posted.Headers.Location);
        responses.Add(own);
        var ownDoc = await own.ParsePageAsync();
        Assert.Equal("تعليقك بانتظار المراجعة", ownDoc.QuerySelector(".comment-notice")!.Text());
        Assert.DoesNotContain(text, ownDoc.Body!.TextContent);
        var other = await factory.NewClient().GetAsync(path);
        responses.Add(other);
        var otherDoc = await other.ParsePageAsync();
        Assert.Null(otherDoc.QuerySelector(".comment-notice"));
        Assert.Null(otherDoc.GetElementById($"comment-{stored.Id}"));

        Assert.Equal(1, await factory.ApproveAsync(stored.Id));

        var afterApproval = await factory.NewClient().GetAsync(path);
        responses.Add(afterApproval);
        var doc = await afterApproval.ParsePageAsync();
        var shown = doc.GetElementById($"comment-{stored.Id}")!;
        Assert.Equal("سعيد", shown.QuerySelector(".comment-author")!.Text());
        var link = shown.QuerySelector("a.comment-author")!;
        Assert.Equal("https://said.example.ma/", link.GetAttribute("href"));
        Assert.Equal(["nofollow", "ugc", "noopener"], link.GetAttribute("rel")!.Split(' '));
        Assert.Equal(text, shown.QuerySelector(".comment-text")!.TextContent);
        Assert.Equal("auto", shown.QuerySelector(".comment-text")!.GetAttribute("dir"));
        Assert.NotNull(shown.QuerySelector("bdi"));
        Assert.Equal(MoroccanDate.Format(stored.CreatedAt), shown.QuerySelector("time")!.Text());
        var approvedCount = (await factory.CommentsAsync()).Count(c => c.Status == CommentStatus.Approved);
        Assert.Equal(ArabicPlural.Format(approvedCount, ArabicPlural.Comments), doc.GetElementById("comments-title")!.Text());

        foreach (var response in responses)
            AssertNoTraceOf(email, await DumpAsync(response), $"the response {response.RequestMessage!.Method} {response.RequestMessage.RequestUri}");
        // The capture works: the request log line of the post, and the app's own line about the stored comment.
        Assert.Contains(factory.Logs.Lines, l => l.Contains("RequestMethod=POST") && l.Contains("StatusCode=303"));
        Assert.Contains(factory.Logs.Lines, l => l.Contains($"CommentId={stored.Id}", StringComparison.Ordinal));
        AssertNoTraceOf(email, factory.Logs.AllText, "the logs");
    }

    [SkippableFact]
    public async Task Text_is_stored_trimmed_with_unix_line_endings_and_in_nfc_and_shown_as_typed()
    {
        var (client, path) = await ArticleAsync();
        var unique = Guid.NewGuid().ToString("N");
        // "é" written as e + combining acute (NFD) must be stored precomposed (NFC).
        var values = ValidValues($"  \r\nسطر أول Cafe\u0301\r\nسطر ثانٍ\rسطر ثالث {unique}  \n ");
        values["author"] = "  Ame\u0301lie  ";

        Assert.Equal(HttpStatusCode.SeeOther, (await client.PostCommentAsync(path, values)).StatusCode);

        var expected = $"سطر أول Café\nسطر ثانٍ\nسطر ثالث {unique}";
        var stored = await factory.CommentWithTextAsync(expected);
        Assert.Equal("Amélie", stored.Author);
        await factory.ApproveAsync(stored.Id);
        var shown = (await factory.NewClient().GetPageAsync(path)).GetElementById($"comment-{stored.Id}")!;
        Assert.Equal(expected, shown.QuerySelector(".comment-text")!.TextContent);
    }

    [SkippableFact]
    public async Task Bidi_controls_are_removed_from_names()
    {
        var (client, path) = await ArticleAsync();
        var values = ValidValues();
        values["author"] = "\u202Eعلي\u202C \u2067Ali\u2069\u200F\u061C";

        Assert.Equal(HttpStatusCode.SeeOther, (await client.PostCommentAsync(path, values)).StatusCode);

        var stored = await factory.CommentWithTextAsync(values["comment"]!);
        Assert.Equal("علي Ali", stored.Author);
    }

    [SkippableFact]
    public async Task Bidi_controls_are_removed_from_the_site_url()
    {
        var (client, path) = await ArticleAsync();
        var values = ValidValues();
        values["url"] = "https://\u202Emoc.live\u202C.example.com/";

        Assert.Equal(HttpStatusCode.SeeOther, (await client.PostCommentAsync(path, values)).StatusCode);

        var stored = await factory.CommentWithTextAsync(values["comment"]!);
        Assert.Equal("https://moc.live.example.com/", stored.Url);
    }

    [SkippableFact]
    public async Task Approved_comments_are_listed_oldest_first()
    {
        var (client, path) = await ArticleAsync();
        var first = ValidValues();
        var second = ValidValues();
        await client.PostCommentAsync(path, first);
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        await client.PostCommentAsync(path, second);
        var older = await factory.CommentWithTextAsync(first["comment"]!);
        var newer = await factory.CommentWithTextAsync(second["comment"]!);
        await factory.ApproveAsync(newer.Id, older.Id);

        var ids = (await factory.NewClient().GetPageAsync(path)).QuerySelectorAll(".comment-list > li").Select(li => li.Id).ToList();

        Assert.True(ids.IndexOf($"comment-{older.Id}") < ids.IndexOf($"comment-{newer.Id}"));
    }

    [SkippableFact]
    public async Task A_filled_honeypot_is_answered_like_a_success_but_stored_as_spam_and_never_shown()
    {
        var (client, path) = await ArticleAsync();
        var values = ValidValues();
        values[CommentInput.HoneypotField] = "Cheap watches";

        var response = await client.PostCommentAsync(path, values);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = await factory.CommentWithTextAsync(values["comment"]!);
        Assert.Equal(CommentStatus.Spam, stored.Status);
        var doc = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.NotNull(doc.QuerySelector(".comment-notice"));
        Assert.Null(doc.GetElementById($"comment-{stored.Id}"));
        Assert.DoesNotContain(values["comment"]!, (await factory.NewClient().GetStringAsync(path)));
    }

    [SkippableFact]
    public async Task The_same_text_from_the_same_email_on_the_same_article_within_ten_minutes_is_refused_as_a_duplicate()
    {
        var (client, path) = await ArticleAsync();
        var values = ValidValues();
        Assert.Equal(HttpStatusCode.SeeOther, (await client.PostCommentAsync(path, values)).StatusCode);
        var before = await factory.CommentCountAsync();

        factory.Clock.Advance(TimeSpan.FromMinutes(9));
        var again = values.ToDictionary();
        again["email"] = "  SAID.idrissi@EXAMPLE.ma "; // the same address, written differently
        var duplicate = await client.PostCommentAsync(path, again);

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var doc = await duplicate.ParsePageAsync();
        AssertFieldError(doc, "comment", "سبق أن أرسلت هذا التعليق نفسه على هذا المقال.");
        Assert.Equal(values["comment"], ValueOf(doc, "comment"));
        Assert.Equal(before, await factory.CommentCountAsync());

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.SeeOther, (await client.PostCommentAsync(path, values)).StatusCode);
    }

    public static TheoryData<string, string> Attacks => new()
    {
        { "author", "<script>alert(1)</script>" },
        { "author", "\"><img src=x onerror=alert(1)>" },
        { "comment", "<script>alert(1)</script>" },
        { "comment", "\"><img src=x onerror=alert(1)>" },
        { "comment", "</div><svg onload=alert(1)>" },
    };

    [SkippableTheory]
    [MemberData(nameof(Attacks))]
    public async Task Markup_in_names_and_texts_is_shown_as_inert_text(string field, string attack)
    {
        var (client, path) = await ArticleAsync();
        var values = ValidValues();
        values[field] = field == "comment" ? $"{attack} {Guid.NewGuid():N}" : attack;

        Assert.Equal(HttpStatusCode.SeeOther, (await client.PostCommentAsync(path, values)).StatusCode);
        var stored = await factory.CommentWithTextAsync(values["comment"]!);
        Assert.Equal(values[field], field == "comment" ? stored.Text : stored.Author);
        await factory.ApproveAsync(stored.Id);

        var doc = await factory.NewClient().GetPageAsync(path);
        var shown = doc.GetElementById($"comment-{stored.Id}")!;
        Assert.Equal(values[field], shown.QuerySelector(field == "comment" ? ".comment-text" : ".comment-author")!.TextContent);
        AssertNothingInjected(doc);
    }

    [SkippableFact]
    public async Task Markup_typed_into_the_form_is_kept_inert_when_the_form_is_shown_again()
    {
        var (client, path) = await ArticleAsync();
        var values = new Dictionary<string, string?>
        {
            ["comment"] = "</textarea><script>alert(1)</script>",
            ["author"] = "\"><img src=x onerror=alert(1)>",
            ["email"] = "\"><svg onload=alert(1)>",
            ["url"] = "javascript:alert(1)",
        };

        var response = await client.PostCommentAsync(path, values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ParsePageAsync();
        Assert.Equal(values["comment"], ValueOf(doc, "comment"));
        Assert.Equal(values["author"], ValueOf(doc, "author"));
        AssertNothingInjected(doc);
    }

    private static void AssertNothingInjected(IHtmlDocument doc)
    {
        // The page's own JSON-LD blocks are data, and its own scripts come from /js/; anything else would have come from the input.
        Assert.Empty(doc.QuerySelectorAll("script:not([type='application/ld+json']):not([src^='/js/']), img, svg"));
        Assert.NotEmpty(doc.QuerySelectorAll("script[type='application/ld+json']"));
        Assert.All(doc.QuerySelectorAll("script[type='application/ld+json']"), s => System.Text.Json.JsonDocument.Parse(s.TextContent).Dispose());
        Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.DoesNotContain(doc.QuerySelectorAll("[href]"), a => a.GetAttribute("href")!.TrimStart().StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public async Task Remember_me_keeps_the_values_in_an_encrypted_httponly_lax_cookie_only_when_ticked()
    {
        var (_, path) = await ArticleAsync();
        var client = factory.NewClient();
        var values = ValidValues();
        values["email"] = "remember.me@example.ma";
        values["url"] = "https://remember.example.ma/";

        var unticked = await client.PostCommentAsync(path, values);
        Assert.DoesNotContain(unticked.Headers.TryGetValues("Set-Cookie", out var none) ? none : [], c => c.StartsWith(CommenterCookie.Name, StringComparison.Ordinal));

        var ticked = ValidValues();
        ticked["email"] = values["email"];
        ticked["url"] = values["url"];
        ticked["remember"] = "yes";
        var response = await client.PostCommentAsync(path, ticked);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CommenterCookie.Name + "=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/article", attributes);
        Assert.DoesNotContain("secure", attributes);
        AssertNoTraceOf(values["email"]!, cookie, "the cookie");
        Assert.DoesNotContain("remember.example", cookie);
        Assert.DoesNotContain(Uri.EscapeDataString("سعيد"), cookie);

        var form = (await client.GetPageAsync(path)).CommentForm();
        Assert.Equal("سعيد الإدريسي", ((IHtmlInputElement)form.QuerySelector("[name=author]")!).Value);
        Assert.Equal(values["email"], ((IHtmlInputElement)form.QuerySelector("[name=email]")!).Value);
        Assert.Equal(values["url"], ((IHtmlInputElement)form.QuerySelector("[name=url]")!).Value);
        Assert.True(((IHtmlInputElement)form.QuerySelector("[name=remember]")!).IsChecked);
        Assert.Equal("", ((IHtmlTextAreaElement)form.QuerySelector("[name=comment]")!).Value);

        // Unticked on a later comment: the cookie is deleted.
        var later = ValidValues();
        later["remember"] = null;
        var forget = await client.PostCommentAsync(path, later);
        var deleted = forget.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CommenterCookie.Name + "=", StringComparison.Ordinal));
        Assert.Contains("expires=thu, 01 jan 1970", deleted.ToLowerInvariant());
    }

    [SkippableFact]
    public async Task Remember_me_cookie_is_secure_over_https()
    {
        await ArticleAsync();
        var path = PathOf(await factory.SeedArticleAsync());
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var values = ValidValues();
        values["remember"] = "yes";

        var response = await client.PostCommentAsync(path, values);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CommenterCookie.Name + "=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie.Split(';', StringSplitOptions.TrimEntries).Select(a => a.ToLowerInvariant()));
    }

    [SkippableFact]
    public async Task A_body_over_64_KiB_gets_413_and_stores_nothing()
    {
        var (client, path) = await ArticleAsync();
        var before = await factory.CommentCountAsync();
        var values = ValidValues(new string('ت', 40_000));

        var withLength = await client.PostRawAsync(path, values);
        var chunked = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new UnknownLengthContent(new FormUrlEncodedContent(values.Select(v => KeyValuePair.Create(v.Key, v.Value ?? "")))) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withLength.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal("الطلب كبير جداً", (await chunked.ParsePageAsync()).QuerySelector("h1")!.Text());
        Assert.Equal(before, await factory.CommentCountAsync());
    }

    [SkippableFact]
    public async Task A_long_valid_comment_under_the_body_limit_is_accepted_even_without_content_length()
    {
        var (client, path) = await ArticleAsync();
        var values = ValidValues(new string('ت', 4_900) + Guid.NewGuid().ToString("N"));

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new UnknownLengthContent(new FormUrlEncodedContent(values.Select(v => KeyValuePair.Create(v.Key, v.Value ?? "")))) });

        Assert.True(HttpStatusCode.SeeOther == response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.NotNull(await factory.CommentWithTextAsync(values["comment"]!));
    }

    /// <summary>Sent chunked: the server cannot know the size before reading it.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly HttpContent inner;

        public UnknownLengthContent(HttpContent inner)
        {
            this.inner = inner;
            Headers.ContentType = inner.Headers.ContentType;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [SkippableFact]
    public async Task A_refused_comment_corrected_on_the_error_page_is_stored()
    {
        var (client, path) = await ArticleAsync();
        var values = ValidValues();
        values["email"] = "ليس-بريداً";
        var refused = await client.PostCommentAsync(path, values);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var form = (await refused.ParsePageAsync()).CommentForm().Fill(new Dictionary<string, string> { ["email"] = "said.idrissi@example.ma" });
        var stored = await client.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.SeeOther, stored.StatusCode);
        var comment = await factory.CommentWithTextAsync(values["comment"]!);
        Assert.Equal(CommentStatus.Pending, comment.Status);
    }
}
