using Madar21.Web.Articles;

namespace Madar21.Tests.Articles;

public class MarkdownLimitsTests
{
    [Theory]
    [InlineData("فقرة فيها **عريض** و*مائل* و[رابط](https://example.com) و`رمز`.\n\n> اقتباس\n> > داخل اقتباس\n\n- بند\n  - بند داخل بند\n\n1. أول\n2. ثان")]
    [InlineData("خط فاصل:\n\n------------------------------------------\n\n***\n\n| أ | ب |\n|---|---|\n| 1 | 2 |")]
    [InlineData("(قوسان (داخل (قوسين))) و\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[ مهرّبة")]
    public void An_ordinary_article_is_accepted(string markdown) => Assert.Null(MarkdownLimits.Check(markdown));

    [Theory]
    [InlineData(">>>>>>>>> تسعة مستويات")]
    [InlineData("- - - - - - - - - تسع قوائم")]
    [InlineData("                                    - بند بعد ستة وثلاثين فراغاً")]
    [InlineData("[[[[[[[[[ تسعة أقواس")]
    [InlineData("[a]([a]([a]([a]([a]([a]([a]([a]([a](")]
    [InlineData("*****************نص*****************")]
    public void Nesting_past_the_limit_is_refused(string markdown) =>
        Assert.Equal(MarkdownLimits.TooDeepMessage, MarkdownLimits.Check(markdown));

    [Fact]
    public void A_blank_line_ends_what_a_paragraph_left_open()
    {
        Assert.Null(MarkdownLimits.Check(string.Join("\n\n", Enumerable.Repeat("[[[[ (((( ", 100))));
    }

    [Fact]
    public void Size_markup_per_paragraph_and_links_are_bounded()
    {
        Assert.Null(MarkdownLimits.Check(new string('ب', MarkdownLimits.MaxLength)));
        Assert.StartsWith("نص المقال أطول", MarkdownLimits.Check(new string('ب', MarkdownLimits.MaxLength + 1)));
        Assert.StartsWith("في إحدى فقرات المقال", MarkdownLimits.Check(string.Concat(Enumerable.Repeat("*a* ", 600))));
        Assert.Null(MarkdownLimits.Check(string.Join("\n\n", Enumerable.Repeat(string.Concat(Enumerable.Repeat("*a* ", 200)), 5))));
        Assert.Null(MarkdownLimits.Check(string.Concat(Enumerable.Repeat("https://a.b ", MarkdownLimits.MaxLinks))));
        Assert.StartsWith("في نص المقال أكثر من", MarkdownLimits.Check(string.Concat(Enumerable.Repeat("www.a.b ", MarkdownLimits.MaxLinks + 1))));
    }
}
