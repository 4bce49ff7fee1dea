using Madar21.Tests.Infrastructure;

namespace Madar21.Tests.Pages.Admin.Sections;

/// <summary>What the tests of the section pages share: adding a section through the list's form, and what the reader's navigation shows.</summary>
public abstract class AdminSectionTests(MadarFactory madar)
{
    protected readonly MadarFactory factory = madar;

    protected static string SectionUrl(string name) => "/section/" + Uri.EscapeDataString(name);

    protected static async Task<HttpResponseMessage> AddAsync(HttpClient editor, string name)
    {
        var page = await editor.GetPageAsync("/admin/sections");
        return await editor.SubmitAsync(page.Form("form input[name=name]").Fill(new Dictionary<string, string> { ["name"] = name }));
    }

    protected async Task<List<string>> NavigationAsync() =>
        (await factory.NewClient().GetPageAsync("/")).QuerySelectorAll("nav.sections-nav a").Select(a => a.Text()).Skip(1).ToList();
}
