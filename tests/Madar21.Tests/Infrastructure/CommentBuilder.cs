using Madar21.Web.Comments;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Madar21.Tests.Infrastructure;

/// <summary>
/// Test comments, stored as the public form stores them (the address encrypted, with its keyed hash):
/// <c>await AComment("نص").On(article).Approved().SaveAsync(factory)</c>. Pending by default, like a new comment.
/// </summary>
public sealed class CommentBuilder
{
    private readonly string _text;
    private int _articleId;
    private string _author = "قارئ";
    private string _email = "reader@example.org";
    private string? _url;
    private CommentStatus _status = CommentStatus.Pending;
    private int? _parentId;
    private bool _notify;

    private CommentBuilder(string text) => _text = text;

    public static CommentBuilder AComment(string text) => new(text);

    public CommentBuilder On(Article article) => On(article.Id);
    public CommentBuilder On(int articleId) { _articleId = articleId; return this; }
    public CommentBuilder By(string author, string? email = null) { _author = author; _email = email ?? _email; return this; }
    public CommentBuilder WithUrl(string? url) { _url = url; return this; }
    public CommentBuilder Approved() { _status = CommentStatus.Approved; return this; }
    public CommentBuilder ReplyTo(Comment parent) { _articleId = parent.ArticleId; _parentId = parent.Id; return this; }
    public CommentBuilder NotifyingReplies() { _notify = true; return this; }
    public CommentBuilder WithStatus(CommentStatus status) { _status = status; return this; }

    /// <summary>Saves the comment at the factory's clock time.</summary>
    public async Task<Comment> SaveAsync(MadarFactory factory)
    {
        if (_articleId == 0) throw new InvalidOperationException("A comment needs its article: call On(article).");
        await using var scope = factory.Services.CreateAsyncScope();
        var emails = scope.ServiceProvider.GetRequiredService<EmailProtector>();
        var db = scope.ServiceProvider.GetRequiredService<MadarDb>();
        var comment = new Comment
        {
            ArticleId = _articleId, ParentId = _parentId, NotifyReplies = _notify, Author = _author, Text = _text, Url = _url, Status = _status,
            EmailProtected = emails.Protect(_email), EmailHash = emails.Hash(_email),
            CreatedAt = factory.Clock.GetUtcNow().UtcDateTime, IpAddress = "203.0.113.7", UserAgent = "tests",
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync();
        return comment;
    }
}
