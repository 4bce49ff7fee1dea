using System.Net.Mail;
using System.Text;
using Madar21.Web.Models;
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

    /// <summary>The left-to-right marks keep "http://" in one piece inside the right-to-left sentence.</summary>
    public const string UrlSchemeMessage = "يجب أن يبدأ رابط الموقع بـ http://\u200E أو https://\u200E.";

    public bool IsBot => !string.IsNullOrWhiteSpace(Subject);
    public bool WantsRemembering => !string.IsNullOrEmpty(Remember);

    /// <summary>
    /// Text as typed, after trimming, line endings as \n and Unicode in NFC. Names also lose bidi controls and other
    /// control characters (see <see cref="CleanName"/>). Nothing else is changed: the text is encoded when rendered.
    /// </summary>
    public void Normalize()
    {
        Comment = Tidy(Comment);
        Author = CleanName(Tidy(Author));
        Email = Tidy(Email);
        Url = Tidy(Url);
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

        return errors;
    }

    /// <summary>
    /// Bidi controls (embeddings, overrides, isolates and the LRM, RLM and ALM marks) are removed from names when they
    /// are saved rather than when they are shown: a name carries no meaning in them, and removing them once protects
    /// every place a name will ever appear (article page, admin, feeds, notifications) without each one remembering
    /// to. The comment text keeps them, as typed: it is rendered inside an isolate (<c>&lt;bdi&gt;</c>,
    /// <c>dir="auto"</c>), which ends whatever they start, and a mixed Arabic and French text may need them.
    /// </summary>
    public static string? CleanName(string? name)
    {
        if (name is null) return null;
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (IsBidiControl(c)) continue;
            clean.Append(char.IsControl(c) ? ' ' : c);
        }
        return clean.ToString().Trim();
    }

    public static bool IsBidiControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    private static string? Tidy(string? value)
    {
        if (value is null) return null;
        var text = value.Replace("\r\n", "\n").Replace('\r', '\n').Trim();
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Not valid UTF-16 (a lone surrogate): keep it unnormalised; it is only ever encoded on output.
            return text;
        }
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
}
