using Madar21.Web.Articles;
using Madar21.Web.Seeding;

namespace Madar21.Tests.Articles;

/// <summary>The renderer skips the sanitiser only for markup with nothing to remove; everything else still goes through it.</summary>
public class MarkdownRendererSafetyTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData("[x](javascript:alert(1))", "javascript:")]
    [InlineData("![x](javascript:alert(1))", "javascript:")]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("a <b onclick=\"x\">b</b>", "<b ")]
    public void Dangerous_markdown_is_still_sanitised(string markdown, string forbidden)
    {
        Assert.DoesNotContain(forbidden, _renderer.Render(markdown).Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Links_survive_with_their_safe_urls()
    {
        var html = _renderer.Render("[مدار21](https://madar21.com) و www.example.com").Html;
        Assert.Contains("href=\"https://madar21.com\"", html);
        Assert.Contains("href=\"http://www.example.com\"", html);
    }

    [Fact]
    public void Plain_paragraphs_render_as_paragraphs_with_their_text()
    {
        var seed = SeedFileParser.ParseText("سياسة\n\nعنوان\n\nفقرة أولى (بين قوسين) <b>ليست وسما</b>.\n\nفقرة ثانية: http://x.ma").Article!;
        var rendered = _renderer.Render(seed.ToMarkdown());
        Assert.Equal("<p>فقرة أولى (بين قوسين) &lt;b&gt;ليست وسما&lt;/b&gt;.</p>\n<p>فقرة ثانية: http://x.ma</p>", rendered.Html);
        Assert.Equal("فقرة أولى (بين قوسين) <b>ليست وسما</b>.\nفقرة ثانية: http://x.ma", rendered.Text);
    }
}
