using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Madar21.Web.Media;

/// <summary>
/// Library pictures in an article's Markdown: <c>![alt](media:42)</c>, or <c>![alt](media:42 "caption")</c>. A
/// paragraph made only of such pictures becomes one <c>&lt;figure&gt;</c> each, the same markup as a lead picture
/// (<see cref="PictureHtml"/>), sized for the body's column; a picture inside a line of text is a
/// <c>&lt;picture&gt;</c> without a caption. The alt text is the Markdown's, or the library's when the Markdown
/// gives none. Installed on the HTML renderer of each render, with the pictures the body names already loaded.
/// </summary>
public static class MarkdownPictures
{
    public const string Scheme = "media:";

    // The body is sanitised after rendering, which parses and writes the HTML again: Arabic may stay as it is.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The library id a <c>media:</c> URL names; null for any other URL or a malformed one.</summary>
    public static int? IdOf(string? url) =>
        url is not null && url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
        && int.TryParse(url.AsSpan(Scheme.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;

    public static bool IsMediaUrl(string? url) => url?.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Every image of the document (inline or by reference), in the order written.</summary>
    public static IEnumerable<LinkInline> Images(MarkdownDocument document) =>
        document.Descendants<LinkInline>().Where(l => l.IsImage);

    public static void Install(HtmlRenderer renderer, IReadOnlyDictionary<int, PictureView> pictures)
    {
        renderer.ObjectRenderers.Replace<ParagraphRenderer>(new FigureParagraphRenderer(pictures));
        renderer.ObjectRenderers.Replace<LinkInlineRenderer>(new PictureLinkRenderer(pictures));
    }

    private static PictureMarkup? MarkupOf(LinkInline link, IReadOnlyDictionary<int, PictureView> pictures) =>
        link.IsImage && IdOf(link.Url) is { } id && pictures.TryGetValue(id, out var picture)
            ? new PictureMarkup(picture, PictureSizes.ArticleBody, Lead: false,
                Caption: string.IsNullOrWhiteSpace(link.Title) ? null : link.Title.Trim(), Alt: AltOf(link))
            : null;

    private static string? AltOf(LinkInline link)
    {
        var alt = string.Concat(link.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => "",
        })).Trim();
        return alt.Length == 0 ? null : alt;
    }

    private static void Write(HtmlRenderer renderer, IHtmlContent html)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        html.WriteTo(writer, Encoder);
        renderer.Write(writer.ToString());
    }

    /// <summary>A paragraph of library pictures alone (blank space and line breaks aside) is written as figures, not as a &lt;p&gt;.</summary>
    private sealed class FigureParagraphRenderer(IReadOnlyDictionary<int, PictureView> pictures) : ParagraphRenderer
    {
        protected override void Write(HtmlRenderer renderer, ParagraphBlock paragraph)
        {
            if (Figures(paragraph) is not { } figures)
            {
                base.Write(renderer, paragraph);
                return;
            }
            foreach (var figure in figures)
            {
                renderer.EnsureLine();
                MarkdownPictures.Write(renderer, PictureHtml.Figure(figure));
                renderer.WriteLine();
            }
        }

        private List<PictureMarkup>? Figures(ParagraphBlock paragraph)
        {
            if (paragraph.Inline is null) return null;
            var figures = new List<PictureMarkup>();
            foreach (var inline in paragraph.Inline)
            {
                switch (inline)
                {
                    case LinkInline link when link.IsImage && IsMediaUrl(link.Url):
                        if (MarkupOf(link, pictures) is { } markup) figures.Add(markup); // a deleted one leaves no empty paragraph
                        break;
                    case LineBreakInline:
                    case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                        break;
                    default:
                        return null;
                }
            }
            return figures;
        }
    }

    /// <summary>A picture inside text; a <c>media:</c> picture that is not in the library (deleted since) writes nothing.</summary>
    private sealed class PictureLinkRenderer(IReadOnlyDictionary<int, PictureView> pictures) : LinkInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, LinkInline link)
        {
            if (!link.IsImage || !IsMediaUrl(link.Url))
                base.Write(renderer, link);
            else if (MarkupOf(link, pictures) is { } markup)
                MarkdownPictures.Write(renderer, PictureHtml.Picture(markup));
        }
    }
}
