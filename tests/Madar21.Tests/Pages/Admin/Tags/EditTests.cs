using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Models;
using Madar21.Web.Tags;
using Microsoft.EntityFrameworkCore;
using static Madar21.Tests.Infrastructure.ArticleBuilder;

namespace Madar21.Tests.Pages.Admin.Tags;

/// <summary>/admin/tags/{id}/edit: rename (the old address answers 301) and merge.</summary>
public class EditTests(MadarFactory factory) : AdminTagTests(factory), IClassFixture<MadarFactory>
{
    [Fact]
    public async Task A_renamed_tag_answers_301_from_its_old_address_and_feed()
    {
        var client = await factory.StartAsync();
        var name = Unique("التحالف الدولي");
        var article = await AnArticle(Unique("مقال")).TaggedWith(name).SaveAsync(factory);
        var tag = await TagAsync(name);
        var editor = await factory.SignedInAsEditorAsync();

        var newName = Unique("تحالف دولي");
        var response = await SubmitAsync(editor, tag.Id, "حفظ الاسم", new() { ["name"] = newName });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var renamed = await factory.WithDb(db => db.Tags.AsNoTracking().SingleAsync(t => t.Id == tag.Id));
        Assert.Equal(newName, renamed.Name);
        Assert.NotEqual(tag.Slug, renamed.Slug);
        var old = await client.GetAsync(TagQueries.UrlOf(tag.Slug) + "?page=1");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal(TagQueries.UrlOf(renamed.Slug) + "?page=1", old.Headers.Location!.OriginalString);
        var oldFeed = await client.GetAsync(TagQueries.FeedUrlOf(tag.Slug));
        Assert.Equal((HttpStatusCode.MovedPermanently, TagQueries.FeedUrlOf(renamed.Slug)), (oldFeed.StatusCode, oldFeed.Headers.Location!.OriginalString));
        // The article page (cached before or not) names it by its new name.
        var page = await client.GetPageAsync($"/article/{article.Id}/{Uri.EscapeDataString(article.Slug)}");
        Assert.Equal(newName, page.QuerySelector(".article-tags a")!.Text());

        // Renamed back: the first address answers again, the second one now redirects.
        await SubmitAsync(editor, tag.Id, "حفظ الاسم", new() { ["name"] = name });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(TagQueries.UrlOf(tag.Slug))).StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await client.GetAsync(TagQueries.UrlOf(renamed.Slug))).StatusCode);
    }

    [Fact]
    public async Task Renaming_to_another_tags_name_or_to_nothing_is_refused_in_arabic_keeping_what_was_typed()
    {
        await factory.StartAsync();
        var (a, b) = (Unique("الأمن"), Unique("الصحة"));
        await AnArticle(Unique("مقال")).TaggedWith(a, b).SaveAsync(factory);
        var tag = await TagAsync(a);
        var editor = await factory.SignedInAsEditorAsync();

        foreach (var (typed, message) in new[] { (b.Replace('ة', 'ه'), "يوجد وسم آخر بهذا الاسم"), ("   ", "اكتب اسم الوسم"), (new string('س', 300), "أطول من 60") })
        {
            var response = await SubmitAsync(editor, tag.Id, "حفظ الاسم", new() { ["name"] = typed });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ParsePageAsync();
            Assert.Contains(message, page.QuerySelector("[data-valmsg-for=Name]")!.Text());
            Assert.Equal(typed, page.QuerySelector("input[name=name]")!.GetAttribute("value"));
        }
        Assert.Equal(a, (await factory.WithDb(db => db.Tags.AsNoTracking().SingleAsync(t => t.Id == tag.Id))).Name);
    }

    [Fact]
    public async Task Merging_moves_every_article_to_the_other_tag_and_redirects_the_merged_address()
    {
        var client = await factory.StartAsync();
        var (from, into) = (Unique("كورونا"), Unique("كوفيد-19"));
        var onlyFrom = await AnArticle(Unique("مقال أول")).TaggedWith(from).SaveAsync(factory);
        var both = await AnArticle(Unique("مقال ثان")).TaggedWith(from, into).SaveAsync(factory);
        var onlyInto = await AnArticle(Unique("مقال ثالث")).TaggedWith(into).SaveAsync(factory);
        var (fromTag, intoTag) = (await TagAsync(from), await TagAsync(into));
        var editor = await factory.SignedInAsEditorAsync();

        // Without the confirmation nothing happens.
        var unconfirmed = await SubmitAsync(editor, fromTag.Id, "دمج", new() { ["into"] = into });
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("أكّد الدمج", (await unconfirmed.ParsePageAsync()).QuerySelector(".form-errors")!.Text());
        Assert.True(await factory.WithDb(db => db.Tags.AnyAsync(t => t.Id == fromTag.Id)));

        var merged = await SubmitAsync(editor, fromTag.Id, "دمج", new() { ["into"] = into.Replace("19", "١٩"), ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.False(await factory.WithDb(db => db.Tags.AnyAsync(t => t.Id == fromTag.Id)));
        var tagged = await factory.WithDb(db => db.ArticleTags.Where(t => t.TagId == intoTag.Id).Select(t => t.ArticleId).OrderBy(i => i).ToListAsync());
        Assert.Equal(new[] { onlyFrom.Id, both.Id, onlyInto.Id }.Order(), tagged);
        var old = await client.GetAsync(TagQueries.UrlOf(fromTag.Slug));
        Assert.Equal((HttpStatusCode.MovedPermanently, TagQueries.UrlOf(intoTag.Slug)), (old.StatusCode, old.Headers.Location!.OriginalString));
        // The moved articles' related lists are queued again.
        Assert.True(await factory.WithDb(db => db.RelatedPending.AnyAsync(p => p.ArticleId == onlyFrom.Id))
            || await factory.WithDb(db => db.RelatedArticles.AnyAsync(r => r.ArticleId == onlyFrom.Id)));
    }

    [Fact]
    public async Task Merging_into_an_unknown_tag_or_itself_is_refused_in_arabic()
    {
        await factory.StartAsync();
        var name = Unique("الطاقة");
        await AnArticle(Unique("مقال")).TaggedWith(name).SaveAsync(factory);
        var tag = await TagAsync(name);
        var editor = await factory.SignedInAsEditorAsync();

        foreach (var (typed, message) in new[] { (Unique("لا وجود له"), "لا يوجد وسم باسم"), (name, "غير هذا الوسم نفسه"), ("", "اكتب اسم الوسم") })
        {
            var response = await SubmitAsync(editor, tag.Id, "دمج", new() { ["into"] = typed, ["confirm"] = "true" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, (await response.ParsePageAsync()).QuerySelector("[data-valmsg-for=Into]")!.Text());
        }
        Assert.True(await factory.WithDb(db => db.Tags.AnyAsync(t => t.Id == tag.Id)));
    }
}
