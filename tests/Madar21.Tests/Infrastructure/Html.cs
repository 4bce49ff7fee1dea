using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Madar21.Tests.Infrastructure;

/// <summary>HTML for tests: responses parsed with the address they came from, as a browser holds them, and fragments parsed alone.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>GETs a page that must answer 200 and parses it with its address.</summary>
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return await response.ParsePageAsync();
    }

    /// <summary>Parses a response with the address it came from.</summary>
    public static async Task<IHtmlDocument> ParsePageAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!));
        return (IHtmlDocument)document;
    }

    /// <summary>The visible text of an element, whitespace collapsed.</summary>
    public static string Text(this IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
