using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Pages.Authors;
using Madar21.Web.Admin;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Account;

/// <summary>/admin/account/profile: each staff member's public name, bio and picture; an Admin edits anyone's.</summary>
public class ProfileTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..4]}";

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, Dictionary<string, string> values, string url = "/admin/account/profile")
    {
        var form = (await client.GetPageAsync(url)).Form("main form").Fill(values);
        return await client.SubmitAsync(form);
    }

    private Task<StaffProfile> ProfileOfAsync(string userId) =>
        factory.WithDb(db => db.StaffProfiles.AsNoTracking().SingleAsync(p => p.UserId == userId));

    [Fact]
    public async Task A_new_account_gets_a_default_name_never_its_email_then_names_itself_and_the_slug_follows_once()
    {
        var staff = await factory.SignedInStaffAsync();
        var page = await staff.Client.GetPageAsync("/admin/account/profile");
        var shown = page.QuerySelector("input[name=displayName]")!.GetAttribute("value")!;
        Assert.StartsWith("محرر ", shown);
        Assert.DoesNotContain(staff.Email[..staff.Email.IndexOf('@')], page.QuerySelector("main")!.TextContent);

        var name = Unique("سعاد العلوي");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(staff.Client, new() { ["displayName"] = name, ["bio"] = "صحافية في قسم الاقتصاد." })).StatusCode);
        var saved = await ProfileOfAsync(staff.UserId);
        Assert.Equal(name, saved.DisplayName);
        Assert.Equal("صحافية في قسم الاقتصاد.", saved.Bio);
        Assert.Equal(name.Replace(' ', '-'), saved.Slug);
        Assert.NotNull(saved.NamedAt);

        // Named once, the address stays: links to it keep working after a change of name.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(staff.Client, new() { ["displayName"] = "سعاد العلوي الإدريسي" })).StatusCode);
        var renamed = await ProfileOfAsync(staff.UserId);
        Assert.Equal("سعاد العلوي الإدريسي", renamed.DisplayName);
        Assert.Equal(saved.Slug, renamed.Slug);
    }

    [Fact]
    public async Task Two_profiles_of_the_same_name_get_different_slugs_and_none_takes_the_desks()
    {
        var name = Unique("يوسف بنعلي");
        var first = await factory.AuthorAsync(name);
        var second = await factory.AuthorAsync(name);
        Assert.Equal(name.Replace(' ', '-'), first.Slug);
        Assert.Equal(first.Slug + "-2", second.Slug);
        Assert.Equal(name, (await factory.NewClient().GetPageAsync(second.PagePath)).QuerySelector("h1")!.Text());

        var desk = await factory.AuthorAsync("desk");
        Assert.Equal("desk-2", desk.Slug);
    }

    [Theory]
    [InlineData("", "نبذة تبقى كما كُتبت.", "الاسم المعروض مطلوب.")]
    [InlineData("name@example.com", "نبذة تبقى كما كُتبت.", "الاسم المعروض يظهر للقراء: اكتب اسمك، لا بريدك الإلكتروني.")]
    public async Task An_invalid_profile_is_refused_in_Arabic_keeping_what_was_typed(string name, string bio, string message)
    {
        var staff = await factory.SignedInStaffAsync();
        var form = (await staff.Client.GetPageAsync("/admin/account/profile")).Form("main form")
            .Fill(new Dictionary<string, string> { ["displayName"] = name, ["bio"] = bio });
        var before = await ProfileOfAsync(staff.UserId);
        var response = await staff.Client.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParsePageAsync();
        Assert.Equal(message, page.QuerySelector("#DisplayName-error")!.Text());
        Assert.Contains(message, page.QuerySelector(".form-errors")!.TextContent);
        Assert.Equal(name, page.QuerySelector("input[name=displayName]")!.GetAttribute("value") ?? "");
        Assert.Equal(bio, page.QuerySelector("textarea[name=bio]")!.TextContent.Trim());
        var after = await ProfileOfAsync(staff.UserId);
        Assert.Equal((before.DisplayName, before.Bio, before.Slug), (after.DisplayName, after.Bio, after.Slug));
    }

    [Fact]
    public async Task A_too_long_bio_and_a_picture_no_longer_in_the_library_are_refused_keeping_the_name()
    {
        var staff = await factory.SignedInStaffAsync();
        var name = Unique("نادية");
        var page = await staff.Client.GetPageAsync("/admin/account/profile");
        var form = page.Form("main form").Fill(new Dictionary<string, string> { ["displayName"] = name, ["bio"] = new string('ب', StaffProfile.BioMaxLength + 1) });
        var response = await staff.Client.SendAsync(Forge(form, ("pictureMediaId", "999999")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await response.ParsePageAsync();
        Assert.Equal($"النبذة أطول من {StaffProfile.BioMaxLength} حرف.", shown.QuerySelector("#Bio-error")!.Text());
        Assert.Equal("الصورة المختارة لم تعد في المكتبة؛ اختر غيرها.", shown.QuerySelector("#PictureMediaId-error")!.Text());
        Assert.Equal(name, shown.QuerySelector("input[name=displayName]")!.GetAttribute("value"));
        Assert.NotEqual(name, (await ProfileOfAsync(staff.UserId)).DisplayName);
    }

    [Fact]
    public async Task An_editor_cannot_open_or_save_anothers_profile_but_an_admin_can()
    {
        var other = await factory.AuthorAsync(Unique("صاحب الملف"));
        var editor = await factory.SignedInStaffAsync();
        var url = $"/admin/account/profile/{other.UserId}";
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Client.GetAsync(url)).StatusCode);
        var own = (await editor.Client.GetPageAsync("/admin/account/profile")).Form("main form").Fill(new Dictionary<string, string> { ["displayName"] = "اسم مزور" });
        var forged = Forge(own, ("displayName", "اسم مزور"));
        forged.RequestUri = new Uri(MadarFactory.BaseUrl + url);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Client.SendAsync(forged)).StatusCode);
        Assert.Equal(other.Name, (await factory.ProfileAsync(other.ProfileId)).DisplayName);

        var admin = await factory.SignedInStaffAsync(StaffRoles.Admin);
        var accounts = await admin.Client.GetPageAsync("/admin/users");
        Assert.NotNull(accounts.QuerySelector($"a[href='{url}']"));
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin.Client, new() { ["displayName"] = other.Name + " (مراجَع)" }, url)).StatusCode);
        Assert.Equal(other.Name + " (مراجَع)", (await factory.ProfileAsync(other.ProfileId)).DisplayName);
    }

    /// <summary>The form's submission with some values replaced, as a script would post it.</summary>
    private static HttpRequestMessage Forge(AngleSharp.Html.Dom.IHtmlFormElement form, params (string Name, string Value)[] values)
    {
        var (_, action, fields) = form.Submission();
        var posted = fields.Where(f => !values.Any(v => v.Name == f.Key)).Concat(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        return new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(posted) };
    }
}
