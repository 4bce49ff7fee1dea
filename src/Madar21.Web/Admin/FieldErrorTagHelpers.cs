using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Madar21.Web.Admin;

/// <summary>
/// Ties a field to its error message for screen readers: the message (<c>span asp-validation-for</c>) gets the id
/// <c>{field id}-error</c>, and an invalid field gets <c>aria-invalid="true"</c> and <c>aria-describedby</c>
/// pointing at it (after any description the field already had).
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
public sealed class FieldErrorLinkTagHelper : TagHelper
{
    // After the framework's input helpers, which write the id.
    public override int Order => 100;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (ViewContext.ViewData.ModelState.GetFieldValidationState(name) != ModelValidationState.Invalid) return;
        var errorId = FieldErrorIdTagHelper.IdFor(name);
        var existing = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-invalid", "true");
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrWhiteSpace(existing) ? errorId : $"{existing} {errorId}");
    }
}

[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldErrorIdTagHelper : TagHelper
{
    public override int Order => 100;

    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public static string IdFor(string fieldName) => TagBuilder.CreateSanitizedId(fieldName, "_") + "-error";

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.Attributes.SetAttribute("id", IdFor(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name)));
}
