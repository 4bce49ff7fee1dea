using Madar21.Web.Articles;

namespace Madar21.Tests.Articles;

public class ReadingTimeTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("  \n ", 0)]
    [InlineData("قال الوزير إن", 3)]
    [InlineData("سطر أول\nسطر ثانٍ", 4)]
    [InlineData("في 2026 — «مدار21» ، نعم", 4)] // a dash or a lone comma is not a word
    public void Words_are_runs_with_a_letter_or_digit(string text, int words) =>
        Assert.Equal(words, ReadingTime.WordCount(text));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(140, 1)]
    [InlineData(141, 2)]
    [InlineData(420, 3)]
    public void Minutes_round_up_at_140_words_a_minute_and_are_never_zero(int words, int minutes) =>
        Assert.Equal(minutes, ReadingTime.Minutes(string.Join(' ', Enumerable.Repeat("كلمة", words))));
}
