using System.Net;
using Madar21.Tests.Infrastructure;

namespace Madar21.Tests.Pages;

public class ErrorPageTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    [Theory]
    [InlineData("/error")]
    [InlineData("/error/")]
    [InlineData("/error/2147483647")]
    [InlineData("/error/500")]
    [InlineData("/error/200")]
    public async Task The_error_page_asked_for_directly_without_a_client_error_code_is_a_404_not_a_server_error(string url)
    {
        var client = await factory.StartAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("الصفحة غير موجودة", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_client_error_code_asked_for_directly_keeps_its_status()
    {
        var client = await factory.StartAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/error/429")).StatusCode);
    }
}
