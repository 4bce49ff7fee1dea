using Madar21.Web.Models;
using Madar21.Web.Search;
using Madar21.Web.Text;

namespace Madar21.Web.Tags;

/// <summary>
/// What a typed list of tags means: names separated by commas (Latin «,» or Arabic «،»), each tidied, and one entry
/// per tag identity (<see cref="KeyOf"/>), in the order typed.
/// </summary>
public static class TagNames
{
    public const int MaxPerArticle = 20;

    private static readonly char[] Separators = [',', '،', '\n'];

    /// <summary>
    /// The identity of a tag: its words through <see cref="ArabicNormalizer"/> (tashkeel and tatweel dropped, أ/إ/آ → ا,
    /// ة → ه, ى → ي …), one space apart, so that spelling variants, punctuation and spacing make no second tag.
    /// </summary>
    public static string KeyOf(string name) => string.Join(' ', ArabicNormalizer.Words(name).Select(w => w.Folded));

    /// <summary>The names as typed, tidied and deduplicated by identity, with the reasons (Arabic) a list is refused.</summary>
    public static (List<string> Names, List<string> Errors) Parse(string? typed)
    {
        var names = new List<string>();
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(typed)) return (names, errors);

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in typed.Split(Separators))
        {
            var name = string.Join(' ', TextCleaning.Line(part).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (name.Length == 0) continue; // «سياسة،، اقتصاد» or a trailing comma
            var key = KeyOf(name);
            if (key.Length == 0)
            {
                errors.Add($"الوسم «{name}» لا يحتوي على حرف أو رقم.");
                continue;
            }
            if (name.Length > Tag.NameMaxLength)
            {
                errors.Add($"الوسم «{Shorten(name)}» أطول من {Tag.NameMaxLength} حرفًا.");
                continue;
            }
            if (keys.Add(key)) names.Add(name);
        }
        if (names.Count > MaxPerArticle)
            errors.Add($"للمقال {MaxPerArticle} وسمًا على الأكثر، وكتبتَ {names.Count}.");
        return (names, errors);
    }

    /// <summary>The names as the form shows them again.</summary>
    public static string Join(IEnumerable<string> names) => string.Join("، ", names);

    private static string Shorten(string name) => name.Length <= 30 ? name : name[..30] + "…";
}
