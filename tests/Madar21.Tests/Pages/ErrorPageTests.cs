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

    [Theory]
    [InlineData("/article/999999/x")]
    [InlineData("/section/%D9%84%D8%A7-%D9%8A%D9%88%D8%AC%D8%AF")]
    [InlineData("/section/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9?page=2")]
    [InlineData("/section/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9?page=0")]
    [InlineData("/no/such/page")]
    public async Task Unknown_pages_answer_404_with_an_arabic_page_in_the_layout(string url)
    {
        var client = await factory.StartAsync();
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var doc = await response.ParsePageAsync();
        Assert.Equal("rtl", doc.DocumentElement.GetAttribute("dir"));
        Assert.Equal("الصفحة غير موجودة", doc.QuerySelector("h1")!.Text());
        Assert.NotNull(doc.QuerySelector("header.masthead"));
    }
}
