using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Madar21.Web.Forms;

/// <summary>
/// The one error summary of every form, public and staff: <c>&lt;error-summary /&gt;</c> renders nothing while
/// ModelState is valid; otherwise an alert with a heading sentence and each message, linked to its field
/// (<c>href="#{field id}"</c>, see <see cref="FieldIds"/>) so a keyboard or screen-reader user goes straight to it.
/// Messages that belong to no field (the key "") come first, unlinked.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    public const string DefaultHeading = "تعذّر إتمام الطلب. يرجى تصحيح ما يلي:";

    /// <summary>The sentence above the list.</summary>
    public string Heading { get; set; } = DefaultHeading;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        // ModelState lists sibling keys last-added first; reversed, the summary follows the order in which the
        // errors were found, which is the form's order.
        var errors = modelState.Reverse()
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .OrderBy(entry => entry.Key.Length == 0 ? 0 : 1)
            .SelectMany(entry => entry.Value!.Errors.Select(error => (entry.Key, error.ErrorMessage)))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "form-errors");
        output.Attributes.SetAttribute("role", "alert");

        var heading = new TagBuilder("p");
        heading.InnerHtml.Append(Heading);
        var list = new TagBuilder("ul");
        foreach (var (key, message) in errors)
        {
            var item = new TagBuilder("li");
            if (key.Length == 0) item.InnerHtml.Append(message);
            else
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = "#" + FieldIds.Of(key);
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }
            list.InnerHtml.AppendHtml(item);
        }
        output.Content.AppendHtml(heading);
        output.Content.AppendHtml(list);
    }
}
