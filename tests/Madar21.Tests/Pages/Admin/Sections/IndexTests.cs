using System.Net;
using Madar21.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Sections;

public class IndexTests(MadarFactory factory) : AdminSectionTests(factory), IClassFixture<MadarFactory>
{
    [Fact]
    public async Task Characters_xml_cannot_carry_are_removed_from_a_new_name()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var response = await AddAsync(editor, "\uFFFFاقتصاد\u0001 وأعمال");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.WithDb(db => db.Sections.AnyAsync(s => s.Name == "اقتصاد وأعمال")));
    }

    [Fact]
    public async Task An_added_section_appears_in_the_navigation_and_has_its_page()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var response = await AddAsync(editor, "  فن   وثقافة ");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("فن وثقافة", (await NavigationAsync()).Last());
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync(SectionUrl("فن وثقافة"))).StatusCode);
    }

    [Theory]
    [InlineData("", "اسم القسم مطلوب.")]
    [InlineData("سياسة", "يوجد قسم بهذا الاسم.")]
    [InlineData("أخبار/محلية", "لا يمكن أن يحتوي اسم القسم على / أو \\ أو ? أو # أو %.")]
    [InlineData(".", "لا يمكن أن يكون اسم القسم «.» أو «..»، فهو جزء من رابط صفحة القسم.")]
    [InlineData("..", "لا يمكن أن يكون اسم القسم «.» أو «..»، فهو جزء من رابط صفحة القسم.")]
    public async Task An_invalid_name_is_refused_with_an_arabic_message_and_kept_in_the_field(string name, string message)
    {
        var editor = await factory.SignedInAsEditorAsync();
        var before = await factory.WithDb(db => db.Sections.CountAsync());

        var response = await AddAsync(editor, name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParsePageAsync();
        var field = page.QuerySelector("input[name=name]")!;
        Assert.Equal(message, page.GetElementById(field.GetAttribute("aria-describedby")!)!.Text());
        Assert.Equal(name, field.GetAttribute("value") ?? "");
        Assert.Equal(before, await factory.WithDb(db => db.Sections.CountAsync()));
    }

    [Fact]
    public async Task Moving_a_section_up_reorders_the_navigation_bar()
    {
        var editor = await factory.SignedInAsEditorAsync();
        await AddAsync(editor, "اقتصاد");
        await AddAsync(editor, "مجتمع");
        var before = await NavigationAsync();
        var index = before.IndexOf("مجتمع");
        Assert.Equal("اقتصاد", before[index - 1]);

        var page = await editor.GetPageAsync("/admin/sections");
        var row = page.QuerySelectorAll(".admin-row").Single(r => r.QuerySelector("a")!.Text() == "مجتمع");
        var moved = await editor.SubmitAsync(row.Form("form"), row.Button("نقل «مجتمع» إلى الأعلى"));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var after = await NavigationAsync();
        Assert.Equal(index - 1, after.IndexOf("مجتمع"));
        Assert.Equal(index, after.IndexOf("اقتصاد"));
    }

    [Fact]
    public async Task A_section_with_articles_cannot_be_deleted_and_an_empty_one_can()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var politics = await factory.WithDb(db => db.Sections.Where(s => s.Name == "سياسة").Select(s => s.Id).SingleAsync());
        var page = await editor.GetPageAsync("/admin/sections");
        var politicsRow = page.QuerySelectorAll(".admin-row").Single(r => r.QuerySelector("a")!.Text() == "سياسة");
        Assert.DoesNotContain(politicsRow.QuerySelectorAll("button"), b => b.Text().StartsWith("حذف", StringComparison.Ordinal));

        // A forged delete of a section with articles is refused by the server as well.
        var forged = politicsRow.Form("form");
        var refused = await editor.PostAsync("/admin/sections?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = politics.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = forged.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("لا يمكن حذف قسم فيه مقالات", (await refused.ParsePageAsync()).QuerySelector(".form-errors")!.Text());
        Assert.True(await factory.WithDb(db => db.Sections.AnyAsync(s => s.Id == politics)));

        await AddAsync(editor, "قسم مؤقت");
        page = await editor.GetPageAsync("/admin/sections");
        var row = page.QuerySelectorAll(".admin-row").Single(r => r.QuerySelector("a")!.Text() == "قسم مؤقت");
        var deleted = await editor.SubmitAsync(row.Form("form"), row.Button("حذف"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await factory.WithDb(db => db.Sections.AnyAsync(s => s.Name == "قسم مؤقت")));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewClient().GetAsync(SectionUrl("قسم مؤقت"))).StatusCode);
    }

    [Fact]
    public async Task After_a_refused_name_the_corrected_name_and_the_row_buttons_are_saved()
    {
        var editor = await factory.SignedInAsEditorAsync();
        var refused = await AddAsync(editor, "سياسة");
        var refusedPage = await refused.ParsePageAsync();
        Assert.Contains("handler=Add", refusedPage.Url);

        var name = "رياضة " + Guid.NewGuid().ToString("N")[..6];
        var added = await editor.SubmitAsync(refusedPage.Form("form input[name=name]").Fill(new Dictionary<string, string> { ["name"] = name }));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(name, (await NavigationAsync()).Last());

        var again = await (await AddAsync(editor, "")).ParsePageAsync();
        var row = again.QuerySelectorAll(".admin-row").Single(r => r.QuerySelector("bdi")!.Text() == name);
        var up = row.QuerySelectorAll("button").First(b => b.Text().Contains('↑'));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(up.OwnerForm(), up)).StatusCode);
        var navigation = await NavigationAsync();
        Assert.Equal(name, navigation[^2]);
    }
}
