using System.Text.RegularExpressions;

namespace Madar21.Web.Articles;

/// <summary>An article as an editor names it in a form: its number, its address, or its path (/article/12/…).</summary>
public static partial class ArticleReference
{
    /// <summary>The article's number, or null when the text names none.</summary>
    public static int? IdOf(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var match = ArticleId().Match(typed.Trim());
        return match.Success && int.TryParse(match.Groups["id"].Value, out var id) ? id : null;
    }

    [GeneratedRegex(@"^(?:(?:https?://[^/]+)?/article/(?<id>\d+)(?:/.*)?|(?<id>\d+))$")]
    private static partial Regex ArticleId();
}
