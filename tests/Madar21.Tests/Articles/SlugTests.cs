using Madar21.Web.Articles;

namespace Madar21.Tests.Articles;

public class SlugTests
{
    [Fact]
    public void The_seed_title_keeps_its_arabic_words_joined_by_hyphens_without_punctuation_or_quotes() =>
        Assert.Equal("رسميا-بلينكين-يغيب-عن-الاجتماع-الوزاري-للتحالف-الدولي-ضد-داعش",
            Slug.FromTitle("رسميا.. بلينكين يغيب عن الاجتماع الوزاري للتحالف الدولي ضد “داعش”"));

    [Fact]
    public void Diacritics_and_tatweel_are_dropped() =>
        Assert.Equal("المنظم-للمؤتمر", Slug.FromTitle("المنظِّم للمؤتـــمر"));

    [Fact]
    public void Latin_letters_are_lower_cased_and_digits_kept() =>
        Assert.Equal("كوفيد-19-في-covid-news", Slug.FromTitle("كوفيد 19 في «COVID News»!"));

    [Fact]
    public void Runs_of_spaces_become_one_hyphen() =>
        Assert.Equal("أ-ب", Slug.FromTitle("  أ   \t ب  "));

    [Fact]
    public void A_long_title_is_cut_to_eighty_characters_without_a_trailing_hyphen()
    {
        var slug = Slug.FromTitle(string.Join(' ', Enumerable.Repeat("كلمة", 40)));
        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.False(slug.EndsWith('-'));
    }

    [Fact]
    public void A_title_of_only_punctuation_still_gives_a_usable_slug() =>
        Assert.Equal("article", Slug.FromTitle("«…»"));
}
