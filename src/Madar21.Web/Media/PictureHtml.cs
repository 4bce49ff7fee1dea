using Madar21.Web.Models;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Madar21.Web.Media;

/// <summary>
/// The markup of a library picture, written once for the pages (<c>Pages/Shared/_Picture.cshtml</c>) and for the
/// pictures an article's body places (<c>![alt](media:42)</c>, rendered when the article is saved): a
/// <c>&lt;figure&gt;</c> around a <c>&lt;picture&gt;</c> with AVIF then WebP, the browser choosing the width from
/// srcset and sizes; width and height from the largest derivative so that nothing moves when it arrives. The lead
/// picture of a page is fetched first (fetchpriority) and never lazily; every other one waits until it is near the
/// screen.
/// </summary>
public static class PictureHtml
{
    public static IHtmlContent Figure(PictureMarkup markup)
    {
        var figure = new TagBuilder("figure");
        figure.AddCssClass(markup.Lead ? "picture picture-lead" : "picture");
        figure.InnerHtml.AppendHtml(Picture(markup));
        var caption = markup.Caption ?? markup.Picture.Caption;
        if (markup.WithCaption && (caption is not null || markup.Picture.Credit is not null))
        {
            var figcaption = new TagBuilder("figcaption");
            if (caption is not null) figcaption.InnerHtml.AppendHtml(Bdi(caption));
            if (markup.Picture.Credit is { } credit)
            {
                var span = new TagBuilder("span");
                span.AddCssClass("picture-credit");
                span.InnerHtml.AppendHtml(Bdi(credit));
                figcaption.InnerHtml.AppendHtml(span);
            }
            figure.InnerHtml.AppendHtml(figcaption);
        }
        return figure;
    }

    /// <summary>The &lt;picture&gt; alone, for a picture inside a line of text (no room for a caption there).</summary>
    public static IHtmlContent Picture(PictureMarkup markup)
    {
        var p = markup.Picture;
        var picture = new TagBuilder("picture");
        picture.InnerHtml.AppendHtml(Source("image/avif", p.SrcSet(MediaFormat.Avif), markup.Sizes));
        picture.InnerHtml.AppendHtml(Source("image/webp", p.SrcSet(MediaFormat.Webp), markup.Sizes));
        var img = new TagBuilder("img") { TagRenderMode = TagRenderMode.StartTag };
        img.Attributes["src"] = p.Fallback.Url;
        img.Attributes["width"] = p.Largest.Width.ToString(System.Globalization.CultureInfo.InvariantCulture);
        img.Attributes["height"] = p.Largest.Height.ToString(System.Globalization.CultureInfo.InvariantCulture);
        img.Attributes["alt"] = markup.Alt ?? p.Alt;
        if (markup.Lead) img.Attributes["fetchpriority"] = "high";
        else
        {
            img.Attributes["loading"] = "lazy";
            img.Attributes["decoding"] = "async";
        }
        picture.InnerHtml.AppendHtml(img);
        return picture;
    }

    private static TagBuilder Source(string type, string srcset, string sizes)
    {
        var source = new TagBuilder("source") { TagRenderMode = TagRenderMode.StartTag };
        source.Attributes["type"] = type;
        source.Attributes["srcset"] = srcset;
        source.Attributes["sizes"] = sizes;
        return source;
    }

    private static TagBuilder Bdi(string text)
    {
        var bdi = new TagBuilder("bdi");
        bdi.InnerHtml.Append(text);
        return bdi;
    }
}
