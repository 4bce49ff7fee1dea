using Madar21.Web.Site;
using Madar21.Web.Text;

namespace Madar21.Tests.Site;

public class ArabicPluralTests
{
    [Theory]
    [InlineData(0, "لا تعليقات")]
    [InlineData(1, "تعليق واحد")]
    [InlineData(2, "تعليقان")]
    [InlineData(3, "3 تعليقات")]
    [InlineData(10, "10 تعليقات")]
    [InlineData(11, "11 تعليقًا")]
    [InlineData(99, "99 تعليقًا")]
    [InlineData(100, "100 تعليق")]
    [InlineData(101, "101 تعليق")] // after digits the unit is not read apart («مئة وتعليق»): CLDR's "other"
    [InlineData(102, "102 تعليق")] // the same for the dual: not «102 تعليقان»
    [InlineData(103, "103 تعليقات")]
    [InlineData(110, "110 تعليقات")]
    [InlineData(111, "111 تعليقًا")]
    [InlineData(200, "200 تعليق")]
    [InlineData(1000, "1000 تعليق")]
    [InlineData(1011, "1011 تعليقًا")]
    public void Comment_counts_take_the_form_arabic_gives_the_noun_after_each_number(int count, string expected) =>
        Assert.Equal(expected, ArabicPlural.Format(count, ArabicPlural.Comments));

    [Theory]
    [InlineData(1, "دقيقة قراءة")]
    [InlineData(2, "دقيقتا قراءة")]
    [InlineData(3, "3 دقائق قراءة")]
    [InlineData(12, "12 دقيقةَ قراءة")]
    [InlineData(100, "100 دقيقة قراءة")]
    public void Reading_time_keeps_the_feminine_noun_in_construct_with_its_complement(int count, string expected) =>
        Assert.Equal(expected, ArabicPlural.Format(count, ArabicPlural.ReadingMinutes));

    [Theory]
    [InlineData(0, "لا مقالات")]
    [InlineData(1, "مقال واحد")]
    [InlineData(2, "مقالان")]
    [InlineData(5, "5 مقالات")]
    [InlineData(11, "11 مقالًا")]
    [InlineData(100, "100 مقال")]
    public void Article_counts_of_the_review_queue_agree_with_their_number(int count, string expected) =>
        Assert.Equal(expected, ArabicPlural.Format(count, ArabicPlural.Articles));

    [Theory]
    [InlineData(0, ArabicPlural.Category.Zero)]
    [InlineData(1, ArabicPlural.Category.One)]
    [InlineData(2, ArabicPlural.Category.Two)]
    [InlineData(3, ArabicPlural.Category.Few)]
    [InlineData(10, ArabicPlural.Category.Few)]
    [InlineData(11, ArabicPlural.Category.Many)]
    [InlineData(99, ArabicPlural.Category.Many)]
    [InlineData(100, ArabicPlural.Category.Other)]
    [InlineData(101, ArabicPlural.Category.Other)]
    [InlineData(102, ArabicPlural.Category.Other)]
    [InlineData(103, ArabicPlural.Category.Few)]
    [InlineData(111, ArabicPlural.Category.Many)]
    public void Categories_are_cldrs_arabic_plural_rules(long count, ArabicPlural.Category category) =>
        Assert.Equal(category, ArabicPlural.CategoryOf(count));
}
