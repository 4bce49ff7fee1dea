using System.Net;
using Madar21.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Sections;

public class EditTests(MadarFactory factory) : AdminSectionTests(factory), IClassFixture<MadarFactory>
{
    [Fact]
    public async Task A_renamed_section_answers_301_from_its_old_url_and_keeps_its_articles()
    {
        var editor = await factory.SignedInAsEditorAsync();
        await AddAsync(editor, "رياضة");
        var id = await factory.WithDb(db => db.Sections.Where(s => s.Name == "رياضة").Select(s => s.Id).SingleAsync());

        var edit = await editor.GetPageAsync($"/admin/sections/{id}/edit");
        var renamed = await editor.SubmitAsync(edit.Form("form input[name=name]").Fill(new Dictionary<string, string> { ["name"] = "الرياضة" }));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        var old = await factory.NewClient().GetAsync(SectionUrl("رياضة") + "?page=1");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal(SectionUrl("الرياضة") + "?page=1", old.Headers.Location!.OriginalString);
        Assert.Equal("الرياضة", (await factory.NewClient().GetPageAsync(SectionUrl("الرياضة"))).QuerySelector("h1")!.Text());
        Assert.Contains("الرياضة", await NavigationAsync());
        Assert.DoesNotContain("رياضة", await NavigationAsync());

        // And back again: the name is free for its section once more, and the newer name now redirects.
        edit = await editor.GetPageAsync($"/admin/sections/{id}/edit");
        await editor.SubmitAsync(edit.Form("form input[name=name]").Fill(new Dictionary<string, string> { ["name"] = "رياضة" }));
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync(SectionUrl("رياضة"))).StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await factory.NewClient().GetAsync(SectionUrl("الرياضة"))).StatusCode);
    }
}
