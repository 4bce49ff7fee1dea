using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Admin;
using static Madar21.Tests.Infrastructure.CommentBuilder;

namespace Madar21.Tests.Site.Cluster;

/// <summary>
/// Two nodes on one database, without Redis: what one node protects with Data Protection (a commenter's address, a
/// staff sign-in cookie) the other reads, because the key ring is in the database.
/// </summary>
public class TwoNodesTests
{
    [Fact]
    public async Task A_comment_address_encrypted_on_one_node_is_read_by_a_moderator_on_the_other()
    {
        using var a = new MadarFactory();
        using var b = a.AnotherNode<MadarFactory>();
        await a.StartAsync();
        var moderator = await b.SignedInAsEditorAsync(); // B uses its key ring first
        var email = $"reader-{Guid.NewGuid():N}@example.org";
        var article = await a.WithDb(db => Task.FromResult(db.Articles.First()));
        var comment = await AComment("تعليق من العقدة الأولى").On(article).By("قارئ", email).SaveAsync(a); // encrypted by A

        var page = await moderator.GetPageAsync("/admin/comments");

        Assert.Equal(email, page.GetElementById($"comment-{comment.Id}")!.QuerySelector(".admin-email")!.Text());
    }

    [Fact]
    public async Task A_sign_in_cookie_issued_by_one_node_is_accepted_by_the_other()
    {
        using var a = new MadarFactory();
        using var b = a.AnotherNode<MadarFactory>();
        await a.StartAsync();
        await b.StartAsync();
        var email = $"editor-{Guid.NewGuid():N}@madar21.test";
        await a.CreateStaffAsync(email, StaffRoles.Editor);

        var signIn = await a.NewClient().LogInAsync(email, Staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookies = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        var onB = b.CreateDefaultClient(new Uri(MadarFactory.BaseUrl));
        onB.DefaultRequestHeaders.Add("Cookie", cookies);
        var response = await onB.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.ParsePageAsync()).QuerySelector("form[action='/admin/logout']"));
    }
}
