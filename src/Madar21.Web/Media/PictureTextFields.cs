namespace Madar21.Web.Media;

/// <summary>
/// The alt text, caption and credit fields of one picture (<c>Pages/Admin/Media/_PictureTextFields.cshtml</c>), on
/// the upload form (once for the batch, or once for each file, named <c>items[0].alt</c> …) and on the edit form.
/// </summary>
/// <param name="Prefix">The form's name for this picture's fields (<c>items[0]</c>); null for the page's own fields.</param>
/// <param name="AltHint">What the alt field's hint adds, e.g. that it is used for every file.</param>
public sealed record PictureTextFields(string? Alt, string? Caption, string? Credit, string? Prefix, string? AltHint = null)
{
    /// <summary>The input's name (lower case, as the forms post), the ModelState key of its errors, and its id (<see cref="Forms.FieldIds"/>).</summary>
    public (string Name, string Key, string Id) Field(string property)
    {
        var key = Prefix is null ? property : $"{Prefix}.{property}";
        return (Prefix is null ? property.ToLowerInvariant() : $"{Prefix}.{property.ToLowerInvariant()}", key, Forms.FieldIds.Of(key));
    }
}
