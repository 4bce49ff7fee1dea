using Madar21.Web.Search;

namespace Madar21.Tests.Search;

public class ArabicFormsTests
{
    [Theory]
    [InlineData("التحالف", "تحالف")]
    [InlineData("والتحالف", "تحالف")]
    [InlineData("والتحالف", "التحالف")]
    [InlineData("فالتحالف", "تحالف")]
    [InlineData("بالتحالف", "تحالف")]
    [InlineData("للتحالف", "تحالف")]
    [InlineData("وللتحالف", "تحالف")]
    [InlineData("ومراكش", "مراكش")]
    [InlineData("فمراكش", "مراكش")]
    [InlineData("بمراكش", "مراكش")]
    [InlineData("لمراكش", "مراكش")]
    [InlineData("كالعاده", "عاده")] // forms are taken of folded words (ة is already ه)
    public void A_prefixed_word_has_the_word_without_its_prefixes_among_its_forms(string word, string form) =>
        Assert.Contains(form, ArabicForms.Forms(word));

    [Fact]
    public void The_word_itself_comes_first() => Assert.Equal("والتحالف", ArabicForms.Forms("والتحالف")[0]);

    [Theory]
    [InlineData("بيت")] // ب + يت would leave two letters
    [InlineData("ولد")]
    [InlineData("من")]
    public void Short_words_keep_their_first_letter(string word) => Assert.Equal([word], ArabicForms.Forms(word));

    [Fact]
    public void Latin_words_and_numbers_have_no_other_form()
    {
        Assert.Equal(["blinken"], ArabicForms.Forms("blinken"));
        Assert.Equal(["2022"], ArabicForms.Forms("2022"));
    }

    [Theory]
    [InlineData("بلينكين", "بلينكن")]
    [InlineData("ترامب", "ترمب")]
    [InlineData("بوتين", "بوتن")]
    public void Transliterations_of_one_name_share_a_skeleton(string one, string other) =>
        Assert.Equal(ArabicForms.Skeleton(one), ArabicForms.Skeleton(other));

    [Fact]
    public void Skeleton_keeps_first_and_last_letters() => Assert.Equal("الدلي", ArabicForms.Skeleton("الدولي"));

    [Fact]
    public void Short_words_have_no_skeleton() => Assert.Null(ArabicForms.Skeleton("بيت"));
}
