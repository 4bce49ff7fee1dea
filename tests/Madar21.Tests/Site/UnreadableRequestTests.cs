using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;
using Madar21.Web.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using static Madar21.Tests.Pages.Articles.CommentTestKit;

namespace Madar21.Tests.Site;

public class UnreadableRequestTests
{
    [Fact]
    public async Task A_chunked_comment_body_over_64_kib_gets_413_from_the_real_server()
    {
        using var factory = new CommentsFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        await factory.Services.GetRequiredService<SeedImportService>().Completion;
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var path = PathOf(await factory.SeedArticleAsync());

        var body = "comment=" + new string('x', 100 * 1024) + "&author=a&email=a%40example.ma";
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes(body))) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.TransferEncodingChunked = true;
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("الطلب كبير جداً", (await response.ParsePageAsync()).QuerySelector("h1")!.Text());
        Assert.Equal(0, await factory.CommentCountAsync());
        Assert.DoesNotContain(factory.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    public static TheoryData<string, byte[]> UnparseableForms => new()
    {
        { "a NUL byte in a name", Encoding.UTF8.GetBytes("comment=x&%00=%00") },
        { "1,025 fields", Encoding.ASCII.GetBytes(string.Join('&', Enumerable.Range(0, 1025).Select(i => $"f{i}=1"))) },
    };

    [Theory]
    [MemberData(nameof(UnparseableForms))]
    public async Task An_unparseable_comment_form_gets_400_and_the_arabic_page_that_says_so(string what, byte[] body)
    {
        using var factory = new CommentsFactory();
        var client = await factory.StartAsync();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        var response = await client.PostAsync(PathOf(await factory.SeedArticleAsync()), content);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        var page = await response.ParsePageAsync();
        Assert.Equal("طلب غير صالح", page.QuerySelector("h1")!.Text());
        Assert.Contains("تعذّرت قراءة النموذج", page.QuerySelector(".error-page")!.Text());
        Assert.Equal(0, await factory.CommentCountAsync());
        Assert.DoesNotContain(factory.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }
}
