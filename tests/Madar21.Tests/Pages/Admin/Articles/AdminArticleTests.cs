using System.Globalization;
using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Articles;
using Madar21.Web.Models;
using Madar21.Web.Site;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Articles;

/// <summary>What the tests of the article pages share: the admin's article form, filled and submitted, and where an article shows.</summary>
public abstract class AdminArticleTests(MadarFactory madar)
{
    protected readonly MadarFactory factory = madar;

    protected const string Politics = "سياسة";

    protected static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("N")[..6]}";

    protected async Task<string> SectionIdAsync(string name = Politics) =>
        (await factory.WithDb(db => db.Sections.Where(s => s.Name == name).Select(s => s.Id).SingleAsync())).ToString(CultureInfo.InvariantCulture);

    /// <summary>Fills the article form on <paramref name="url"/> and clicks <paramref name="button"/>.</summary>
    protected static async Task<HttpResponseMessage> SubmitArticleAsync(HttpClient client, string url, Dictionary<string, string> values, string button = "حفظ")
    {
        var page = await client.GetPageAsync(url);
        var form = page.Form("form.article-form").Fill(values);
        return await client.SubmitAsync(form, form.Button(button));
    }

    protected async Task<Article> CreateAsync(HttpClient client, string title, string body, ArticleStatus status, string? publishAt = null)
    {
        var values = new Dictionary<string, string>
        {
            ["title"] = title, ["section"] = await SectionIdAsync(), ["body"] = body, ["status"] = status.ToString(),
        };
        if (publishAt is not null) values["publishAt"] = publishAt;
        var response = await SubmitArticleAsync(client, "/admin/articles/new", values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var article = await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.Title == title));
        Assert.Equal($"/admin/articles/{article.Id}/edit", response.Headers.Location!.OriginalString);
        return article;
    }

    protected static string UrlOf(Article a) => $"/article/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    protected async Task<bool> ListedAsync(string url, Article article)
    {
        var page = await factory.NewClient().GetPageAsync(url);
        return page.QuerySelectorAll("main a").Any(a => a.GetAttribute("href") == UrlOf(article));
    }
}
