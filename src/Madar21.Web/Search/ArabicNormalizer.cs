using System.Buffers;
using System.Globalization;
using System.Text;
using Madar21.Web.Text;

namespace Madar21.Web.Search;

/// <summary>
/// Folds the ways one Arabic word can be typed into one spelling, the same way for the indexed text and for the
/// query: no diacritics or tatweel, one alef, one yeh, heh for teh marbuta, hamza carriers dropped, Western digits.
/// </summary>
public static class ArabicNormalizer
{
    /// <summary>The folded form of a whole text; characters that are not part of a word are kept as they are.</summary>
    public static string Normalize(string text) => Normalize(text.AsSpan());

    /// <inheritdoc cref="Normalize(string)"/>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        // Most words are plain Arabic letters or ASCII, which Unicode normalisation leaves as they are: asking ICU
        // whether each word is normalised was most of the cost of indexing an article.
        if (text.ContainsAnyExcept(Plain))
            text = UnicodeForms.Normalize(text.ToString(), NormalizationForm.FormKC); // presentation forms such as the lam-alef ligature ﻻ
        Span<char> folded = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
            if (Fold(c) is { } f)
                folded[length++] = f;
        return new string(folded[..length]);
    }

    // Characters whose normalisation the folding below makes no difference to: ASCII and the Arabic letters, tatweel
    // and digits are left as they are, and on the Arabic marks normalisation can only reorder them or compose a hamza
    // or madda onto its letter (أ إ آ ؤ ئ), which the folding drops or maps to the bare letter just the same.
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x80).Select(c => (char)c)) +
        string.Concat(Enumerable.Range(0x0621, 0x065F - 0x0621 + 1).Select(c => (char)c)) +
        string.Concat(Enumerable.Range(0x0660, 10).Select(c => (char)c)) + '\u0670');

    /// <summary>The words of a text with their place in it (for highlighting) and their folded form (for matching).</summary>
    public static IEnumerable<Word> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && IsWordChar(text[i])) i++;
            var folded = Normalize(text.AsSpan(start, i - start));
            if (folded.Length > 0)
                yield return new Word(start, i - start, folded);
        }
    }

    /// <summary>Letters, digits and the marks written on them; everything else (spaces, punctuation, quotes) separates words.</summary>
    public static bool IsWordChar(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
        _ => false,
    };

    public static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06D3';

    /// <summary>One character's folded form, or null when it is dropped.</summary>
    private static char? Fold(char c) => c switch
    {
        // Tashkeel (fathatan … sukun, and the later marks up to U+065F), the superscript alef, Quranic annotation signs.
        >= '\u064B' and <= '\u065F' or '\u0670' or >= '\u06D6' and <= '\u06ED' => null,
        '\u0640' => null, // tatweel
        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ئ' => 'ي',
        'ی' => 'ي', // Persian yeh, typed on Persian keyboards
        'ک' => 'ك', // Persian kaf
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')), // Arabic-Indic digits
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')), // Eastern Arabic-Indic digits
        < '\u0080' => c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c,
        >= '\u0621' and <= '\u063A' or >= '\u0641' and <= '\u064A' => c, // Arabic letters have no case
        _ => char.ToLowerInvariant(c),
    };
}

/// <param name="Start">Index of the word's first character in the original text.</param>
/// <param name="Length">Its length in the original text.</param>
/// <param name="Folded">Its normalised form.</param>
public readonly record struct Word(int Start, int Length, string Folded);
