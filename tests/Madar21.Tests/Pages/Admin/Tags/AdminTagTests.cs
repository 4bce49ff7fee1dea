using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Madar21.Web.Tags;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Tags;

/// <summary>What the tests of the tag pages share: unique names, a tag read back, and a button of the edit page pressed.</summary>
public abstract class AdminTagTests(MadarFactory madar)
{
    protected readonly MadarFactory factory = madar;

    protected static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    protected Task<Tag> TagAsync(string name) => factory.WithDb(db => db.Tags.AsNoTracking().SingleAsync(t => t.Key == TagNames.KeyOf(name)));

    protected async Task<HttpResponseMessage> SubmitAsync(HttpClient editor, int id, string button, Dictionary<string, string> values)
    {
        var page = await editor.GetPageAsync($"/admin/tags/{id}/edit");
        var form = page.Button(button).OwnerForm().Fill(values);
        return await editor.SubmitAsync(form, form.Button(button));
    }
}

internal static class UriText
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
