using System.Net;
using Madar21.Tests.Infrastructure;

namespace Madar21.Tests.Site;

public class HealthCheckTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    [Fact]
    public async Task Health_check_answers_200_when_the_database_is_reachable()
    {
        var client = await factory.StartAsync();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
