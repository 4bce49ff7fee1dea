using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin;

/// <summary>What holds for every page of the admin area at once: who may open it, and what a post needs.</summary>
public class AccessTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/articles")]
    [InlineData("/admin/articles/new")]
    [InlineData("/admin/articles/1/edit")]
    [InlineData("/admin/articles/1/delete")]
    [InlineData("/admin/sections")]
    [InlineData("/admin/sections/1/edit")]
    [InlineData("/admin/comments")]
    [InlineData("/admin/comments?status=spam")]
    [InlineData("/admin/users")]
    [InlineData("/admin/users/some-id/password")]
    public async Task Anonymous_request_to_an_admin_page_redirects_to_login_with_its_return_url(string url)
    {
        var client = await factory.StartAsync();
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.RedirectTarget();
        Assert.Equal("/admin/login", location.AbsolutePath);
        Assert.Equal(url, Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query)["ReturnUrl"].ToString());
    }

    [Theory]
    [InlineData("/admin/comments?handler=Approve")]
    [InlineData("/admin/articles/new")]
    [InlineData("/admin/sections?handler=Add")]
    [InlineData("/admin/users?handler=Add")]
    public async Task Anonymous_post_to_an_admin_handler_changes_nothing_and_redirects_to_login(string url)
    {
        var client = await factory.StartAsync();
        var before = await factory.WithDb(db => db.Sections.CountAsync());
        var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "قسم مجهول", ["id"] = "1" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/login", response.RedirectTarget().AbsolutePath);
        Assert.Equal(before, await factory.WithDb(db => db.Sections.CountAsync()));
    }

    [Fact]
    public async Task Posts_without_the_antiforgery_token_fail_with_400_and_change_nothing()
    {
        var email = (await factory.NewStaffAsync()).Email;
        var anonymous = factory.NewClient();
        var login = await anonymous.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["password"] = Staff.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.False(login.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)));

        var editor = await factory.SignedInAsEditorAsync();
        var articles = await factory.WithDb(db => db.Articles.CountAsync());
        var post = await editor.PostAsync("/admin/articles/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["title"] = "بلا رمز", ["section"] = "1", ["body"] = "نص", ["status"] = nameof(ArticleStatus.Published),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(articles, await factory.WithDb(db => db.Articles.CountAsync()));

        var logout = await editor.PostAsync("/admin/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Public_pages_show_no_admin_link_or_user_name_to_a_signed_in_editor()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var home = await editor.GetAsync("/");
        var html = await home.Content.ReadAsStringAsync();

        Assert.DoesNotContain("/admin", html);
        Assert.DoesNotContain("@madar21.test", html);
    }
}
