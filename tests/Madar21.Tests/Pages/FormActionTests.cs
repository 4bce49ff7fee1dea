using static Madar21.Tests.Infrastructure.CommentBuilder;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Articles;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages;

/// <summary>
/// A form without an action posts to the address the page was reached by, which after a preview, a refused post
/// or a link with a query string names another handler: «حفظ» then previews again and nothing is saved. Every
/// form therefore names its own address, and no default submit button relies on the page's address.
/// </summary>
public class FormActionTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    [Fact]
    public async Task Every_form_on_every_page_names_its_own_action()
    {
        var editor = await factory.SignedInAsAdminAsync();
        var article = await AnArticle("مقال للنماذج").SaveAsync(factory);
        await AComment("تعليق ينتظر").On(article).SaveAsync(factory);
        var sectionId = await factory.WithDb(db => db.Sections.Select(s => s.Id).FirstAsync());
        var userId = await factory.WithDb(db => db.Users.Select(u => u.Id).FirstAsync());
        string[] adminPages =
        [
            "/admin", "/admin/articles", "/admin/articles/new", $"/admin/articles/{article.Id}/edit",
            $"/admin/articles/{article.Id}/delete", "/admin/sections", $"/admin/sections/{sectionId}/edit",
            "/admin/comments", "/admin/users", $"/admin/users/{userId}/password", "/admin/account/two-factor", "/admin/audit",
        ];
        var publicPages = new[] { "/", "/search?q=مقال", CommentTestKit.PathOf(article), "/admin/login", "/admin/login/two-factor" };

        var forms = new List<(string Page, AngleSharp.Dom.IElement Form)>();
        foreach (var url in adminPages)
            forms.AddRange((await editor.GetPageAsync(url)).QuerySelectorAll("form").Select(f => (url, f)));
        foreach (var url in publicPages)
            forms.AddRange((await factory.NewClient().GetPageAsync(url)).QuerySelectorAll("form").Select(f => (url, f)));

        Assert.True(forms.Count >= adminPages.Length + publicPages.Length, $"only {forms.Count} forms found");
        Assert.NotEmpty(forms);
        Assert.All(forms, f => Assert.False(string.IsNullOrWhiteSpace(f.Form.GetAttribute("action")), $"a form on {f.Page} has no action"));
        Assert.All(forms, f => Assert.DoesNotContain("handler=Preview", f.Form.GetAttribute("action")));
    }
}
