using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Dom;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Comments;
using Madar21.Web.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madar21.Tests.Pages.Articles;

/// <summary>
/// The app for comment tests: the per-address rate limit raised (unless a test is about it), and a test-only way to
/// choose the connection's remote address (TestServer has none) with the <see cref="ClientAddressHeader"/> header.
/// </summary>
public class CommentsFactory : MadarFactory
{
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public CommentsFactory() : this(raiseRateLimit: true) { }

    private CommentsFactory(bool raiseRateLimit)
    {
        if (raiseRateLimit) With("Comments:PermitPerMinute", "10000");
    }

    /// <summary>The app with the default limit of <see cref="Madar21.Web.Comments.CommentsOptions"/>, for the rate-limit tests.</summary>
    public static CommentsFactory WithDefaultRateLimit() => new(raiseRateLimit: false);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Submits the real comment form of an article page, as a browser would, and reads back what was stored.</summary>
public static class CommentTestKit
{
    public const string SeedKey = "000_58416a67d00a4d59";

    public static async Task<Article> SeedArticleAsync(this MadarFactory factory) =>
        await factory.WithDb(db => db.Articles.AsNoTracking().SingleAsync(a => a.SeedKey == SeedKey));

    public static string PathOf(Article article) => $"/article/{article.Id}/{Uri.EscapeDataString(article.Slug)}";

    /// <summary>A valid set of values for the form, unique per call so that no two are duplicates.</summary>
    public static Dictionary<string, string?> ValidValues(string? text = null) => new()
    {
        ["comment"] = text ?? $"تعليق جميل على هذا المقال {Guid.NewGuid():N}",
        ["author"] = "سعيد الإدريسي",
        ["email"] = "said.idrissi@example.ma",
        ["url"] = "",
    };

    public static IHtmlFormElement CommentForm(this IHtmlDocument doc) =>
        (IHtmlFormElement)doc.QuerySelector("form.comment-form")!;

    /// <summary>
    /// GETs the page and submits its comment form through <see cref="Forms"/>, as a browser would: every field keeps
    /// the value the page gave it unless <paramref name="values"/> sets it; null leaves a field out of the post.
    /// </summary>
    public static async Task<HttpResponseMessage> PostCommentAsync(this HttpClient client, string articlePath, IReadOnlyDictionary<string, string?> values)
    {
        var form = (await client.GetPageAsync(articlePath)).CommentForm();
        foreach (var name in values.Where(v => v.Value is null).Select(v => v.Key))
            foreach (var field in form.Elements.Where(e => e.GetAttribute("name") == name)) field.SetAttribute("disabled", "");
        form.Fill(values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!));
        return await client.SubmitAsync(form);
    }

    /// <summary>Posts straight to the article URL, without reading the page first (for refused requests).</summary>
    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string articlePath, IReadOnlyDictionary<string, string?> values, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, articlePath)
        {
            Content = new FormUrlEncodedContent(values.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Key, f.Value!))),
        };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return client.SendAsync(request);
    }

    public static Task<int> CommentCountAsync(this MadarFactory factory) => factory.WithDb(db => db.Comments.CountAsync());

    public static Task<List<Comment>> CommentsAsync(this MadarFactory factory) =>
        factory.WithDb(db => db.Comments.AsNoTracking().OrderBy(c => c.Id).ToListAsync());

    public static Task<Comment> CommentWithTextAsync(this MadarFactory factory, string text) =>
        factory.WithDb(db => db.Comments.AsNoTracking().SingleAsync(c => c.Text == text));

    public static Task<int> ApproveAsync(this MadarFactory factory, params int[] ids) =>
        factory.WithService<int, CommentModeration>(m => m.ApproveAsync(ids, "moderator"));

    /// <summary>Every form an address can leak in: as typed, lower-cased, URL-encoded, and its MD5 and SHA-256 in hex (Gravatar and co).</summary>
    public static IEnumerable<string> TracesOf(string email)
    {
        var normalized = email.Trim().ToLowerInvariant();
        yield return email;
        yield return normalized;
        yield return Uri.EscapeDataString(email);
        yield return WebUtility.UrlEncode(email);
        yield return WebUtility.HtmlEncode(email);
        yield return Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(normalized)));
        yield return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    public static void AssertNoTraceOf(string email, string haystack, string where)
    {
        foreach (var trace in TracesOf(email))
            Assert.False(haystack.Contains(trace, StringComparison.OrdinalIgnoreCase), $"'{trace}' found in {where}");
    }

    /// <summary>Status line, headers (cookies included) and body of a response, for leak checks.</summary>
    public static async Task<string> DumpAsync(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}\n{response.Headers}\n{response.Content.Headers}\n{await response.Content.ReadAsStringAsync()}";

    public static HttpClient ClientAt(this MadarFactory factory, string address)
    {
        var client = factory.NewClient();
        client.DefaultRequestHeaders.Add(CommentsFactory.ClientAddressHeader, address);
        return client;
    }
}
