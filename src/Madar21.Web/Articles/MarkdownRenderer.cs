using System.Collections.Frozen;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Madar21.Web.Media;
using Madar21.Web.Text;

namespace Madar21.Web.Articles;

/// <summary>
/// Turns an article's Markdown into the HTML stored beside it. Raw HTML is disabled in the pipeline and the
/// output is sanitised as well, because disabling HTML does not stop a <c>[x](javascript:…)</c> link.
/// </summary>
public sealed class MarkdownRenderer
{
    // Chosen for news text: emphasis, links, lists, quotes, tables, library pictures (MarkdownPictures) and images
    // by URL (which the editor allows only from the origins of Security:ImageSources); nothing that runs code.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <summary>The URLs of the body's images (inline or by reference), as written, to check before rendering.</summary>
    /// None when Markdig refuses the body (too deep): rendering it refuses it with its own message.
    public static IReadOnlyList<string> ImageUrls(string markdown)
    {
        try { return [.. MarkdownPictures.Images(Parse(markdown)).Select(l => l.Url ?? "")]; }
        catch (ArgumentException) { return []; }
    }

    /// <summary>Thread-safe: the seed import renders on several threads.</summary>
    /// <param name="pictures">The library pictures the body names (<c>media:42</c>); one missing writes nothing.</param>
    public RenderedMarkdown Render(string markdown, IReadOnlyDictionary<int, PictureView>? pictures = null)
    {
        var document = Parse(markdown);

        var html = new StringWriter();
        var htmlRenderer = new HtmlRenderer(html);
        Pipeline.Setup(htmlRenderer);
        MarkdownPictures.Install(htmlRenderer, pictures ?? new Dictionary<int, PictureView>());
        htmlRenderer.Render(document);
        var output = html.ToString();
        // The sanitiser (a full HTML parse) costs ten times the Markdown itself. Markup made only of plain tags
        // from the allowed list, without a single attribute, has nothing it would remove: no URL, no handler, no
        // style. Anything else (a link, an image, an aligned table cell) goes through it.
        if (!IsPlainMarkup(output))
            output = _sanitizer.Sanitize(output);

        var text = new StringWriter();
        var textRenderer = new HtmlRenderer(text) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(textRenderer);
        textRenderer.Render(document);

        return new RenderedMarkdown(output.Trim(), CollapseWhitespace(text.ToString()));
    }

    // Markdig's URL escaping throws on a lone surrogate in a link; UTF-8 input never has one, code may.
    private static Markdig.Syntax.MarkdownDocument Parse(string markdown) =>
        Markdown.Parse(UnicodeForms.Normalize(markdown, System.Text.NormalizationForm.FormC), Pipeline);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlainTags = FrozenSet.Create(StringComparer.Ordinal,
    [
        "p", "em", "strong", "del", "ins", "mark", "sub", "sup", "blockquote", "ul", "ol", "li", "code", "pre",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
        "/p", "/em", "/strong", "/del", "/ins", "/mark", "/sub", "/sup", "/blockquote", "/ul", "/ol", "/li", "/code", "/pre",
        "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/table", "/thead", "/tbody", "/tr", "/th", "/td",
        "br /", "hr /",
    ]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Text, and tags from the list above with no attribute at all (Markdig escapes every other '&lt;').</summary>
    private static bool IsPlainMarkup(ReadOnlySpan<char> html)
    {
        for (var open = html.IndexOf('<'); open >= 0; open = html.IndexOf('<'))
        {
            html = html[(open + 1)..];
            var close = html.IndexOf('>');
            if (close < 0 || !PlainTags.Contains(html[..close])) return false;
            html = html[(close + 1)..];
        }
        return true;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedTags.ExceptWith(["form", "input", "button", "textarea", "select", "style", "iframe"]);
        sanitizer.AllowedAttributes.ExceptWith(["style", "class", "id"]);
        // The library pictures' markup (PictureHtml). Raw HTML is off, so only our renderer can write these; the
        // srcset URLs are ours (/media/…), the src beside them is checked like any other.
        sanitizer.AllowedTags.UnionWith(["picture", "source"]);
        sanitizer.AllowedAttributes.UnionWith(["srcset", "sizes", "loading", "decoding", "class"]);
        sanitizer.AllowedClasses.UnionWith(["picture", "picture-credit"]); // and no other class
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }

    private static string CollapseWhitespace(string text) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}

/// <param name="Html">Sanitised HTML, safe to write into the page as it is.</param>
/// <param name="Text">Plain text, one paragraph a line.</param>
public sealed record RenderedMarkdown(string Html, string Text);
