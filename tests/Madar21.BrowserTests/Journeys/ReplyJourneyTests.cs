using Madar21.BrowserTests.Infrastructure;
using Madar21.Web.Models;
using Microsoft.Playwright;

namespace Madar21.BrowserTests.Journeys;

/// <summary>
/// Replying to another reader, as on WordPress sites: with JavaScript off the «رد» link opens the form for that
/// comment; the moderator sees what it answers and approves it; it shows under the comment it answers. With
/// JavaScript on, the form moves under the comment instead.
/// </summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class ReplyJourneyTests(BrowserSite site)
{
    [SkippableFact]
    public async Task A_reader_without_JavaScript_replies_the_moderator_approves_and_the_reply_shows_nested()
    {
        var server = await site.ServerAsync();
        var path = await server.SeedArticlePathAsync();
        var parentId = await server.AddCommentAsync("نادية من وجدة", "هل من تفاصيل عن موعد التنفيذ؟", "nadia.reply@example.test", CommentStatus.Approved);
        const string replyText = "أعلنت الجماعة أن الأشغال تبدأ في الربيع.";

        var reader = await (await site.NewContextAsync(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight, javaScript: false)).NewPageAsync();
        await reader.GotoAsync(path);
        var parent = reader.Locator($"#comment-{parentId}");
        await parent.GetByRole(AriaRole.Link, new() { Name = "رد على نادية من وجدة" }).ClickAsync();
        await reader.WaitForURLAsync(url => url.Contains($"replytocom={parentId}"));
        await Assertions.Expect(reader.Locator("#respond-title")).ToHaveTextAsync("ردّ على نادية من وجدة");
        await reader.CommentSection().ScreenshotAsync("reply-1-form-without-javascript");

        var form = reader.CommentForm();
        await form.Field("comment").FillAsync(replyText);
        await form.Field("author").FillAsync("كريم من فاس");
        await form.Field("email").FillAsync("karim.reply@example.test");
        Assert.Equal(200, (await form.SubmitAsync()).Status);
        var notice = reader.Locator($"#comment-{parentId} > ol.children > #pending-comment");
        await Assertions.Expect(notice).ToHaveTextAsync("تعليقك بانتظار المراجعة");
        await reader.Locator($"#comment-{parentId}").ScreenshotAsync("reply-2-awaiting-moderation");

        var moderator = await site.NewPageAsync();
        await moderator.SignInAsync();
        await moderator.GotoAsync("/admin/comments");
        var entry = moderator.Locator("li.admin-comment").Filter(new() { HasText = replyText });
        await Assertions.Expect(entry.Locator(".admin-parent")).ToContainTextAsync("هل من تفاصيل عن موعد التنفيذ؟");
        await entry.ScreenshotAsync("reply-3-moderation-with-parent");
        await moderator.RunAndWaitForResponseAsync(
            () => entry.GetByRole(AriaRole.Button, new() { NameRegex = new("^موافقة") }).ClickAsync(),
            r => r.Request.Method == "POST");
        await moderator.WaitForLoadStateAsync();

        var fresh = await (await site.NewContextAsync(BrowserSite.PhoneWidth, BrowserSite.PhoneHeight, javaScript: false)).NewPageAsync();
        await fresh.GotoAsync(path);
        var nested = fresh.Locator($"#comment-{parentId} > ol.children > li.comment").Filter(new() { HasText = replyText });
        await Assertions.Expect(nested).ToBeVisibleAsync();
        await Assertions.Expect(nested).ToContainTextAsync("كريم من فاس");
        // Indented under the comment it answers: its start (the right edge) is further in.
        var parentBox = (await fresh.Locator($"#comment-{parentId}").BoundingBoxAsync())!;
        var replyBox = (await nested.BoundingBoxAsync())!;
        Assert.True(replyBox.X + replyBox.Width < parentBox.X + parentBox.Width - 8,
            $"the reply's right edge ({replyBox.X + replyBox.Width}) is not inside the comment's ({parentBox.X + parentBox.Width})");
        await fresh.AssertNoHorizontalScrollAsync("a thread at 375 px");
        await fresh.Locator($"#comment-{parentId}").ScreenshotAsync("reply-4-nested");

        // With JavaScript, «رد» brings the form under the comment without leaving the page.
        var scripted = await site.NewPageAsync();
        await scripted.GotoAsync(path);
        await scripted.Locator($"#comment-{parentId}").GetByRole(AriaRole.Link, new() { Name = "رد على نادية من وجدة" }).ClickAsync();
        await Assertions.Expect(scripted.Locator($"#comment-{parentId} #respond")).ToBeVisibleAsync();
        Assert.DoesNotContain("replytocom", scripted.Url);
        Assert.Equal(parentId.ToString(), await scripted.Locator("input[name=comment_parent]").InputValueAsync());
        Assert.Equal("comment", await scripted.EvaluateAsync<string>("document.activeElement.name"));
        await scripted.Locator(".cancel-reply a").ClickAsync();
        Assert.Equal("0", await scripted.Locator("input[name=comment_parent]").InputValueAsync());
        await Assertions.Expect(scripted.Locator($"#comment-{parentId} #respond")).ToHaveCountAsync(0);

        foreach (var page in new[] { reader, moderator, fresh, scripted }) await page.Context.CloseCheckedAsync();
    }
}
