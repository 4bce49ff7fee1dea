using System.Globalization;
using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Articles;
using Madar21.Web.Models;
using Madar21.Web.Site;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Articles;

public class IndexTests(MadarFactory madar) : AdminArticleTests(madar), IClassFixture<MadarFactory>
{
    [Fact]
    public async Task The_article_list_shows_status_section_and_comment_counts_and_searches_titles()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var article = await CreateAsync(editor, $"بحث {marker}", "نص.", ArticleStatus.Published);

        var all = await editor.GetPageAsync("/admin/articles");
        Assert.NotEmpty(all.QuerySelectorAll(".admin-table tbody tr"));
        var found = await editor.GetPageAsync("/admin/articles?q=" + marker);
        var row = Assert.Single(found.QuerySelectorAll(".admin-table tbody tr"));
        Assert.Contains(article.Title, row.Text());
        Assert.Contains(Politics, row.Text());
        Assert.Contains("منشور", row.Text());
        Assert.Contains("0 منشور", row.QuerySelector("td[data-label=التعليقات]")!.Text());
        Assert.Equal($"/admin/articles/{article.Id}/edit", row.QuerySelector("a")!.GetAttribute("href"));
    }
}
