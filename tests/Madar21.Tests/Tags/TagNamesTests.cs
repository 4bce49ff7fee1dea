using Madar21.Web.Tags;

namespace Madar21.Tests.Tags;

public class TagNamesTests
{
    [Theory]
    [InlineData("الأمن", "الامن")] // hamza on alef
    [InlineData("إسرائيل", "اسرائيل")] // hamza under alef
    [InlineData("آسيا", "اسيا")] // madda
    [InlineData("الصحة العامة", "الصحه العامه")] // teh marbuta and heh
    [InlineData("مستشفى", "مستشفي")] // alef maksura and yeh
    [InlineData("التَّحالُف الدَّوْلي", "التحالف الدولي")] // tashkeel
    [InlineData("التحـــالف", "التحالف")] // tatweel
    [InlineData("كوفيد-19", "كوفيد ١٩")] // punctuation between words, Arabic-Indic digits
    [InlineData("  المغرب   العربي ", "المغرب العربي")] // spacing
    [InlineData("Maroc", "maroc")] // Latin case
    public void Spelling_variants_are_one_tag(string a, string b) => Assert.Equal(TagNames.KeyOf(a), TagNames.KeyOf(b));

    [Fact]
    public void Different_words_are_different_tags() =>
        Assert.NotEqual(TagNames.KeyOf("التحالف الدولي"), TagNames.KeyOf("التحالف العربي"));

    [Fact]
    public void Commas_of_either_script_separate_and_the_first_spelling_of_a_tag_is_kept()
    {
        var (names, errors) = TagNames.Parse("التحالف الدولى، كوفيد-19 ,التَّحالف الدولي،، الأمن ,");

        Assert.Empty(errors);
        Assert.Equal(["التحالف الدولى", "كوفيد-19", "الأمن"], names);
    }

    [Fact]
    public void Nothing_typed_is_no_tags_and_no_error()
    {
        Assert.Equal((0, 0), (TagNames.Parse(null).Names.Count, TagNames.Parse(" ، , ").Errors.Count));
    }

    [Fact]
    public void Too_long_too_many_and_letterless_tags_are_refused_in_arabic()
    {
        Assert.Contains("أطول من 60", Assert.Single(TagNames.Parse(new string('ب', 61)).Errors));
        Assert.Contains("20 وسمًا على الأكثر", Assert.Single(TagNames.Parse(string.Join("،", Enumerable.Range(1, 100).Select(i => $"وسم {i}"))).Errors));
        Assert.Contains("لا يحتوي على حرف أو رقم", Assert.Single(TagNames.Parse("!!!").Errors));
    }
}
