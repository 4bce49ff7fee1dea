using System.Globalization;
using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Articles;
using Madar21.Web.Models;
using Madar21.Web.Site;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Articles;

public class DeleteTests(MadarFactory madar) : AdminArticleTests(madar), IClassFixture<MadarFactory>
{
    [Fact]
    public async Task Deleting_an_article_removes_it_from_the_site()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var article = await CreateAsync(editor, Unique("سيحذف"), "نص.", ArticleStatus.Published);

        var confirm = await editor.GetPageAsync($"/admin/articles/{article.Id}/delete");
        var deleted = await editor.SubmitAsync(confirm.Form("main form"));

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await factory.WithDb(db => db.Articles.AnyAsync(a => a.Id == article.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewClient().GetAsync(UrlOf(article))).StatusCode);
        Assert.False(await ListedAsync("/", article));
    }
}
