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

    // The nouns the site counts. The regular forms follow from the singular and the plural (see ArabicNoun.Regular);
    // only what grammar does not derive is written here.
    public static readonly ArabicNoun Comments = ArabicNoun.Regular("تعليق", plural: "تعليقات");
    public static readonly ArabicNoun Articles = ArabicNoun.Regular("مقال", plural: "مقالات");
    /// <summary>The adjective agrees too: «مقالان منشوران»، «5 مقالات منشورة»، «11 مقالًا منشورًا».</summary>
    public static readonly ArabicNoun PublishedArticles = Articles.Described("منشور");
    public static readonly ArabicNoun ScheduledArticles = Articles.Described("مجدول");
    public static readonly ArabicNoun Drafts = ArabicNoun.Regular("مسودة", plural: "مسودات");
    public static readonly ArabicNoun Pictures = ArabicNoun.Regular("صورة", plural: "صور");
    /// <summary>For lengths: «أطول من 200 حرف»، «أطول من 60 حرفًا».</summary>
    public static readonly ArabicNoun Characters = ArabicNoun.Regular("حرف", plural: "أحرف");
    public static readonly ArabicNoun Days = ArabicNoun.Regular("يوم", plural: "أيام");
    public static readonly ArabicNoun Minutes = ArabicNoun.Regular("دقيقة", plural: "دقائق", none: "أقل من دقيقة");
    /// <summary>«3 دقائق قراءة»: the noun in construct with «قراءة» (the dual loses its nūn: «دقيقتا قراءة»).</summary>
    public static readonly ArabicNoun ReadingMinutes = Minutes.InConstructWith("قراءة");
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
public sealed record ArabicNoun(string None, string One, string Two, string Plural, string Accusative, string Singular, string TwoOblique)
{
    private const char TaMarbuta = 'ة';
    private const string Tanween = "\u064B"; // fathatan: «تعليقًا»، «مسودةً»
    private const string Fatha = "\u064E"; // the accusative in construct, which takes no tanween: «دقيقةَ قراءة»

    /// <summary>
    /// A noun whose other forms follow the grammar's regular rules from its singular and its (broken or sound) plural:
    /// a noun ending in tā' marbūṭa is feminine («مسودة واحدة»), its dual built on «ت» («مسودتان»، «مسودتين») and its
    /// accusative taking tanween on the tā' («مسودةً»); any other is masculine («مقال واحد»، «مقالان»، «مقالين»), its
    /// accusative written with the alif («مقالًا»). Zero is «لا» and the plural («لا مقالات») unless <paramref name="none"/>
    /// says otherwise.
    /// </summary>
    public static ArabicNoun Regular(string singular, string plural, string? none = null)
    {
        var feminine = singular.EndsWith(TaMarbuta);
        var dualStem = feminine ? singular[..^1] + "ت" : singular;
        return new ArabicNoun(
            None: none ?? $"لا {plural}",
            One: $"{singular} {(feminine ? "واحدة" : "واحد")}",
            Two: dualStem + "ان",
            Plural: plural,
            Accusative: feminine ? singular + Tanween : singular + Tanween + "ا",
            Singular: singular,
            TwoOblique: dualStem + "ين");
    }

    /// <summary>
    /// The noun followed by an adjective in its masculine singular, which agrees with each form: in gender, in the dual,
    /// in the accusative, and in the feminine singular after the plural of a thing («مقالات منشورة»).
    /// </summary>
    public ArabicNoun Described(string adjective)
    {
        var feminine = Singular.EndsWith(TaMarbuta);
        var agreeing = Regular(feminine ? adjective + TaMarbuta : adjective, plural: adjective + TaMarbuta);
        return new ArabicNoun(
            None: $"{None} {agreeing.Plural}",
            One: $"{One} {agreeing.Singular}",
            Two: $"{Two} {agreeing.Two}",
            Plural: $"{Plural} {agreeing.Plural}",
            Accusative: $"{Accusative} {agreeing.Accusative}",
            Singular: $"{Singular} {agreeing.Singular}",
            TwoOblique: $"{TwoOblique} {agreeing.TwoOblique}");
    }

    /// <summary>
    /// The noun as the first term of a construct («دقيقة قراءة»): it loses «واحد» and the dual's nūn («دقيقتا قراءة»)
    /// and takes no tanween («دقيقةَ قراءة»).
    /// </summary>
    public ArabicNoun InConstructWith(string second) => new(
        None: $"{None} {second}",
        One: $"{Singular} {second}",
        Two: $"{Two[..^1]} {second}",
        Plural: $"{Plural} {second}",
        Accusative: $"{Singular}{Fatha} {second}",
        Singular: $"{Singular} {second}",
        TwoOblique: $"{TwoOblique[..^1]} {second}");
}
