using System.Net.Mail;
using Madar21.Web.Models;
using Madar21.Web.Text;
using Microsoft.AspNetCore.Mvc;

namespace Madar21.Web.Comments;

/// <summary>
/// The comment form as posted, under the field names browsers autofill and tools know (<c>comment</c>, <c>author</c>,
/// <c>email</c>, <c>url</c>). The server enforces every rule; the HTML attributes only help.
/// </summary>
public sealed class CommentInput
{
    public const string CommentField = "comment";
    public const string AuthorField = "author";
    public const string EmailField = "email";
    public const string UrlField = "url";
    public const string RememberField = "remember";
    public const string NotifyField = "notify";

    /// <summary>The comment replied to: WordPress's name for it, so that tools that know WordPress forms know this one.</summary>
    public const string ParentField = "comment_parent";

    /// <summary>The query parameter of the «رد» links (<c>?replytocom=ID#respond</c>), as in WordPress.</summary>
    public const string ReplyToQuery = "replytocom";

    public const string ParentRefusedMessage =
        "تعذّر نشر ردّك: التعليق الذي تردّ عليه غير موجود أو غير منشور أو ليس على هذا المقال. نصّك محفوظ أدناه، ويمكنك إرساله تعليقاً جديداً.";

    /// <summary>
    /// The honeypot. People never see it (moved off-screen, out of the tab order, hidden from screen readers), bots
    /// that fill every field do. Its name is plausible for a comment form, so a bot takes it for a real field, but
    /// matches no autofill category (unlike "phone" or "address"), so a browser never fills it for a person.
    /// </summary>
    public const string HoneypotField = "subject";

    [FromForm(Name = CommentField)] public string? Comment { get; set; }
    [FromForm(Name = AuthorField)] public string? Author { get; set; }
    [FromForm(Name = EmailField)] public string? Email { get; set; }
    [FromForm(Name = UrlField)] public string? Url { get; set; }
    [FromForm(Name = HoneypotField)] public string? Subject { get; set; }
    [FromForm(Name = RememberField)] public string? Remember { get; set; }
    [FromForm(Name = NotifyField)] public string? Notify { get; set; }
    [FromForm(Name = ParentField)] public string? Parent { get; set; }

    /// <summary>The left-to-right marks keep "http://" in one piece inside the right-to-left sentence.</summary>
    public const string UrlSchemeMessage = "يجب أن يبدأ رابط الموقع بـ http://\u200E أو https://\u200E.";

    /// <summary>A user name or password before the host (<c>https://user:password@host</c>) can pass for another site's name.</summary>
    public const string UrlUserInfoMessage = "لا يمكن أن يحتوي رابط الموقع على اسم مستخدم أو كلمة مرور قبل اسم الموقع.";

    public bool IsBot => !string.IsNullOrWhiteSpace(Subject);
    public bool WantsRemembering => !string.IsNullOrEmpty(Remember);
    public bool WantsReplyEmails => !string.IsNullOrEmpty(Notify);

    /// <summary>
    /// The comment replied to; null for a new thread ("0" or nothing, as WordPress sends). Anything else that is not a
    /// positive number is a parent that cannot exist: -1, refused like any other.
    /// </summary>
    public int? ParentId => string.IsNullOrEmpty(Parent) || Parent == "0" ? null
        : int.TryParse(Parent, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id : -1;

    /// <summary>
    /// Text as typed, tidied by <see cref="TextCleaning"/>: the comment keeps its bidi controls (it is rendered inside
    /// an isolate, and a mixed Arabic and French text may need them); the name and the site's URL, one-line values,
    /// lose them. Nothing else is changed: the text is encoded when rendered.
    /// </summary>
    public void Normalize()
    {
        Comment = Comment is null ? null : TextCleaning.Text(Comment);
        Author = Author is null ? null : TextCleaning.Line(Author);
        Email = Email is null ? null : TextCleaning.Text(Email);
        Url = Url is null ? null : TextCleaning.Line(Url);
    }

    /// <summary>The errors, one Arabic message per wrong field, in the form's order; empty when the input is valid.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();

        if (string.IsNullOrEmpty(Comment)) errors[CommentField] = "اكتب تعليقك.";
        else if (Comment.Length > Models.Comment.TextMaxLength) errors[CommentField] = $"يجب ألا يتجاوز التعليق {Models.Comment.TextMaxLength} حرف.";

        if (string.IsNullOrEmpty(Author)) errors[AuthorField] = "اكتب اسمك.";
        else if (Author.Length > Models.Comment.AuthorMaxLength) errors[AuthorField] = $"يجب ألا يتجاوز الاسم {Models.Comment.AuthorMaxLength} حرف.";

        if (string.IsNullOrEmpty(Email)) errors[EmailField] = "اكتب بريدك الإلكتروني.";
        else if (Email.Length > Models.Comment.EmailMaxLength) errors[EmailField] = $"يجب ألا يتجاوز البريد الإلكتروني {Models.Comment.EmailMaxLength} حرفاً.";
        else if (!IsEmail(Email)) errors[EmailField] = "اكتب عنوان بريد إلكتروني صحيحاً، مثل name@example.com.";

        if (string.IsNullOrEmpty(Url)) { }
        else if (Url.Length > Models.Comment.UrlMaxLength) errors[UrlField] = $"يجب ألا يتجاوز رابط الموقع {Models.Comment.UrlMaxLength} حرف.";
        else if (!IsWebUrl(Url)) errors[UrlField] = UrlSchemeMessage;
        else if (HasUserInfo(Url)) errors[UrlField] = UrlUserInfoMessage;

        return errors;
    }

    private static bool IsEmail(string email) =>
        !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.User.Length <= 64
        && address.Host.Contains('.') && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');

    private static bool IsWebUrl(string url) =>
        !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0
        && url.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase);

    private static bool HasUserInfo(string url) => new Uri(url).UserInfo.Length > 0;

    /// <summary>The host a stored URL really leads to, as a moderator should read it (IDN hosts in their ASCII form); null when it has none.</summary>
    public static string? HostOf(string? url) =>
        url is not null && Uri.TryCreate(TextCleaning.Line(url), UriKind.Absolute, out var uri) && uri.IdnHost.Length > 0 ? uri.IdnHost : null;
}
