using Madar21.Web.Search;

namespace Madar21.Tests.Search;

public class ArabicNormalizerTests
{
    [Fact]
    public void Tashkeel_is_removed() => Assert.Equal("محمد", ArabicNormalizer.Normalize("مُحَمَّدٌ"));

    [Fact]
    public void Superscript_alef_and_quranic_marks_are_removed() => Assert.Equal("هذا", ArabicNormalizer.Normalize("هٰذَا"));

    [Fact]
    public void Tatweel_is_removed() => Assert.Equal("الرباط", ArabicNormalizer.Normalize("الربـــاط"));

    [Fact]
    public void Alef_with_hamza_above_becomes_alef() => Assert.Equal("اخبار", ArabicNormalizer.Normalize("أخبار"));

    [Fact]
    public void Alef_with_hamza_below_becomes_alef() => Assert.Equal("اسبانيا", ArabicNormalizer.Normalize("إسبانيا"));

    [Fact]
    public void Alef_with_madda_becomes_alef() => Assert.Equal("اسيا", ArabicNormalizer.Normalize("آسيا"));

    [Fact]
    public void Alef_wasla_becomes_alef() => Assert.Equal("الكتاب", ArabicNormalizer.Normalize("ٱلكتاب"));

    [Fact]
    public void Alef_maqsura_becomes_yeh() => Assert.Equal("مصطفي", ArabicNormalizer.Normalize("مصطفى"));

    [Fact]
    public void Teh_marbuta_becomes_heh() => Assert.Equal("مدرسه", ArabicNormalizer.Normalize("مدرسة"));

    [Fact]
    public void Waw_with_hamza_becomes_waw() => Assert.Equal("موتمر", ArabicNormalizer.Normalize("مؤتمر"));

    [Fact]
    public void Yeh_with_hamza_becomes_yeh() => Assert.Equal("رييس", ArabicNormalizer.Normalize("رئيس"));

    [Fact]
    public void Arabic_indic_digits_become_western() => Assert.Equal("2022", ArabicNormalizer.Normalize("٢٠٢٢"));

    [Fact]
    public void Eastern_arabic_indic_digits_become_western() => Assert.Equal("2022", ArabicNormalizer.Normalize("۲۰۲۲"));

    [Fact]
    public void Persian_yeh_and_kaf_become_arabic() => Assert.Equal("كيف", ArabicNormalizer.Normalize("کیف"));

    [Fact]
    public void Presentation_forms_become_letters() => Assert.Equal("لا", ArabicNormalizer.Normalize("\uFEFB"));

    [Fact]
    public void Latin_is_lower_cased() => Assert.Equal("covid", ArabicNormalizer.Normalize("COVID"));

    [Fact]
    public void Words_are_split_on_punctuation_and_quotes_and_keep_their_place()
    {
        const string text = "ضد “داعش”، بـ\"كوفيد-19\"";
        var words = ArabicNormalizer.Words(text).ToList();

        Assert.Equal(["ضد", "داعش", "ب", "كوفيد", "19"], words.Select(w => w.Folded));
        Assert.Equal("داعش", text.Substring(words[1].Start, words[1].Length));
        Assert.Equal("بـ", text.Substring(words[2].Start, words[2].Length)); // tatweel stays in the original span
    }

    [Theory]
    [InlineData("\u0627\u0653\u0644")] // alef + madda, decomposed: composes to آ, folded to ا either way
    [InlineData("\u0648\u0654\u064E")] // waw + hamza above + fatha
    [InlineData("\u064A\u0654\u0651\u064E")] // yeh + hamza above + shadda + fatha
    [InlineData("\u0645\u064E\u0651\u0629")] // fatha before shadda: an order normalisation changes
    [InlineData("Ab\u0654\u0661")] // a mark after a Latin letter, an Arabic-Indic digit
    public void Words_of_letters_and_marks_fold_as_their_normalised_form_does(string word) =>
        Assert.Equal(ArabicNormalizer.Normalize(word.Normalize(System.Text.NormalizationForm.FormKC)), ArabicNormalizer.Normalize(word));

    [Fact]
    public void Any_mix_of_Arabic_letters_marks_digits_and_ASCII_folds_as_its_normalised_form_does()
    {
        // The letters and marks that skip Unicode normalisation, drawn at random: the result must be that of the
        // normalised text, whatever the order of the marks or the letter they follow.
        var alphabet = Enumerable.Range(0x0621, 0x065F - 0x0621 + 1).Concat(Enumerable.Range(0x0660, 10))
            .Concat([0x0670, 'A', 'z', '7', ' ']).Select(c => (char)c).ToArray();
        var random = new Random(21);
        for (var n = 0; n < 20_000; n++)
        {
            var word = new string(Enumerable.Range(0, random.Next(1, 8)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(ArabicNormalizer.Normalize(word.Normalize(System.Text.NormalizationForm.FormKC)), ArabicNormalizer.Normalize(word));
        }
    }

    [Fact]
    public void Presentation_forms_are_still_normalised() => Assert.Equal("لا", ArabicNormalizer.Normalize("\uFEFB"));
}
