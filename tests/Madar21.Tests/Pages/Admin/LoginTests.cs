using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;
using Madar21.Web.Admin;

namespace Madar21.Tests.Pages.Admin;

public class LoginTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private const string Refused = "البريد الإلكتروني أو كلمة المرور غير صحيحة.";
    private const string LockedOut = "أُوقف الدخول مؤقتاً بعد محاولات فاشلة متكررة. حاول مرة أخرى بعد 15 دقيقةً.";

    private static string LoginUrl(string returnUrl) => "/admin/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

    private static async Task<string> ErrorsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParsePageAsync();
        return string.Join(' ', page.QuerySelectorAll(".form-errors[role=alert] li").Select(li => li.Text()));
    }

    [Fact]
    public async Task Login_form_has_email_and_password_fields_with_labels_and_an_antiforgery_token()
    {
        var client = await factory.StartAsync();
        var page = await client.GetPageAsync("/admin/login");

        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        var form = page.Form("form input[name=email]");
        Assert.Equal("post", form.Method);
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        foreach (var (name, type, label) in new[] { ("email", "email", "البريد الإلكتروني"), ("password", "password", "كلمة المرور") })
        {
            var input = form.QuerySelector($"input[name={name}]")!;
            Assert.Equal(type, input.GetAttribute("type"));
            Assert.Equal(label, form.QuerySelector($"label[for={input.Id}]")!.Text());
        }
    }

    [Fact]
    public async Task Editor_signs_in_reaches_the_admin_and_signs_out_with_a_post()
    {
        var (email, _, client) = await factory.NewStaffAsync();

        var login = await client.LogInAsync(email, Staff.Password, "/admin/login?ReturnUrl=%2Fadmin%2Fsections");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/admin/sections", login.Headers.Location!.OriginalString);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.DoesNotContain("secure", cookie); // plain HTTP here; see the HTTPS test

        var admin = await client.GetPageAsync("/admin");
        Assert.Contains(email, admin.QuerySelector(".admin-nav")!.Text());

        var logout = await client.SubmitAsync(admin.Form(".admin-user"));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var after = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/admin/login", after.RedirectTarget().PathAndQuery);
    }

    [Fact]
    public async Task Sign_in_cookie_is_secure_when_the_request_is_https()
    {
        var email = (await factory.NewStaffAsync()).Email;
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"),
        });

        var login = await client.LogInAsync(email, Staff.Password);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
    }

    [Theory]
    [InlineData("https://elsewhere.example/steal")]
    [InlineData("//elsewhere.example/steal")]
    [InlineData("/\\elsewhere.example/steal")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_url_to_another_site_is_ignored(string returnUrl)
    {
        var (email, _, client) = await factory.NewStaffAsync();

        var login = await client.LogInAsync(email, Staff.Password, LoginUrl(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/admin", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_arabic_message_and_the_same_page()
    {
        var email = (await factory.NewStaffAsync()).Email;

        var wrongPassword = await factory.NewClient().LogInAsync(email, "ليست-كلمة-المرور");
        var unknownEmail = await factory.NewClient().LogInAsync(Staff.NewEmail(), "ليست-كلمة-المرور");

        Assert.Equal(Refused, await ErrorsOf(wrongPassword));
        Assert.Equal(Refused, await ErrorsOf(unknownEmail));
        var a = (await wrongPassword.ParsePageAsync()).QuerySelector("main")!;
        var b = (await unknownEmail.ParsePageAsync()).QuerySelector("main")!;
        foreach (var token in new[] { a, b }.SelectMany(m => m.QuerySelectorAll("input[name=__RequestVerificationToken], input[name=email]")))
            token.RemoveAttribute("value");
        Assert.Equal(a.OuterHtml, b.OuterHtml);
        Assert.Null(a.QuerySelector("input[name=password]")!.GetAttribute("value")); // a password is never sent back
    }

    [Fact]
    public async Task After_thirty_failures_even_the_right_password_is_refused_for_fifteen_minutes()
    {
        var (email, _, client) = await factory.NewStaffAsync();

        for (var i = 1; i < LoginThrottle.MaxFailedAttempts; i++)
            Assert.Equal(Refused, await ErrorsOf(await client.LogInAsync(email, $"خطأ-{i}-كلمة-مرور")));
        Assert.Equal(LockedOut, await ErrorsOf(await client.LogInAsync(email, "خطأ-أخير-كلمة-مرور")));

        Assert.Equal(LockedOut, await ErrorsOf(await client.LogInAsync(email, Staff.Password)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(LockedOut, await ErrorsOf(await client.LogInAsync(email, Staff.Password)));
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await client.LogInAsync(email, Staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }

    [Fact]
    public async Task Failures_older_than_the_window_are_forgotten()
    {
        var (email, _, client) = await factory.NewStaffAsync();

        for (var i = 1; i < LoginThrottle.MaxFailedAttempts; i++)
            Assert.Equal(Refused, await ErrorsOf(await client.LogInAsync(email, $"خطأ-{i}-كلمة-مرور")));
        factory.Clock.Advance(LoginThrottle.Window);

        Assert.Equal(Refused, await ErrorsOf(await client.LogInAsync(email, "خطأ-آخر-كلمة-مرور")));
        Assert.Equal(HttpStatusCode.Redirect, (await client.LogInAsync(email, Staff.Password)).StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_answers_exactly_like_an_address_with_no_account()
    {
        var (disabled, userId, _) = await factory.NewStaffAsync();
        await factory.WithService<bool, StaffUserManager>(async users =>
        {
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(userId))!, StaffUserManager.DisabledUntil);
            return true;
        });
        var unknown = Staff.NewEmail();

        // The disabled account with its right password, and an unknown address: the same answer at every attempt,
        // the switch to «locked» included.
        for (var i = 1; i <= LoginThrottle.MaxFailedAttempts + 1; i++)
        {
            var expected = i < LoginThrottle.MaxFailedAttempts ? Refused : LockedOut;
            Assert.Equal(expected, await ErrorsOf(await factory.NewClient().LogInAsync(disabled, Staff.Password)));
            Assert.Equal(expected, await ErrorsOf(await factory.NewClient().LogInAsync(unknown, Staff.Password)));
        }
    }

    [Fact]
    public async Task An_unknown_email_is_locked_out_after_as_many_failures_as_a_real_account()
    {
        var client = await factory.StartAsync();
        var email = Staff.NewEmail();

        for (var i = 1; i < LoginThrottle.MaxFailedAttempts; i++)
            Assert.Equal(Refused, await ErrorsOf(await client.LogInAsync(email, "أي-كلمة-مرور-هنا")));
        Assert.Equal(LockedOut, await ErrorsOf(await client.LogInAsync(email, "أي-كلمة-مرور-هنا")));
        Assert.Equal(LockedOut, await ErrorsOf(await client.LogInAsync(email, "أي-كلمة-مرور-هنا")));
    }

    [Fact]
    public async Task A_stranger_is_slowed_down_by_address_and_cannot_lock_the_admin_out()
    {
        // CommentsFactory gives each client the address it names; the limit is set back to the shipped default.
        using var site = new CommentsFactory();
        site.With("Admin:SignInAttemptsPerAddress", new AdminOptions().SignInAttemptsPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var admin = (await site.NewStaffAsync(StaffRoles.Admin)).Email;
        var stranger = site.ClientAt("203.0.113.7");
        var burst = new AdminOptions().SignInAttemptsPerAddress;

        for (var i = 1; i <= burst; i++)
            Assert.Equal(Refused, await ErrorsOf(await stranger.LogInAsync(admin, $"تخمين-{i}-كلمة-مرور")));
        var slowed = await stranger.LogInAsync(admin, "تخمين-آخر-كلمة-مرور");

        Assert.Equal(HttpStatusCode.TooManyRequests, slowed.StatusCode);
        Assert.True(int.Parse(slowed.Headers.GetValues("Retry-After").Single()) > 0);
        Assert.Contains("طلبات كثيرة", (await slowed.ParsePageAsync()).QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync("/admin/login")).StatusCode); // reading is never limited

        var signedIn = await site.ClientAt("198.51.100.2").LogInAsync(admin, Staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(burst < LoginThrottle.MaxFailedAttempts, "one address must not be able to reach the per-account lock");
    }

    [Theory]
    [InlineData("/section/سياسة")]
    [InlineData("/admin/articles?q=مغرب")]
    [InlineData("/admin/articles?q=%D9%85%D8%BA%D8%B1%D8%A8")]
    [InlineData("/بحث/🙂")]
    public async Task A_local_return_url_with_arabic_letters_is_followed_after_signing_in_and_when_already_signed_in(string returnUrl)
    {
        var (email, _, client) = await factory.NewStaffAsync();

        var login = await client.LogInAsync(email, Staff.Password, LoginUrl(returnUrl));
        var again = await client.GetAsync(LoginUrl(returnUrl));

        foreach (var response in new[] { login, again })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!.OriginalString;
            Assert.True(location.All(char.IsAscii), $"Location is not ASCII: {location}");
            Assert.Equal(Uri.UnescapeDataString(returnUrl), Uri.UnescapeDataString(location));
        }
    }

    [Fact]
    public async Task Empty_fields_get_arabic_messages_tied_to_the_fields()
    {
        var client = await factory.StartAsync();
        var response = await client.LogInAsync("", "");

        var page = await response.ParsePageAsync();
        var email = page.QuerySelector("input[name=email]")!;
        Assert.Equal("true", email.GetAttribute("aria-invalid"));
        Assert.Equal("البريد الإلكتروني مطلوب.", page.GetElementById(email.GetAttribute("aria-describedby")!)!.Text());
        var password = page.QuerySelector("input[name=password]")!;
        Assert.Equal("كلمة المرور مطلوبة.", page.GetElementById(password.GetAttribute("aria-describedby")!)!.Text());
    }

    [Fact]
    public async Task A_refused_sign_in_then_the_right_password_still_goes_to_the_return_url()
    {
        var (email, _, client) = await factory.NewStaffAsync();

        var refused = await client.LogInAsync(email, "ليست-كلمة-المرور", "/admin/login?ReturnUrl=%2Fadmin%2Fcomments");
        var form = (await refused.ParsePageAsync()).Form("form input[name=email]")
            .Fill(new Dictionary<string, string> { ["password"] = Staff.Password });
        var signedIn = await client.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin/comments", signedIn.Headers.Location!.OriginalString);
    }
}
