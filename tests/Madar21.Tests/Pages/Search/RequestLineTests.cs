using System.Net;
using Madar21.Tests.Infrastructure;

namespace Madar21.Tests.Pages.Search;

/// <summary>On the real server (Kestrel), a search URL too long for the request line gets 414, never 500.</summary>
public class RequestLineTests
{
    [Fact]
    public async Task A_request_line_too_long_for_the_server_gets_414_and_a_long_but_allowed_one_200()
    {
        using var factory = new MadarFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();

        var tooLong = await client.GetAsync("/search?q=" + new string('a', 10_000));
        var allowed = await client.GetAsync("/search?q=" + new string('a', 6_000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
