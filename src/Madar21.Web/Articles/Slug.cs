using System.Globalization;
using System.Text;
using Madar21.Web.Text;

namespace Madar21.Web.Articles;

/// <summary>Makes the readable part of an article URL from its title: /article/12/رسميا-بلينكين-يغيب.</summary>
public static class Slug
{
    public const int MaxLength = 80;

    public static string FromTitle(string title)
    {
        var slug = new StringBuilder(title.Length);
        var pendingHyphen = false;
        foreach (var c in UnicodeForms.Normalize(title, NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c) || c == '-' || c == '_')
            {
                pendingHyphen = slug.Length > 0;
                continue;
            }
            if (!IsKept(c))
                continue; // punctuation, quotes, tatweel, diacritics and symbols are dropped without a trace
            if (pendingHyphen)
            {
                if (slug.Length + 1 >= MaxLength) break;
                slug.Append('-');
                pendingHyphen = false;
            }
            if (slug.Length >= MaxLength) break;
            slug.Append(char.ToLowerInvariant(c));
        }
        return slug.Length > 0 ? slug.ToString() : "article";
    }

    private static bool IsKept(char c)
    {
        if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9') return true;
        if (c is >= '\u0660' and <= '\u0669' or >= '\u06F0' and <= '\u06F9') return true; // Arabic-Indic digits
        // Arabic letters only: marks (tashkeel) are NonSpacingMark and tatweel (U+0640) is a ModifierLetter.
        return c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F'
            && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter;
    }
}
