using System.Net;
using System.Text.RegularExpressions;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Madar21.Tests.Site;

/// <summary>The security headers on every kind of response the site sends, and pages that keep to the policy.</summary>
public class SecurityHeadersTests(CommentsFactory factory) : IClassFixture<CommentsFactory>
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static TheoryData<string> PublicUrls => new()
    {
        "/", "/section/" + Uri.EscapeDataString("سياسة"), "/search?q=" + Uri.EscapeDataString("المغرب"),
        "/feed", "/section/" + Uri.EscapeDataString("سياسة") + "/feed", "/sitemap.xml", "/news-sitemap.xml", "/robots.txt",
        "/healthz", "/css/site.css", "/no-such-page", "/article/999999/x", "/admin/login", "/admin",
    };

    [Theory]
    [MemberData(nameof(PublicUrls))]
    public async Task Every_response_carries_the_security_headers_rendered_or_from_the_cache(string url)
    {
        var client = await factory.StartAsync();
        var first = await client.GetAsync(url);
        var second = await client.GetAsync(url);

        AssertSecurityHeaders(first, url);
        AssertSecurityHeaders(second, url);
    }

    [Fact]
    public async Task A_page_served_from_the_shared_cache_carries_them()
    {
        var client = await factory.StartAsync();
        await client.GetAsync("/");
        var cached = await factory.NewClient().GetAsync("/");

        Assert.NotNull(cached.Headers.Age); // really from the cache
        AssertSecurityHeaders(cached, "cached home page");
    }

    [Fact]
    public async Task Article_pages_redirects_refused_forms_and_admin_pages_carry_them()
    {
        await factory.StartAsync();
        var article = await factory.SeedArticleAsync();
        var path = CommentTestKit.PathOf(article);
        var anonymous = factory.NewClient();
        AssertSecurityHeaders(await anonymous.GetAsync(path), "article");
        AssertSecurityHeaders(await anonymous.GetAsync($"/article/{article.Id}/old-slug"), "redirect to the article");

        var refused = await anonymous.PostCommentAsync(path, new Dictionary<string, string?> { ["comment"] = "", ["author"] = "", ["email"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        AssertSecurityHeaders(refused, "refused comment");

        var admin = await factory.SignedInAsAdminAsync();
        foreach (var url in new[] { "/admin", "/admin/articles", "/admin/articles/new", "/admin/comments", "/admin/sections", "/admin/users" })
        {
            var response = await admin.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertSecurityHeaders(response, url);
        }
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only_with_the_configured_max_age()
    {
        using var custom = new CommentsFactory().With("Security:HstsMaxAge", "1.00:00:00");
        var plain = await custom.StartAsync();
        Assert.False((await plain.GetAsync("/")).Headers.Contains("Strict-Transport-Security"));

        var secure = custom.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        foreach (var url in new[] { "/", "/css/site.css", "/no-such-page" })
        {
            var response = await secure.GetAsync(url);
            Assert.Equal("max-age=86400", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
        }
    }

    [Fact]
    public async Task Hsts_is_sent_behind_a_trusted_https_proxy_and_not_for_an_untrusted_one()
    {
        using var proxied = new CommentsFactory().With("ForwardedHeaders:KnownProxies:0", "10.0.0.1");
        var client = await proxied.StartAsync();

        var trusted = await SendAsync(client, "10.0.0.1");
        var untrusted = await SendAsync(client, "203.0.113.9");

        Assert.Equal("max-age=31536000", string.Join(",", trusted.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(untrusted.Headers.Contains("Strict-Transport-Security"));

        static Task<HttpResponseMessage> SendAsync(HttpClient client, string peer)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Add(CommentsFactory.ClientAddressHeader, peer);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "198.51.100.7");
            return client.SendAsync(request);
        }
    }

    [Fact]
    public async Task Kestrel_sends_no_server_header()
    {
        using var kestrel = new MadarFactory();
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        var client = kestrel.CreateClient();

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(response.Headers.Server);
        AssertSecurityHeaders(response, "404 over Kestrel");
    }

    private static readonly string[] Pages =
        ["/", "/section/" + Uri.EscapeDataString("سياسة"), "/search?q=" + Uri.EscapeDataString("المغرب"), "/no-such-page", "/admin/login"];

    [Fact]
    public async Task No_page_has_inline_script_or_style_that_the_policy_would_block()
    {
        var client = await factory.StartAsync();
        var article = await factory.SeedArticleAsync();
        var admin = await factory.SignedInAsAdminAsync();
        var pages = new List<(string Url, string Html)>();
        foreach (var url in Pages.Append(CommentTestKit.PathOf(article)))
            pages.Add((url, await (await client.GetAsync(url)).Content.ReadAsStringAsync()));
        foreach (var url in new[] { "/admin", "/admin/articles", "/admin/articles/new", $"/admin/articles/{article.Id}/edit", "/admin/comments", "/admin/sections", "/admin/users" })
            pages.Add((url, await admin.GetStringAsync(url)));

        foreach (var (url, html) in pages)
        {
            var doc = Html.Parse(html);
            Assert.Empty(doc.QuerySelectorAll("style, [style]").Select(e => $"{url}: {e.OuterHtml}"));
            // JSON-LD is data, which CSP does not run; any other script must come from a file.
            Assert.DoesNotContain(doc.QuerySelectorAll("script"), s => s.GetAttribute("type") != "application/ld+json" && s.GetAttribute("src") is null);
            Assert.Empty(doc.All.Where(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal))).Select(e => $"{url}: {e.OuterHtml}"));
            Assert.DoesNotMatch(new Regex("href=\"javascript:", RegexOptions.IgnoreCase), html);
        }
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(",", values)
                : throw new Xunit.Sdk.XunitException($"{what} ({(int)response.StatusCode}) has no {name} header");

        Assert.Equal(Policy, Header("Content-Security-Policy"));
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Equal("same-origin", Header("Cross-Origin-Opener-Policy"));
        var permissions = Header("Permissions-Policy");
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()" })
            Assert.Contains(feature, permissions);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{what}: HSTS over plain HTTP");
        Assert.Empty(response.Headers.Server);
    }
}
