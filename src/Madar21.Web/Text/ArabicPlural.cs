using System.Globalization;

namespace Madar21.Web.Text;

/// <summary>
/// A count with its noun in the form Arabic grammar gives it after that number, written with Western digits as the
/// site writes every number. The category follows CLDR's plural rules for Arabic, which are the grammar's:
/// <list type="bullet">
/// <item>0: its own phrase («لا تعليقات»);</item>
/// <item>1 and 2: the noun alone, singular or dual, no digit («تعليق واحد»، «تعليقان»);</item>
/// <item>few, when the last two digits are 3–10: the plural («3 تعليقات»، «103 تعليقات»);</item>
/// <item>many, when the last two digits are 11–99: the singular in the accusative, tanween on the letter before the
/// alif as modern orthography writes it («11 تعليقًا»، «111 تعليقًا»);</item>
/// <item>other, every other number (100, 101, 102, 200, 1000 …): the singular in the genitive, as after «مئة»
/// («100 تعليق»). 101 and 102 belong here too: spelled out, grammar says «مئة تعليق وتعليق» and «مئة تعليق
/// وتعليقان», but after digits the unit is not read separately, and CLDR, like the Arabic press, writes «101 تعليق»
/// and «102 تعليق».</item>
/// </list>
/// Every count the site shows goes through here: a new noun is declared once below with its forms. Only the dual
/// changes with the noun's case: after a preposition, or as an object («تمت الموافقة على تعليقين»، «تم نشر مقالين»)
/// it is <see cref="ArabicCase.Oblique"/>; the other forms are written alike in every case.
/// </summary>
public static class ArabicPlural
{
    public enum Category { Zero, One, Two, Few, Many, Other }

    public static Category CategoryOf(long count)
    {
        var n = Math.Abs(count);
        return n switch
        {
            0 => Category.Zero,
            1 => Category.One,
            2 => Category.Two,
            _ => (n % 100) switch
            {
                >= 3 and <= 10 => Category.Few,
                >= 11 => Category.Many,
                _ => Category.Other,
            },
        };
    }

    /// <summary>«لا تعليقات»، «تعليق واحد»، «تعليقان» (oblique: «تعليقين»)، «3 تعليقات»، «11 تعليقًا»، «100 تعليق».</summary>
    public static string Format(long count, ArabicNoun noun, ArabicCase grammaticalCase = ArabicCase.Nominative)
    {
        var digits = count.ToString(CultureInfo.InvariantCulture);
        return CategoryOf(count) switch
        {
            Category.Zero => noun.None,
            Category.One => noun.One,
            Category.Two => grammaticalCase == ArabicCase.Oblique ? noun.TwoOblique : noun.Two,
            Category.Few => $"{digits} {noun.Plural}",
            Category.Many => $"{digits} {noun.Accusative}",
            _ => $"{digits} {noun.Singular}",
        };
    }

    public static readonly ArabicNoun Comments = new(
        None: "لا تعليقات", One: "تعليق واحد", Two: "تعليقان", Plural: "تعليقات", Accusative: "تعليقًا", Singular: "تعليق",
        TwoOblique: "تعليقين");

    /// <summary>«3 دقائق قراءة»: the noun in construct with «قراءة» (the dual loses its nūn: «دقيقتا قراءة»).</summary>
    public static readonly ArabicNoun ReadingMinutes = new(
        None: "أقل من دقيقة قراءة", One: "دقيقة قراءة", Two: "دقيقتا قراءة", Plural: "دقائق قراءة", Accusative: "دقيقةَ قراءة", Singular: "دقيقة قراءة",
        TwoOblique: "دقيقتي قراءة");

    public static readonly ArabicNoun Articles = new(
        None: "لا مقالات", One: "مقال واحد", Two: "مقالان", Plural: "مقالات", Accusative: "مقالًا", Singular: "مقال",
        TwoOblique: "مقالين");

    /// <summary>The adjective agrees too: «مقالان منشوران»، «5 مقالات منشورة»، «11 مقالًا منشورًا».</summary>
    public static readonly ArabicNoun PublishedArticles = new(
        None: "لا مقالات منشورة", One: "مقال واحد منشور", Two: "مقالان منشوران", Plural: "مقالات منشورة", Accusative: "مقالًا منشورًا",
        Singular: "مقال منشور", TwoOblique: "مقالين منشورين");

    public static readonly ArabicNoun ScheduledArticles = new(
        None: "لا مقالات مجدولة", One: "مقال واحد مجدول", Two: "مقالان مجدولان", Plural: "مقالات مجدولة", Accusative: "مقالًا مجدولًا",
        Singular: "مقال مجدول", TwoOblique: "مقالين مجدولين");

    public static readonly ArabicNoun Drafts = new(
        None: "لا مسودات", One: "مسودة واحدة", Two: "مسودتان", Plural: "مسودات", Accusative: "مسودةً", Singular: "مسودة",
        TwoOblique: "مسودتين");

    public static readonly ArabicNoun Pictures = new(
        None: "لا صور", One: "صورة واحدة", Two: "صورتان", Plural: "صور", Accusative: "صورةً", Singular: "صورة",
        TwoOblique: "صورتين");

    /// <summary>For lengths: «أطول من 200 حرف»، «أطول من 60 حرفًا».</summary>
    public static readonly ArabicNoun Characters = new(
        None: "لا أحرف", One: "حرف واحد", Two: "حرفان", Plural: "أحرف", Accusative: "حرفًا", Singular: "حرف",
        TwoOblique: "حرفين");

    public static readonly ArabicNoun Days = new(
        None: "لا أيام", One: "يوم واحد", Two: "يومان", Plural: "أيام", Accusative: "يومًا", Singular: "يوم",
        TwoOblique: "يومين");

    public static readonly ArabicNoun Minutes = new(
        None: "أقل من دقيقة", One: "دقيقة واحدة", Two: "دقيقتان", Plural: "دقائق", Accusative: "دقيقةً", Singular: "دقيقة",
        TwoOblique: "دقيقتين");
}

/// <summary>The case of the counted noun, where Arabic writes it differently: only the dual («مقالان» / «مقالين»).</summary>
public enum ArabicCase
{
    /// <summary>Subject or predicate: «مقالان».</summary>
    Nominative,
    /// <summary>After a preposition or as an object (genitive and accusative are written alike): «مقالين».</summary>
    Oblique,
}

/// <summary>The forms of one noun that <see cref="ArabicPlural"/> chooses from.</summary>
/// <param name="None">The whole phrase for zero («لا تعليقات»).</param>
/// <param name="One">The whole phrase for one («تعليق واحد»).</param>
/// <param name="Two">The dual («تعليقان»).</param>
/// <param name="Plural">After 3–10 («تعليقات»).</param>
/// <param name="Accusative">The singular after 11–99 («تعليقًا»).</param>
/// <param name="Singular">The singular after 100, 1000 … («تعليق»).</param>
/// <param name="TwoOblique">The dual after a preposition or as an object («تعليقين»).</param>
public sealed record ArabicNoun(string None, string One, string Two, string Plural, string Accusative, string Singular, string TwoOblique);
