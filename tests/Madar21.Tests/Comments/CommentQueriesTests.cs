using Madar21.Web.Comments;

namespace Madar21.Tests.Comments;

public class CommentQueriesTests
{
    [Theory]
    [InlineData(0, "لا توجد تعليقات")]
    [InlineData(1, "تعليق واحد")]
    [InlineData(2, "تعليقان")]
    [InlineData(3, "3 تعليقات")]
    [InlineData(10, "10 تعليقات")]
    [InlineData(11, "11 تعليقاً")]
    [InlineData(99, "99 تعليقاً")]
    [InlineData(100, "100 تعليق")]
    [InlineData(102, "102 تعليق")]
    [InlineData(103, "103 تعليقات")]
    [InlineData(111, "111 تعليقاً")]
    [InlineData(1000, "1000 تعليق")]
    public void Count_heading_uses_the_arabic_plural_forms(int count, string heading) =>
        Assert.Equal(heading, CommentQueries.CountHeading(count));
}
