using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;
using static Madar21.Tests.Pages.Articles.CommentTestKit;

namespace Madar21.Tests.Site;

public class ForwardedHeadersTests
{
    private static async Task<string?> StoredAddressAsync(MadarFactory factory, string peer, string forwardedFor)
    {
        var values = ValidValues();
        var response = await factory.ClientAt(peer).PostRawAsync(PathOf(await factory.SeedArticleAsync()), values, ("X-Forwarded-For", forwardedFor));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return (await factory.CommentWithTextAsync(values["comment"]!)).IpAddress;
    }

    [Fact]
    public async Task The_client_address_is_taken_from_x_forwarded_for_only_when_the_peer_is_a_known_proxy_or_network()
    {
        using var factory = new CommentsFactory();
        factory.With("ForwardedHeaders:KnownProxies:0", "10.0.0.1").With("ForwardedHeaders:KnownNetworks:0", "172.16.0.0/12");
        await factory.StartAsync();

        Assert.Equal("203.0.113.5", await StoredAddressAsync(factory, "10.0.0.1", "203.0.113.5"));
        Assert.Equal("203.0.113.6", await StoredAddressAsync(factory, "172.20.1.2", "203.0.113.6"));
        Assert.Equal("10.0.0.2", await StoredAddressAsync(factory, "10.0.0.2", "203.0.113.7"));
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Contains("deprecated"));
    }

    [Fact]
    public async Task The_old_comments_key_still_works_and_logs_one_deprecation_line()
    {
        using var factory = new CommentsFactory();
        factory.With("Comments:TrustedProxies:0", "10.0.0.1").With("Comments:TrustedProxies:1", "172.16.0.0/12");
        await factory.StartAsync();

        Assert.Equal("203.0.113.5", await StoredAddressAsync(factory, "10.0.0.1", "203.0.113.5"));
        Assert.Equal("203.0.113.6", await StoredAddressAsync(factory, "172.20.1.2", "203.0.113.6"));
        Assert.Equal("10.0.0.2", await StoredAddressAsync(factory, "10.0.0.2", "203.0.113.7"));
        var deprecation = Assert.Single(factory.Logs.Lines, l => l.Contains("deprecated"));
        Assert.Contains("Comments:TrustedProxies", deprecation);
        Assert.Contains("ForwardedHeaders:KnownProxies", deprecation);
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_behind_an_https_proxy_and_only_a_trusted_one()
    {
        using var factory = new CommentsFactory();
        factory.With("ForwardedHeaders:KnownProxies:0", "10.0.0.1");
        await factory.StartAsync();

        async Task<string> AntiforgeryCookieAsync(string peer)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/admin/login");
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.5");
            var response = await factory.ClientAt(peer).SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        }

        Assert.Contains("; secure", await AntiforgeryCookieAsync("10.0.0.1"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", await AntiforgeryCookieAsync("10.0.0.2"), StringComparison.OrdinalIgnoreCase);
    }
}
