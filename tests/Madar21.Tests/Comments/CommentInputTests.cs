using Madar21.Web.Comments;

namespace Madar21.Tests.Comments;

public class CommentInputTests
{
    private static CommentInput Valid() => new() { Comment = "نص", Author = "علي", Email = "ali@example.ma", Url = "" };

    private static IReadOnlyDictionary<string, string> Errors(CommentInput input)
    {
        input.Normalize();
        return input.Validate();
    }

    [Fact]
    public void A_complete_input_is_valid() => Assert.Empty(Errors(Valid()));

    [Fact]
    public void The_name_and_the_url_are_cleaned_as_one_line_values_and_the_text_as_text()
    {
        var input = Valid();
        input.Comment = " \r\n\u2067abc\u2069\r\nسطر\u0001 ";
        input.Author = "\u202Bعلي\u202C\nAli";
        input.Url = " https://\u202Emoc.live\u202C.example.com/ ";
        input.Normalize();
        Assert.Equal("\u2067abc\u2069\nسطر", input.Comment);
        Assert.Equal("علي Ali", input.Author);
        Assert.Equal("https://moc.live.example.com/", input.Url);
    }

    [Fact]
    public void Text_keeps_its_bidi_controls()
    {
        var input = Valid();
        input.Comment = "\u2067abc\u2069 نص";
        input.Normalize();
        Assert.Equal("\u2067abc\u2069 نص", input.Comment);
    }

    [Theory]
    [InlineData("ali@example.ma", true)]
    [InlineData("ali.el-idrissi+news@mail.example.co.ma", true)]
    [InlineData("ali@example", false)]
    [InlineData("ali@.example.ma", false)]
    [InlineData("ali example@example.ma", false)]
    [InlineData("Ali <ali@example.ma>", false)]
    [InlineData("@example.ma", false)]
    [InlineData("ali@", false)]
    [InlineData("ali@@example.ma", false)]
    public void Email_validation(string email, bool valid)
    {
        var input = Valid();
        input.Email = email;
        Assert.Equal(valid, !Errors(input).ContainsKey(CommentInput.EmailField));
    }

    [Theory]
    [InlineData("https://example.ma/", true)]
    [InlineData("http://example.ma/path?q=1#x", true)]
    [InlineData("HTTPS://EXAMPLE.MA", true)]
    [InlineData("", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JavaScript:alert(1)//http://", false)]
    [InlineData("data:text/html,<script>", false)]
    [InlineData("vbscript:x", false)]
    [InlineData("ftp://example.ma", false)]
    [InlineData("//example.ma", false)]
    [InlineData("example.ma", false)]
    [InlineData("http:\\\\example.ma", false)]
    [InlineData("http://", false)]
    [InlineData("http://exa mple.ma", false)]
    public void Url_must_be_absolute_http_or_https(string url, bool valid)
    {
        var input = Valid();
        input.Url = url;
        Assert.Equal(valid, !Errors(input).ContainsKey(CommentInput.UrlField));
    }

    [Fact]
    public void Lengths_are_counted_after_normalisation()
    {
        var input = Valid();
        input.Comment = string.Concat(Enumerable.Repeat("ab\r\n", 1250)); // 5,000 once \r\n is \n (and trimmed)
        Assert.DoesNotContain(CommentInput.CommentField, Errors(input).Keys);
        input.Author = new string('ع', 100);
        Assert.DoesNotContain(CommentInput.AuthorField, Errors(input).Keys);
        input.Author = new string('ع', 101);
        Assert.Contains(CommentInput.AuthorField, Errors(input).Keys);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("x", true)]
    public void A_filled_honeypot_marks_a_bot(string? subject, bool bot) =>
        Assert.Equal(bot, new CommentInput { Subject = subject }.IsBot);
}
