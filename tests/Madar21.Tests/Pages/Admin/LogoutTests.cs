using System.Net;
using Madar21.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin;

public class LogoutTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    [Fact]
    public async Task A_sign_in_cookie_copied_before_signing_out_opens_nothing_afterwards()
    {
        var (email, userId, _) = await factory.NewStaffAsync();
        var jar = new System.Net.CookieContainer();
        var client = factory.CreateDefaultClient(new Uri(MadarFactory.BaseUrl), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(jar));
        Assert.Equal(HttpStatusCode.Redirect, (await client.LogInAsync(email, Staff.Password)).StatusCode);
        var copied = jar.GetCookieHeader(new Uri(MadarFactory.BaseUrl));

        Assert.Equal(HttpStatusCode.OK, (await Replay(copied)).StatusCode); // the copy works while signed in
        var admin = await client.GetPageAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(admin.Form(".admin-user"))).StatusCode);

        var replayed = await Replay(copied);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/admin/login", replayed.RedirectTarget().PathAndQuery);
        Assert.False(await factory.WithDb(db => db.StaffSessions.AnyAsync(s => s.UserId == userId)));
    }

    private Task<HttpResponseMessage> Replay(string cookies)
    {
        // A client with no cookie jar of its own: it sends exactly the copied header.
        var bare = factory.Server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/comments");
        request.Headers.Add("Cookie", cookies);
        return bare.SendAsync(request);
    }
}
