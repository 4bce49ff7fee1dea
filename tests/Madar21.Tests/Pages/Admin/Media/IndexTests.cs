using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Tests.Media;
using Madar21.Web.Media;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Pages.Admin.Media;

public class IndexTests(MadarFactory factory) : IClassFixture<MadarFactory>
{
    [Fact]
    public async Task The_library_finds_a_picture_by_its_credit_whatever_the_hamza_and_lists_it_newest_first()
    {
        var editor = await factory.SignedInAsEditorAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadTests.UploadAsync(editor, [("a.jpg", TestPictures.PhonePhoto(400, 300, shade: 11))], "ميناء طنجة المتوسط", "تصوير: أحمد الإدريسي")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await UploadTests.UploadAsync(editor, [("b.jpg", TestPictures.PhonePhoto(400, 300, shade: 12))], "سوق الخضر في فاس")).StatusCode);

        var all = await editor.GetPageAsync("/admin/media");
        Assert.Equal(["سوق الخضر في فاس", "ميناء طنجة المتوسط"], all.QuerySelectorAll(".media-alt").Select(p => p.Text()).Take(2));

        // Typed without hamza, as people search.
        var found = await editor.GetPageAsync("/admin/media?q=" + Uri.EscapeDataString("احمد الادريسي"));
        Assert.Equal(["ميناء طنجة المتوسط"], found.QuerySelectorAll(".media-alt").Select(p => p.Text()));
        Assert.Equal("غير مستعملة.", found.QuerySelector(".media-uses")!.Text());
    }

    [Fact]
    public async Task Reprocessing_makes_every_picture_again_from_its_original_and_keeps_it_served()
    {
        var editor = await factory.SignedInAsEditorAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadTests.UploadAsync(editor, [("c.jpg", TestPictures.PhonePhoto(900, 600, shade: 13))], "صورة ستعاد معالجتها")).StatusCode);
        var id = await factory.WithDb(db => db.Media.Where(m => m.Alt == "صورة ستعاد معالجتها").Select(m => m.Id).SingleAsync());
        // A derivative lost from the store comes back.
        var name = await factory.WithDb(db => db.MediaVariants.Where(v => v.MediaItemId == id).Select(v => v.Name).FirstAsync());
        File.Delete(Path.Combine(factory.Root, "data", "media", "public", name));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewClient().GetAsync("/media/" + name)).StatusCode);

        var done = await factory.WithService<int, MediaLibrary>(library => library.ReprocessAllAsync(CancellationToken.None));

        Assert.True(done >= 1);
        var names = await factory.WithDb(db => db.MediaVariants.Where(v => v.MediaItemId == id).Select(v => v.Name).ToListAsync());
        Assert.Contains(name, names); // same original, same settings: the same bytes, the same name
        foreach (var served in names)
            Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync("/media/" + served)).StatusCode);
    }
}
