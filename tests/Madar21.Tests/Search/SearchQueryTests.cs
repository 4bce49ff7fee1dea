using Madar21.Web.Search;

namespace Madar21.Tests.Search;

public class SearchQueryTests
{
    [Theory]
    [InlineData("\"داعش")]
    [InlineData("داعش NEAR(\"x\" \"y\")")]
    [InlineData("داعش* -التحالف (OR) AND NOT")]
    [InlineData("'; DROP TABLE Articles; --")]
    [InlineData("title: داعش ^ {body}")]
    public void Only_letters_and_digits_reach_the_terms(string raw)
    {
        var query = SearchQuery.Parse(raw);

        Assert.NotEmpty(query.Terms.SelectMany(t => t.Forms.Concat(t.Skeletons)));
        Assert.All(query.Terms.SelectMany(t => t.Forms.Concat(t.Skeletons)), f => Assert.True(f.All(char.IsLetterOrDigit), f));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("َ ُ ِ ّ")]
    [InlineData("!!! ؟؟ ... «»")]
    [InlineData("ـــ")]
    public void Lone_marks_and_punctuation_give_an_empty_query(string raw) => Assert.True(SearchQuery.Parse(raw).IsEmpty);

    [Fact]
    public void A_query_is_cut_to_200_characters()
    {
        var query = SearchQuery.Parse(string.Concat(Enumerable.Repeat("مراكش ", 100)));
        Assert.Equal(SearchQuery.MaxLength, query.Text.Length);
    }

    [Fact]
    public void Cutting_never_splits_a_surrogate_pair()
    {
        var query = SearchQuery.Parse(new string('a', 199) + "😀");
        Assert.Equal(199, query.Text.Length);
    }

    [Fact]
    public void Repeated_words_are_one_term() => Assert.Single(SearchQuery.Parse("داعش داعش دَاعِش").Terms);

    [Fact]
    public void Keywords_leave_out_function_words_and_short_words()
    {
        var keywords = SearchQuery.Keywords("رسميا.. بلينكين يغيب عن الاجتماع الوزاري للتحالف الدولي ضد “داعش”");

        Assert.Equal(["بلينكين", "يغيب", "الاجتماع", "الوزاري", "للتحالف", "الدولي", "داعش"], keywords.Terms.Select(t => t.Word));
    }

    [Fact]
    public void A_variant_spelling_matches_for_highlighting()
    {
        var query = SearchQuery.Parse("بلينكن التحالف");

        Assert.True(query.Matches("بلينكين"));
        Assert.True(query.Matches("والتحالف"));
        Assert.False(query.Matches("مراكش"));
    }
}
