using Ganss.Xss;
using Markdig;

namespace Madar21.Web.Articles;

/// <summary>
/// Turns an article's Markdown into the HTML stored beside it. Raw HTML is disabled in the pipeline and the
/// output is sanitised as well, because disabling HTML does not stop a <c>[x](javascript:…)</c> link.
/// </summary>
public sealed class MarkdownRenderer
{
    // Chosen for news text: emphasis, links, lists, quotes, tables and images by URL; nothing that runs code.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public RenderedMarkdown Render(string markdown)
    {
        var html = _sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
        var text = Markdown.ToPlainText(markdown, Pipeline);
        return new RenderedMarkdown(html.Trim(), CollapseWhitespace(text));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedTags.ExceptWith(["form", "input", "button", "textarea", "select", "style", "iframe"]);
        sanitizer.AllowedAttributes.ExceptWith(["style", "class", "id"]);
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }

    private static string CollapseWhitespace(string text) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}

/// <param name="Html">Sanitised HTML, safe to write into the page as it is.</param>
/// <param name="Text">Plain text, one paragraph a line.</param>
public sealed record RenderedMarkdown(string Html, string Text);
