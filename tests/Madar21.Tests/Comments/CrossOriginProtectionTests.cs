using Madar21.Web.Comments;
using Microsoft.AspNetCore.Http;

namespace Madar21.Tests.Comments;

/// <summary>The cases of Go 1.25's CrossOriginProtection tests, on the same algorithm.</summary>
public class CrossOriginProtectionTests
{
    private static readonly CrossOriginProtection Protection = new(["https://madar21.example", "https://trusted.example:8443"]);

    private static bool Allows(string method, string host, string? secFetchSite, string? origin)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = method;
        request.Host = new HostString(host);
        if (secFetchSite is not null) request.Headers["Sec-Fetch-Site"] = secFetchSite;
        if (origin is not null) request.Headers.Origin = origin;
        return Protection.Allows(request);
    }

    [Theory]
    [InlineData("GET", "cross-site", "https://evil.example")]
    [InlineData("HEAD", "cross-site", "https://evil.example")]
    [InlineData("OPTIONS", "cross-site", "https://evil.example")]
    public void Safe_methods_always_pass(string method, string site, string origin) =>
        Assert.True(Allows(method, "app.example", site, origin));

    [Theory]
    [InlineData("same-origin", null, true)]
    [InlineData("none", null, true)]
    [InlineData("same-origin", "https://evil.example", true)]
    [InlineData("cross-site", null, false)]
    [InlineData("same-site", null, false)]
    [InlineData("cross-site", "https://app.example", false)]
    [InlineData("cross-site", "https://madar21.example", true)]
    [InlineData("same-site", "https://trusted.example:8443", true)]
    [InlineData("same-site", "https://trusted.example", false)]
    public void Sec_fetch_site_decides_when_present(string site, string? origin, bool allowed)
    {
        Assert.Equal(allowed, Allows("POST", "app.example", site, origin));
        Assert.Equal(allowed, Allows("DELETE", "app.example", site, origin));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("https://app.example", true)]
    [InlineData("http://app.example", true)]
    [InlineData("https://APP.example", true)]
    [InlineData("https://app.example:8080", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("https://app.example.evil.example", false)]
    [InlineData("null", false)]
    [InlineData("not a url", false)]
    [InlineData("https://madar21.example", true)]
    public void Without_sec_fetch_site_the_origin_must_match_the_host_or_be_trusted(string? origin, bool allowed) =>
        Assert.Equal(allowed, Allows("POST", "app.example", null, origin));

    [Fact]
    public void Ports_are_part_of_the_host() =>
        Assert.True(Allows("POST", "app.example:8080", null, "http://app.example:8080"));
}
