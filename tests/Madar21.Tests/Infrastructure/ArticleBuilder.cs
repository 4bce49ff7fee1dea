using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Infrastructure;

/// <summary>
/// Test articles, saved through the DbContext's SaveChanges like the editor saves them:
/// <c>await AnArticle("عنوان").InSection("رياضة").Published().SaveAsync(factory)</c>.
/// </summary>
public sealed class ArticleBuilder
{
    private string _title;
    private string _section = "سياسة";
    private string _body = "نص المقال.";
    private string? _summary;
    private ArticleStatus _status = ArticleStatus.Published;
    private DateTime? _publishedAt;
    private TimeSpan _age = TimeSpan.Zero;
    private string? _createdBy;
    private string[] _tags = [];
    private int[] _authors = [];

    private ArticleBuilder(string title) => _title = title;

    public static ArticleBuilder AnArticle(string title) => new(title);

    public ArticleBuilder InSection(string section) { _section = section; return this; }
    public ArticleBuilder WithBody(string body) { _body = body; return this; }
    public ArticleBuilder WithSummary(string summary) { _summary = summary; return this; }
    /// <summary>Tagged as the editor tags: each name found by its identity, or a new tag.</summary>
    public ArticleBuilder TaggedWith(params string[] names) { _tags = names; return this; }
    /// <summary>The byline: these staff profiles, in order (none: the desk).</summary>
    public ArticleBuilder By(params int[] profileIds) { _authors = profileIds; return this; }

    public ArticleBuilder Draft() { _status = ArticleStatus.Draft; _publishedAt = null; return this; }

    /// <summary>Submitted for review; <paramref name="wasPublishedAtUtc"/> for a piece that was out before and keeps its date.</summary>
    public ArticleBuilder PendingReview(DateTime? wasPublishedAtUtc = null) { _status = ArticleStatus.PendingReview; _publishedAt = wasPublishedAtUtc; return this; }

    /// <summary>Created in the admin by this staff account (its writer, for the newsroom's rules).</summary>
    public ArticleBuilder By(string staffId) { _createdBy = staffId; return this; }

    /// <summary>Published <paramref name="ago"/> before the factory's clock (now by default).</summary>
    public ArticleBuilder Published(TimeSpan? ago = null) { _status = ArticleStatus.Published; _age = ago ?? TimeSpan.Zero; return this; }

    public ArticleBuilder PublishedAt(DateTime utc) { _status = ArticleStatus.Published; _publishedAt = utc; return this; }
    public ArticleBuilder ScheduledAt(DateTime utc) { _status = ArticleStatus.Scheduled; _publishedAt = utc; return this; }

    /// <summary>
    /// A draft that was published once and taken back: it keeps its date, and only its status hides it.
    /// </summary>
    public ArticleBuilder Unpublished(DateTime wasPublishedAtUtc) { _status = ArticleStatus.Draft; _publishedAt = wasPublishedAtUtc; return this; }

    public async Task<Article> SaveAsync(MadarFactory factory)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        return await factory.WithDb(async db =>
        {
            var article = AddTo(db, now);
            await db.SaveChangesAsync();
            return article;
        });
    }

    /// <summary>
    /// Adds the article to <paramref name="db"/> without saving, for tests that store many in one SaveChanges or
    /// save through a context or transaction of their own. Its section is found by name, or added.
    /// </summary>
    public Article AddTo(MadarDb db, DateTime nowUtc)
    {
        var section = db.Sections.Local.FirstOrDefault(s => s.Name == _section)
            ?? db.Sections.FirstOrDefault(s => s.Name == _section)
            ?? db.Sections.Add(new Section { Name = _section, Position = 100 }).Entity;
        var rendered = new MarkdownRenderer().Render(_body);
        var article = new Article
        {
            Title = _title,
            Slug = Slug.FromTitle(_title),
            Section = section,
            Summary = _summary,
            BodyMarkdown = _body,
            BodyHtml = rendered.Html,
            BodyText = rendered.Text,
            Excerpt = Excerpt.From(_summary, rendered.Text),
            Status = _status,
            PublishedAt = _status is ArticleStatus.Draft or ArticleStatus.PendingReview ? _publishedAt : _publishedAt ?? nowUtc - _age,
            CreatedById = _createdBy,
            SubmittedAt = _status == ArticleStatus.PendingReview ? nowUtc : null,
            CreatedAt = nowUtc,
            UpdatedAt = nowUtc,
        };
        for (var i = 0; i < _authors.Length; i++)
            article.Authors.Add(new ArticleAuthor { Article = article, Position = i, ProfileId = _authors[i] });
        db.Articles.Add(article);
        foreach (var tag in Madar21.Web.Tags.Tagging.ResolveAsync(db, _tags, nowUtc, default).GetAwaiter().GetResult())
            db.ArticleTags.Add(new ArticleTag { Article = article, Tag = tag });
        return article;
    }

    /// <summary>Loads an article, changes it and saves it through SaveChanges, as the editor does.</summary>
    public static Task UpdateAsync(MadarFactory factory, int id, Action<Article> change) =>
        factory.WithDb(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Id == id);
            change(article);
            var rendered = new MarkdownRenderer().Render(article.BodyMarkdown);
            article.BodyHtml = rendered.Html;
            article.BodyText = rendered.Text;
            article.Excerpt = Excerpt.From(article.Summary, rendered.Text);
            article.UpdatedAt = factory.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        });
}
