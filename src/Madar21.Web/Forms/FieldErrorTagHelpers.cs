using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Madar21.Web.Forms;

/// <summary>
/// Ties a field to its error message for screen readers: the message (<c>span asp-validation-for</c>) gets the id
/// <c>{field id}-error</c>, and an invalid field gets <c>aria-invalid="true"</c> and <c>aria-describedby</c>
/// pointing at it (after any description the field already had). Public and staff forms alike.
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
        var key = FieldIds.KeyOf(ViewContext, For);
        if (ViewContext.ViewData.ModelState.GetFieldValidationState(key) != ModelValidationState.Invalid) return;
        var errorId = FieldIds.ErrorOf(key);
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

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("id", FieldIds.ErrorOf(FieldIds.KeyOf(ViewContext, For)));
    }
}

/// <summary>
/// The ids that join a field, its message and the error summary. A field's id is its ModelState key (the name it is
/// posted under) made safe for HTML, and its message's id is that id followed by <c>-error</c>.
/// </summary>
public static class FieldIds
{
    public static string Of(string key) => TagBuilder.CreateSanitizedId(key, "_");

    public static string ErrorOf(string key) => Of(key) + "-error";

    /// <summary>
    /// The key as ModelState spells it: lookups ignore case, so a field written <c>asp-for="Comment"</c> and posted
    /// as <c>comment</c> finds its errors, and its ids follow the posted spelling.
    /// </summary>
    public static string KeyIn(ModelStateDictionary modelState, string name) =>
        modelState.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;

    /// <summary>The ModelState key of the field an <c>asp-for</c> or <c>asp-validation-for</c> names, in this view.</summary>
    public static string KeyOf(ViewContext view, ModelExpression field) =>
        KeyIn(view.ViewData.ModelState, view.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name));
}
