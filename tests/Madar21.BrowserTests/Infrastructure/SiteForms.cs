using Microsoft.Playwright;

namespace Madar21.BrowserTests.Infrastructure;

/// <summary>
/// The site's forms as their issues define them: the comment form's fields <c>comment</c>, <c>author</c>,
/// <c>email</c>, <c>url</c>, and the admin sign-in at <c>/admin/login</c> with <c>email</c> and <c>password</c>.
/// </summary>
public static class SiteForms
{
    public static ILocator CommentForm(this IPage page) => page.Locator("form[method=post]:has([name=comment])");

    /// <summary>The innermost section around the comment form: its heading, error summary, notices and the form.</summary>
    public static ILocator CommentSection(this IPage page) =>
        page.Locator("section:has(form[method=post] [name=comment])").Last;

    /// <summary>The field a person fills in (not the hidden input ASP.NET Core adds beside a checkbox).</summary>
    public static ILocator Field(this ILocator form, string name) => form.Locator($"[name={name}]:not([type=hidden])");

    /// <summary>
    /// The form's default button: its first visible submit button in tree order, the one Enter presses (the
    /// article editor's «حفظ», not «معاينة» after it).
    /// </summary>
    public static ILocator SubmitButton(this ILocator form) =>
        form.Locator("button[type=submit], button:not([type]), input[type=submit]").Filter(new() { Visible = true }).First;

    /// <summary>What a bot does: strips the browser-side rules so that only the server can refuse the post.</summary>
    public static Task BypassBrowserValidationAsync(this ILocator form) => form.EvaluateAsync("""
        f => {
            f.noValidate = true;
            for (const el of f.querySelectorAll('[required], [maxlength], [pattern], [type=email], [type=url]')) {
                el.removeAttribute('required');
                el.removeAttribute('maxlength');
                el.removeAttribute('pattern');
                if (el.type === 'email' || el.type === 'url') el.type = 'text';
            }
        }
        """);

    /// <summary>Submits and waits for the page the server answers with (after any redirect).</summary>
    public static async Task<IResponse> SubmitAsync(this ILocator form)
    {
        var page = form.Page;
        var response = await page.RunAndWaitForResponseAsync(
            () => form.SubmitButton().ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame && r.Status is < 300 or >= 400);
        await page.WaitForLoadStateAsync();
        return response;
    }

    /// <summary>Signs in with the account the test server creates at start-up, and stays signed in for the context.</summary>
    public static Task SignInAsync(this IPage page) => page.SignInAsync(SiteServer.AdminEmail, SiteServer.AdminPassword);

    /// <summary>Signs in as the run's Writer (<see cref="SiteServer.WriterIdAsync"/>), made first if need be.</summary>
    public static async Task SignInAsWriterAsync(this IPage page, SiteServer server)
    {
        await server.WriterIdAsync();
        await page.SignInAsync(SiteServer.WriterEmail, SiteServer.WriterPassword);
    }

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/admin/login");
        var form = page.Locator("form[method=post]:has([name=password])");
        await form.Field("email").FillAsync(email);
        await form.Field("password").FillAsync(password);
        await form.SubmitAsync();
        Assert.False(new Uri(page.Url).AbsolutePath.StartsWith("/admin/login", StringComparison.OrdinalIgnoreCase),
            $"signing in did not leave the login page: {await page.Locator("main").InnerTextAsync()}");
    }
}
